/**
 * Managed links, GET /s/:token: the recipient never gets a long-lived S3 URL. Each visit checks the
 * record, counts the download and redirects to a URL signed for about a minute.
 */
import { type Context, Hono } from "hono";
import { attachment } from "../content-disposition.ts";
import {
	type AppDeps,
	type AuditType,
	type ShareRecord,
	stamp,
} from "../ports.ts";
import { sha256Hex } from "../secrets.ts";
import { statusOf } from "../share-view.ts";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const REFUSALS = {
	revoked: "This link was revoked by its owner.",
	expired: "This link has expired.",
	exhausted: "This link has reached its download limit.",
	unavailable: "What this link pointed to is no longer shared.",
} as const;

export function linksRoutes(deps: AppDeps) {
	return new Hono().get("/:token", async (c) => {
		const token = c.req.param("token");
		const share = TOKEN.test(token)
			? await deps.store.shares.findByLinkTokenHash(await sha256Hex(token))
			: null;
		if (share?.mode !== "managed")
			return page(
				c,
				404,
				"Link not found",
				"There is no share at this address.",
			);
		const now = deps.clock.now();
		const status = statusOf(share, now);
		const profile = deps.config.profiles.find(
			(candidate) => candidate.id === share.profileId,
		);
		const refusal =
			status !== "active" ? status : !profile ? "unavailable" : null;
		if (refusal || !profile)
			return refuse(c, deps, share, refusal ?? "unavailable");
		if (!(await deps.store.shares.countDownload(share.id)))
			return refuse(c, deps, share, "exhausted");
		const remainingSeconds = Math.floor(
			(Date.parse(share.effectiveExpiresAt) - now.getTime()) / 1000,
		);
		const lifetime = Math.max(
			1,
			Math.min(deps.config.managedLinkTtlSeconds, remainingSeconds),
		);
		const credentials = await deps.credentials.forProfile(profile, lifetime);
		const url = await deps.signer.presign({
			method: "GET",
			profile,
			key: share.key,
			credentials,
			expiresInSeconds: lifetime,
			signingDate: now,
			responseContentDisposition: share.filename
				? attachment(share.filename)
				: undefined,
		});
		await audit(
			deps,
			c,
			share,
			"share.visited",
			`redirected, signed for ${lifetime} s`,
		);
		c.header("Cache-Control", "no-store");
		c.header("Referrer-Policy", "no-referrer");
		return c.redirect(url, 302);
	});
}

async function refuse(
	c: Context,
	deps: AppDeps,
	share: ShareRecord,
	reason: keyof typeof REFUSALS,
) {
	await audit(deps, c, share, "share.refused", reason);
	return page(c, 410, "Link no longer available", REFUSALS[reason]);
}

async function audit(
	deps: AppDeps,
	c: Context,
	share: ShareRecord,
	type: AuditType,
	detail: string,
) {
	await deps.store.audit.append({
		at: stamp(deps.clock.now()),
		type,
		shareId: share.id,
		actor: null,
		userAgent: c.req.header("user-agent")?.slice(0, 500) ?? null,
		clientIp: deps.clientAddress(c),
		detail,
	});
}

function page(c: Context, status: 404 | 410, title: string, message: string) {
	c.header("Cache-Control", "no-store");
	c.header(
		"Content-Security-Policy",
		"default-src 'none'; style-src 'unsafe-inline'",
	);
	return c.html(
		`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
			`<title>${title} · Signet</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style>` +
			`<h1>${title}</h1><p>${message}</p><p>Ask the person who sent it for a new link.</p></html>`,
		status,
	);
}
