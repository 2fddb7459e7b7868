/** Which shares a list or revoke-many filter selects: one rule, for records in memory and in SQL. */
import { SignetError } from "../../shared/errors.ts";
import type { ShareQuery, ShareRecord } from "../ports.ts";
import { shareStatus, statusSql } from "../share-status.ts";
import { type SqlQuery, sql } from "./sql-runner.ts";

/** user, profile, status (judged at `now`) and search; every one given must match. */
export type ShareFilter = Partial<
	Pick<ShareQuery, "user" | "profileId" | "status" | "search" | "now">
>;

/** revokeMany() never means "every share": it needs a profile, a user or both. */
export function requireOwner(filter: { profileId?: string; user?: string }) {
	if (filter.profileId === undefined && filter.user === undefined) {
		throw new SignetError(
			"bad_request",
			"Say whose shares to revoke: a profile, a user or both.",
		);
	}
}

export function matchesFilter(share: ShareRecord, filter: ShareFilter) {
	if (filter.user !== undefined && share.user !== filter.user) return false;
	if (filter.profileId !== undefined && share.profileId !== filter.profileId)
		return false;
	if (
		filter.status !== undefined &&
		shareStatus(share, filter.now ?? "") !== filter.status
	)
		return false;
	if (filter.search === undefined) return true;
	const search = foldAscii(filter.search);
	return [share.key, share.user, share.profileId].some((text) =>
		foldAscii(text).includes(search),
	);
}

/** SQLite's LIKE ignores the case of ASCII letters only; so does this. */
function foldAscii(text: string): string {
	return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** matchesFilter() as WHERE conditions on `shares`, in order, each with its parameters. */
export function filterSql(filter: ShareFilter): SqlQuery[] {
	const conditions: SqlQuery[] = [];
	if (filter.user !== undefined) {
		conditions.push(sql("user = ?", filter.user));
	}
	if (filter.profileId !== undefined) {
		conditions.push(sql("profile_id = ?", filter.profileId));
	}
	if (filter.status !== undefined) {
		const status = statusSql(filter.status, filter.now ?? "");
		conditions.push({ sql: `(${status.sql})`, params: status.params });
	}
	if (filter.search !== undefined) {
		// A substring, with %, _ and \ taken literally; LIKE ignores ASCII case, as foldAscii does.
		const like = `%${filter.search.replace(/[\\%_]/g, "\\$&")}%`;
		conditions.push(
			sql(
				"(key LIKE ? ESCAPE '\\' OR user LIKE ? ESCAPE '\\' OR profile_id LIKE ? ESCAPE '\\')",
				like,
				like,
				like,
			),
		);
	}
	return conditions;
}
