/**
 * Revoking: there is no API to revoke one presigned URL. A managed link stops at once; a direct
 * link signed by its own STS session is denied through IAM; anything else is recorded, and the
 * answer says plainly that S3 honours the URL until it expires.
 */

import type { z } from "zod";
import type { revokeResponseSchema } from "../shared/api.ts";
import { SignetError } from "../shared/errors.ts";
import { utcText } from "../shared/relative-time.ts";
import type { AuthUser } from "./http.ts";
import { type AppDeps, type ShareRecord, stamp } from "./ports.ts";
import { findProfile } from "./share-service.ts";
import { shareView } from "./share-view.ts";

type RevokeResponse = z.infer<typeof revokeResponseSchema>;

/** A share the user may see: their own, or any for admins. Others' shares are "not found". */
export async function visibleShare(
	deps: AppDeps,
	user: AuthUser,
	id: string,
): Promise<ShareRecord> {
	const share = await deps.store.shares.get(id);
	if (!share || (share.user !== user.name && user.role !== "admin")) {
		throw new SignetError("not_found", `There is no share '${id}' of yours.`);
	}
	return share;
}

export async function revokeShare(
	deps: AppDeps,
	user: AuthUser,
	id: string,
): Promise<RevokeResponse> {
	return revokeRecord(deps, user, await visibleShare(deps, user, id));
}

/** Revokes a share the caller has already read (and may see): stops what can be stopped, records it. */
export async function revokeRecord(
	deps: AppDeps,
	user: AuthUser,
	share: ShareRecord,
): Promise<RevokeResponse> {
	const now = deps.clock.now();
	if (share.revokedAt !== null) {
		// Two writers of a role's policy at once (two Worker isolates) can lose a Deny: revoking
		// again applies it again, for as long as the session lives.
		if (hasOwnSession(share) && share.sessionExpiresAt > stamp(now)) {
			await denySessions(deps, share.profileId, [share], now);
			return {
				share: shareView(share, now),
				message: `Already revoked at ${utcText(share.revokedAt)}; IAM's Deny of its STS session is applied again.`,
			};
		}
		return {
			share: shareView(share, now),
			message:
				`Already revoked at ${utcText(share.revokedAt)}. ${share.revocation ?? ""}`.trim(),
		};
	}
	const revocation = await stopShare(deps, share, now);
	const revoked = await recordRevocation(deps, user, share, revocation, now);
	return { share: shareView(revoked, now), message: revocation };
}

/** Marks a share revoked, saying what revoking did, and records it in the audit trail. */
export async function recordRevocation(
	deps: AppDeps,
	user: AuthUser,
	share: ShareRecord,
	revocation: string,
	now: Date,
): Promise<ShareRecord> {
	const revoked = await deps.store.shares.revoke(share.id, {
		at: stamp(now),
		by: user.name,
		revocation,
	});
	await deps.store.audit.append({
		at: stamp(now),
		type: "share.revoked",
		shareId: share.id,
		actor: user.name,
		userAgent: null,
		clientIp: null,
		detail: revocation,
	});
	return revoked ?? share;
}

/** A direct link signed by its own STS session: IAM can stop it. */
export type SessionShare = ShareRecord & {
	sessionUserId: string;
	sessionExpiresAt: string;
};

/** Whether IAM can stop this share: a direct link signed by its own STS session. */
export function hasOwnSession(share: ShareRecord): share is SessionShare {
	return (
		share.mode === "direct" &&
		share.sessionUserId !== null &&
		share.sessionExpiresAt !== null
	);
}

export const SESSION_DENIED =
	"Revoked: IAM now denies this share's own STS session, so S3 refuses the URL (IAM changes can take a few seconds to apply).";

/**
 * Denies the own STS sessions of shares of one profile, in one change of its role's policy
 * however many there are: revoking all of a user's links costs one IAM read and write per role.
 */
export async function denySessions(
	deps: AppDeps,
	profileId: string,
	shares: SessionShare[],
	now: Date,
): Promise<void> {
	await (await roleRevocation(deps, profileId, now)).deny(shares);
}

export interface RoleRevocation {
	deny(shares: SessionShare[]): Promise<void>;
}

/**
 * The revocation of one profile's role, prepared once for any number of `deny` calls (revoke-all
 * tries one change, then one share at a time when they overflow the policy). Each change names
 * again every session of the role revoked before and still alive: a Deny that a concurrent writer
 * of the role's policy dropped (two Worker isolates at once) comes back with it.
 */
export async function roleRevocation(
	deps: AppDeps,
	profileId: string,
	now: Date,
): Promise<RoleRevocation> {
	const profile = deps.config.profiles.find(
		(candidate) => candidate.id === profileId,
	);
	if (!profile) {
		throw new SignetError(
			"revocation_failed",
			`Profile '${profileId}' is no longer configured, so its role's policy cannot be changed.`,
		);
	}
	const { roleArn } = profile.credentials;
	const alreadyRevoked = await deps.store.shares.revokedLiveSessions({
		profileIds: deps.config.profiles
			.filter((candidate) => candidate.credentials.roleArn === roleArn)
			.map((candidate) => candidate.id),
		now: stamp(now),
	});
	return {
		deny: (shares) =>
			deps.revoker.revokeSessions({
				profile,
				// A session named twice is one Deny: the policy keeps each session once.
				sessions: [...shares, ...alreadyRevoked].map((session) => ({
					sessionUserId: session.sessionUserId,
					sessionExpiresAt: new Date(session.sessionExpiresAt),
				})),
				now,
			}),
	};
}

async function stopShare(
	deps: AppDeps,
	share: ShareRecord,
	now: Date,
): Promise<string> {
	if (share.mode === "managed")
		return "Revoked: the managed link now answers 410 Gone.";
	if (hasOwnSession(share)) {
		await denySessions(deps, share.profileId, [share], now);
		return SESSION_DENIED;
	}
	const signer =
		share.credentialType === "long-term"
			? "a long-term access key"
			: "shared credentials";
	return `Recorded as revoked, but S3 will honour this URL until it expires at ${utcText(share.effectiveExpiresAt)}: it was signed with ${signer}, which cannot be revoked per URL.`;
}

export interface RevokeAllResult {
	revoked: number;
	message: string;
}

/** The emergency button: every share of a profile, and every role session issued before now. */
export async function revokeProfile(
	deps: AppDeps,
	user: AuthUser,
	profileId: string,
): Promise<RevokeAllResult> {
	const profile = findProfile(deps, user, profileId);
	const now = deps.clock.now();
	const at = stamp(now);
	let message: string;
	if (profile.credentials.roleArn) {
		await deps.revoker.revokeSessionsIssuedBefore({
			profile,
			before: now,
			now,
		});
		deps.credentials.forget?.(profile.id);
		message = `IAM now denies every session of ${profile.credentials.roleArn} issued before ${at}: all direct links of '${profile.id}' stop working, and managed links answer 410.`;
	} else {
		message = `Managed links of '${profile.id}' answer 410. Direct links were signed with long-term keys: S3 honours them until they expire (at most 7 days); deactivate the access key to stop them sooner.`;
	}
	const revoked = await deps.store.shares.revokeMany(
		{ profileId: profile.id },
		{ at, by: user.name, revocation: message },
	);
	await deps.store.audit.append({
		at,
		type: "shares.revoked-all",
		shareId: null,
		actor: user.name,
		userAgent: null,
		clientIp: null,
		detail: `profile ${profile.id}: ${revoked} shares. ${message}`,
	});
	return { revoked, message };
}
