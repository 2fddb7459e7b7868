/**
 * Revoke-all of a user: every share of theirs not yet revoked, each with its own revocation and
 * audit event, the STS sessions of each profile denied in one IAM change; and an account of what
 * could not be stopped.
 */

import { isSignetError } from "../../shared/errors.ts";
import { utcText } from "../../shared/relative-time.ts";
import type { AuthUser } from "../http.ts";
import { type AppDeps, type ShareRecord, stamp } from "../ports.ts";
import { PolicyTooLargeError } from "../revocation/iam-policies.ts";
import {
	hasOwnSession,
	type RoleRevocation,
	recordRevocation,
	revokeRecord,
	roleRevocation,
	SESSION_DENIED,
	type SessionShare,
} from "../revoke-service.ts";
import { isExpired } from "../share-status.ts";

export interface UserRevocation {
	user: string;
	/** Managed links, which answer 410 from now on. */
	managed: number;
	/** Direct links whose own STS session IAM now denies. */
	sessionsDenied: number;
	/** Shares already past their end: recorded, nothing left to stop. */
	alreadyEnded: number;
	/** Recorded as revoked, but S3 honours these URLs until they expire. */
	stillWorking: { share: ShareRecord; reason: string }[];
	/** Not revoked: the change was refused (IAM, a profile no longer configured). */
	failed: { share: ShareRecord; reason: string }[];
}

const PAGE = 500;

export async function revokeUserShares(
	deps: AppDeps,
	admin: AuthUser,
	user: string,
): Promise<UserRevocation> {
	const result: UserRevocation = {
		user,
		managed: 0,
		sessionsDenied: 0,
		alreadyEnded: 0,
		stillWorking: [],
		failed: [],
	};
	// Shares with their own STS session are denied together, one IAM change per profile.
	const sessions = new Map<string, SessionShare[]>();
	for (const share of await unrevokedShares(deps, user)) {
		const now = stamp(deps.clock.now());
		try {
			if (isExpired(share, now)) {
				await recordRevocation(
					deps,
					admin,
					share,
					"Revoked after it had expired: there was nothing left to stop.",
					new Date(now),
				);
				result.alreadyEnded++;
				continue;
			}
			if (hasOwnSession(share)) {
				sessions.set(share.profileId, [
					...(sessions.get(share.profileId) ?? []),
					share,
				]);
				continue;
			}
			await revokeRecord(deps, admin, share);
		} catch (error) {
			result.failed.push({ share, reason: failure(deps, user, error) });
			continue;
		}
		if (share.mode === "managed") result.managed++;
		else result.stillWorking.push({ share, reason: stillWorkingReason(share) });
	}
	for (const [profileId, shares] of sessions) {
		const now = deps.clock.now();
		const fail = (failed: SessionShare[], error: unknown) => {
			const reason = failure(deps, user, error);
			for (const share of failed) result.failed.push({ share, reason });
		};
		// The role's revoked sessions are read once, for however many changes it takes.
		let role: RoleRevocation;
		try {
			role = await roleRevocation(deps, profileId, now);
		} catch (error) {
			fail(shares, error);
			continue;
		}
		const denied = await denyAsManyAsFit(role, shares, fail);
		for (const share of denied) {
			try {
				await recordRevocation(deps, admin, share, SESSION_DENIED, now);
				result.sessionsDenied++;
			} catch (error) {
				// IAM denies it already; revoking it again records it (and applies the Deny again).
				result.failed.push({ share, reason: failure(deps, user, error) });
			}
		}
	}
	await deps.store.audit.append({
		at: stamp(deps.clock.now()),
		type: "shares.revoked-all",
		shareId: null,
		actor: admin.name,
		userAgent: null,
		clientIp: null,
		detail: `user ${user}: ${summary(result)}`,
	});
	return result;
}

/**
 * One change of the role's policy for all the shares; when they overflow it, as many as still fit,
 * one by one. Returns the shares denied; the others go to `fail` with why.
 */
async function denyAsManyAsFit(
	role: RoleRevocation,
	shares: SessionShare[],
	fail: (shares: SessionShare[], error: unknown) => void,
): Promise<SessionShare[]> {
	try {
		await role.deny(shares);
		return shares;
	} catch (error) {
		if (!(error instanceof PolicyTooLargeError) || shares.length === 1) {
			fail(shares, error);
			return [];
		}
	}
	const denied: SessionShare[] = [];
	for (const share of shares) {
		try {
			await role.deny([share]);
			denied.push(share);
		} catch (error) {
			fail([share], error);
		}
	}
	return denied;
}

/** Why a revocation failed, in words for the admin; anything unexpected is logged too. */
function failure(deps: AppDeps, user: string, error: unknown): string {
	if (isSignetError(error)) return error.message;
	deps.log(`revoke-all of user ${user}: ${String(error)}`);
	return "The change failed unexpectedly; it has been logged.";
}

/** Collected first, then revoked: revoking while paging would move the cursor's ground. */
async function unrevokedShares(deps: AppDeps, user: string) {
	const shares: ShareRecord[] = [];
	let cursor: string | undefined;
	do {
		const page = await deps.store.shares.list({
			user,
			now: stamp(deps.clock.now()),
			limit: PAGE,
			cursor,
		});
		shares.push(...page.items.filter((share) => share.revokedAt === null));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return shares;
}

function stillWorkingReason(share: ShareRecord): string {
	const signer =
		share.credentialType === "long-term"
			? "a long-term access key"
			: "a shared role session";
	return `Signed with ${signer}, which cannot be revoked per URL: S3 honours it until ${utcText(share.effectiveExpiresAt)}.`;
}

export function summary(r: UserRevocation): string {
	const revoked =
		r.managed + r.sessionsDenied + r.alreadyEnded + r.stillWorking.length;
	return `${revoked} revoked (${r.managed} managed, ${r.sessionsDenied} sessions denied, ${r.alreadyEnded} already expired, ${r.stillWorking.length} still valid until they expire), ${r.failed.length} failed`;
}
