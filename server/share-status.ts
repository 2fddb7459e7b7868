/** A share's status: one rule, written side by side for a record in memory and for the `shares` table. */
import type { ShareRecord, ShareStatus } from "./ports.ts";

/*
 * Revoked beats exhausted beats expired; whatever is none of these is active. Times are compared as
 * ISO strings (`stamp()`), in TypeScript as in SQL, so both sides agree to the millisecond. Each fact
 * below has a TypeScript test and its SQL twin; the store contract suite lists every status on every
 * store, so a change to one twin that the other does not follow fails there.
 */

export const isRevoked = (share: ShareRecord): boolean =>
	share.revokedAt !== null;

/** Every allowed download taken (a limit of 0 is exhausted from the start). */
export const isExhausted = (share: ShareRecord): boolean =>
	share.maxDownloads !== null && share.downloads >= share.maxDownloads;

/** Expiring exactly at `now` counts as expired. */
export const isExpired = (share: ShareRecord, now: string): boolean =>
	share.effectiveExpiresAt <= now;

/** `now` is an ISO time as `stamp()` writes it. */
export function shareStatus(share: ShareRecord, now: string): ShareStatus {
	if (isRevoked(share)) return "revoked";
	if (isExhausted(share)) return "exhausted";
	return isExpired(share, now) ? "expired" : "active";
}

/** The facts above as conditions on the `shares` columns, each with its negation. */
const REVOKED = "revoked_at IS NOT NULL";
const NOT_REVOKED = "revoked_at IS NULL";
const EXHAUSTED = "max_downloads IS NOT NULL AND downloads >= max_downloads";
/** Not exhausted: more downloads may still be counted. */
export const UNDER_LIMIT_SQL =
	"(max_downloads IS NULL OR downloads < max_downloads)";
/** `?` is `now`: D1 binds positional parameters only. */
const EXPIRED = "effective_expires_at <= ?";
const NOT_EXPIRED = "effective_expires_at > ?";

/**
 * shareStatus() as a WHERE condition on `shares`, with the values of its `?`s. The `revoked` text
 * is exactly the WHERE of the partial index `shares_revoked_newest`, so SQLite uses that index.
 */
export function statusSql(
	status: ShareStatus,
	now: string,
): { sql: string; params: string[] } {
	switch (status) {
		case "revoked":
			return { sql: REVOKED, params: [] };
		case "exhausted":
			return { sql: `${NOT_REVOKED} AND ${EXHAUSTED}`, params: [] };
		case "expired":
			return {
				sql: `${NOT_REVOKED} AND ${UNDER_LIMIT_SQL} AND ${EXPIRED}`,
				params: [now],
			};
		case "active":
			return {
				sql: `${NOT_REVOKED} AND ${UNDER_LIMIT_SQL} AND ${NOT_EXPIRED}`,
				params: [now],
			};
	}
}
