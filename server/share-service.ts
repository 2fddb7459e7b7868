/** Creating and revoking shares: the rules of the domain, independent of HTTP and of the runtime. */

import type { z } from "zod";
import type {
	CreateShareResponse,
	createShareSchema,
	ApiWarning as Warning,
} from "../shared/api.ts";
import { SignetError } from "../shared/errors.ts";
import {
	effectiveExpiry,
	MAX_SIGV4_EXPIRES_SECONDS,
} from "../shared/presigned/effective-expiry.ts";
import { splitUrl } from "../shared/presigned/url-parts.ts";
import {
	formatDuration,
	formatSeconds,
	utcText,
} from "../shared/relative-time.ts";
import type { Profile } from "./config.ts";
import { attachment } from "./content-disposition.ts";
import type { AuthUser } from "./http.ts";
import { checkKey } from "./key-rules.ts";
import { type AppDeps, type ShareRecord, stamp } from "./ports.ts";
import { randomToken, sha256Hex } from "./secrets.ts";
import { shareView } from "./share-view.ts";

type CreateShareInput = z.output<typeof createShareSchema>;

export function findProfile(
	deps: AppDeps,
	user: AuthUser,
	profileId: string,
): Profile {
	const profile = deps.config.profiles.find(
		(candidate) => candidate.id === profileId,
	);
	if (!profile || !mayUse(user, profile)) {
		throw new SignetError(
			"profile_not_allowed",
			`There is no profile '${profileId}' you may use.`,
		);
	}
	return profile;
}

export function mayUse(user: AuthUser, profile: Profile): boolean {
	return (
		user.role === "admin" ||
		profile.users.includes("*") ||
		profile.users.includes(user.name)
	);
}

export async function createShare(
	deps: AppDeps,
	user: AuthUser,
	input: CreateShareInput,
): Promise<CreateShareResponse> {
	const profile = findProfile(deps, user, input.profile);
	checkRequest(profile, input);
	const key = checkKey(input.key, profile);
	const ttlSeconds = input.ttlSeconds ?? profile.defaultTtlSeconds;
	const now = deps.clock.now();
	const id = `shr_${randomToken(15).replace(/[-_]/g, "x")}`;
	const base = {
		id,
		user: user.name,
		profileId: profile.id,
		bucket: profile.bucket,
		key,
		action: input.action,
		mode: input.mode,
		createdAt: stamp(now),
		filename: input.filename ?? null,
		contentType: input.contentType ?? null,
		note: input.note ?? null,
		maxDownloads: input.maxDownloads ?? null,
		downloads: 0,
		revokedAt: null,
		revokedBy: null,
		revocation: null,
	};
	const made =
		input.mode === "managed"
			? await managedShare(deps, profile, base, ttlSeconds, now)
			: await directShare(deps, profile, base, input, ttlSeconds, now);
	await deps.store.shares.create(made.record);
	await deps.store.audit.append({
		at: made.record.createdAt,
		type: "share.created",
		shareId: id,
		actor: user.name,
		userAgent: null,
		clientIp: null,
		detail: `${input.mode} ${input.action} of ${profile.bucket}/${key} for ${formatSeconds(ttlSeconds)}`,
	});
	return {
		share: shareView(made.record, now),
		url: made.url,
		warnings: made.warnings,
	};
}

function checkRequest(profile: Profile, input: CreateShareInput): void {
	if (!profile.actions.includes(input.action)) {
		throw new SignetError(
			"action_not_allowed",
			`Profile '${profile.id}' does not allow '${input.action}'.`,
		);
	}
	if (!profile.modes.includes(input.mode)) {
		throw new SignetError(
			"mode_not_allowed",
			`Profile '${profile.id}' does not allow ${input.mode} links.`,
		);
	}
	if (input.mode === "managed" && input.action === "put") {
		throw new SignetError(
			"mode_not_allowed",
			"Managed links serve downloads; use a direct link for uploads.",
		);
	}
	if (input.maxDownloads !== undefined && input.mode !== "managed") {
		throw new SignetError(
			"bad_request",
			"maxDownloads needs a managed link: S3 cannot count uses of a direct URL.",
		);
	}
	if (input.contentType !== undefined && input.action !== "put") {
		throw new SignetError(
			"bad_request",
			"contentType applies to uploads (action 'put').",
		);
	}
	const ttl = input.ttlSeconds ?? profile.defaultTtlSeconds;
	if (ttl > profile.maxTtlSeconds) {
		throw new SignetError(
			"ttl_too_long",
			`A lifetime of ${ttl} s (${formatDuration(ttl * 1000)}) exceeds profile '${profile.id}''s maximum of ${profile.maxTtlSeconds} s (${formatDuration(profile.maxTtlSeconds * 1000)}).`,
		);
	}
}

type BaseRecord = Omit<
	ShareRecord,
	| "expiresAt"
	| "effectiveExpiresAt"
	| "expiryCertainty"
	| "credentialType"
	| "sessionUserId"
	| "sessionExpiresAt"
	| "signatureHash"
	| "linkTokenHash"
>;

interface MadeShare {
	record: ShareRecord;
	url: string;
	warnings: Warning[];
}

async function managedShare(
	deps: AppDeps,
	profile: Profile,
	base: BaseRecord,
	ttlSeconds: number,
	now: Date,
): Promise<MadeShare> {
	const token = randomToken(32);
	const expiresAt = stamp(now.getTime() + ttlSeconds * 1000);
	const record: ShareRecord = {
		...base,
		expiresAt,
		effectiveExpiresAt: expiresAt,
		expiryCertainty: "exact",
		credentialType: profile.credentials.roleArn ? "temporary" : "long-term",
		sessionUserId: null,
		sessionExpiresAt: null,
		signatureHash: null,
		linkTokenHash: await sha256Hex(token),
	};
	return {
		record,
		url: `${deps.publicUrl.replace(/\/+$/, "")}/s/${token}`,
		warnings: [],
	};
}

async function directShare(
	deps: AppDeps,
	profile: Profile,
	base: BaseRecord,
	input: CreateShareInput,
	askedSeconds: number,
	now: Date,
): Promise<MadeShare> {
	const credentials = await deps.credentials.forShare({
		profile,
		shareId: base.id,
		key: base.key,
		action: input.action,
		lifetimeSeconds: askedSeconds,
	});
	const warnings: Warning[] = [];
	let ttlSeconds = askedSeconds;
	const credentialEndMs = credentials.expiresAt?.getTime() ?? null;
	if (
		credentialEndMs !== null &&
		credentialEndMs < now.getTime() + askedSeconds * 1000
	) {
		// A URL never outlives its credentials: sign for what they allow, and say so.
		ttlSeconds = Math.floor((credentialEndMs - now.getTime()) / 1000);
		if (ttlSeconds < 1)
			throw new SignetError(
				"upstream_failed",
				"The signing credentials have already expired.",
			);
		warnings.push({
			code: "lifetime-clamped",
			message: `The signing credentials end at ${utcText(stamp(credentialEndMs))}, so the link lasts ${formatDuration(ttlSeconds * 1000)} instead of the ${formatDuration(askedSeconds * 1000)} asked for.`,
		});
	}
	const url = await deps.signer.presign({
		method: input.action === "put" ? "PUT" : "GET",
		profile,
		key: base.key,
		credentials,
		expiresInSeconds: ttlSeconds,
		signingDate: now,
		responseContentDisposition: input.filename
			? attachment(input.filename)
			: undefined,
		contentType: input.contentType,
	});
	const signedAtMs = Math.floor(now.getTime() / 1000) * 1000;
	const credentialType =
		credentials.kind === "long-term" ? "long-term" : "temporary";
	const truth = effectiveExpiry({
		signedAtMs,
		expiresAtMs: signedAtMs + ttlSeconds * 1000,
		maxLifetimeSeconds: MAX_SIGV4_EXPIRES_SECONDS,
		credentialType,
		credentialExpiresAtMs: credentialEndMs,
	});
	if (credentials.sessionUserId === null)
		warnings.push(notRevocable(credentials.kind, truth.effectiveExpiresAtMs));
	const signature = splitUrl(url);
	const record: ShareRecord = {
		...base,
		expiresAt: stamp(signedAtMs + ttlSeconds * 1000),
		effectiveExpiresAt: stamp(
			truth.effectiveExpiresAtMs ?? signedAtMs + ttlSeconds * 1000,
		),
		expiryCertainty: truth.certainty,
		credentialType,
		sessionUserId: credentials.sessionUserId,
		sessionExpiresAt: credentialEndMs === null ? null : stamp(credentialEndMs),
		signatureHash: signature.ok
			? await sha256Hex(signature.value.params.get("x-amz-signature") ?? url)
			: null,
		linkTokenHash: null,
	};
	return { record, url, warnings };
}

function notRevocable(kind: string, untilMs: number | null): Warning {
	const signer =
		kind === "long-term" ? "a long-term access key" : "shared credentials";
	return {
		code: "not-revocable",
		message: `Signed with ${signer}: this link cannot be revoked on its own before it expires${untilMs === null ? "" : ` at ${utcText(stamp(untilMs))}`}. Use a managed link, or a profile with per-share role sessions, for links you may need to take back.`,
	};
}
