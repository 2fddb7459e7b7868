/** /api/me and /api/lookup: who am I, and is this URL one of our shares? */
import { Hono } from "hono";
import { lookupRequestSchema } from "../../shared/api.ts";
import { splitUrl } from "../../shared/presigned/url-parts.ts";
import { type AppEnv, readJson } from "../http.ts";
import type { AppDeps, ShareRecord } from "../ports.ts";
import { sha256Hex } from "../secrets.ts";
import { shareView, statusOf } from "../share-view.ts";

export function accountRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get("/me", (c) =>
			c.json({
				user: c.var.user.name,
				role: c.var.user.role,
				tokenId: c.var.user.tokenId,
			}),
		)
		.post("/lookup", async (c) => {
			const { url } = await readJson(c, lookupRequestSchema);
			const share = await findShareByUrl(deps, url);
			const now = deps.clock.now();
			if (!share) {
				return c.json({
					known: false,
					share: null,
					message: "Signet did not make this link.",
				});
			}
			const user = c.var.user;
			if (share.user !== user.name && user.role !== "admin") {
				return c.json({
					known: true,
					share: null,
					message: `A Signet link of another user, ${statusOf(share, now)}. Ask an admin for details.`,
				});
			}
			return c.json({
				known: true,
				share: shareView(share, now),
				message: `Share ${share.id} by ${share.user}: ${statusOf(share, now)}.`,
			});
		});
}

/** A managed link by its token, a direct link by its signature: both are compared as hashes only. */
async function findShareByUrl(
	deps: AppDeps,
	url: string,
): Promise<ShareRecord | null> {
	const base = `${deps.publicUrl.replace(/\/+$/, "")}/s/`;
	if (url.startsWith(base)) {
		const token = url.slice(base.length).split(/[?#/]/)[0] ?? "";
		return deps.store.shares.findByLinkTokenHash(await sha256Hex(token));
	}
	const split = splitUrl(url);
	const signature = split.ok
		? split.value.params.get("x-amz-signature")
		: undefined;
	return signature
		? deps.store.shares.findBySignatureHash(await sha256Hex(signature))
		: null;
}
