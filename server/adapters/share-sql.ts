/** The SQL of the `shares` table for better-sqlite3 and D1 alike: record ↔ row, and every query. */
import type { RevokeInput, ShareQuery, ShareRecord } from "../ports.ts";
import { UNDER_LIMIT_SQL } from "../share-status.ts";
import { filterSql, type ShareFilter } from "./share-filter.ts";
import { type SqlQuery, sql, whereSql } from "./sql-runner.ts";

/** ShareRecord field → column. Selecting `column AS field` hands rows back already shaped as records. */
const SHARE_COLUMNS = {
	id: "id",
	user: "user",
	profileId: "profile_id",
	bucket: "bucket",
	key: "key",
	action: "action",
	mode: "mode",
	createdAt: "created_at",
	expiresAt: "expires_at",
	effectiveExpiresAt: "effective_expires_at",
	expiryCertainty: "expiry_certainty",
	credentialType: "credential_type",
	sessionUserId: "session_user_id",
	sessionExpiresAt: "session_expires_at",
	signatureHash: "signature_hash",
	linkTokenHash: "link_token_hash",
	filename: "filename",
	contentType: "content_type",
	note: "note",
	maxDownloads: "max_downloads",
	downloads: "downloads",
	revokedAt: "revoked_at",
	revokedBy: "revoked_by",
	revocation: "revocation",
} as const satisfies Record<keyof ShareRecord, string>;

const FIELDS = Object.keys(SHARE_COLUMNS) as (keyof ShareRecord)[];
const SELECT = `SELECT ${FIELDS.map((f) => `${SHARE_COLUMNS[f]} AS ${f}`).join(", ")} FROM shares`;
const INSERT = `INSERT INTO shares (${FIELDS.map((f) => SHARE_COLUMNS[f]).join(", ")}) VALUES (${FIELDS.map(() => "?").join(", ")})`;
/** Newest first; the id breaks ties. Matches the indexes `shares_*newest` and the keyset cursor. */
const NEWEST_FIRST = "ORDER BY created_at DESC, id DESC";
const REVOKE =
	"UPDATE shares SET revoked_at = ?, revoked_by = ?, revocation = ?";

/** Each returns the statement to run; the rows of a SELECT are ShareRecords. */
export const shareSql = {
	insert: (share: ShareRecord): SqlQuery => ({
		sql: INSERT,
		params: FIELDS.map((f) => share[f]),
	}),
	byId: (id: string) => sql(`${SELECT} WHERE id = ?`, id),
	byLinkTokenHash: (hash: string) =>
		sql(`${SELECT} WHERE link_token_hash = ?`, hash),
	/** The newest, should two shares carry one signature. */
	bySignatureHash: (hash: string) =>
		sql(`${SELECT} WHERE signature_hash = ? ${NEWEST_FIRST} LIMIT 1`, hash),

	/** One row more than `limit`, after the cursor's `[createdAt, id]` when there is one. */
	list(query: ShareQuery, after: [string, string] | null): SqlQuery {
		const conditions = filterSql(query);
		if (after !== null) {
			conditions.push(sql("(created_at, id) < (?, ?)", ...after));
		}
		const where = whereSql(conditions);
		return {
			sql: `${SELECT}${where.sql} ${NEWEST_FIRST} LIMIT ?`,
			params: [...where.params, query.limit + 1],
		};
	},

	/** Changes nothing when already revoked: the first revocation stays. */
	revoke: (id: string, input: RevokeInput) =>
		sql(
			`${REVOKE} WHERE id = ? AND revoked_at IS NULL`,
			input.at,
			input.by,
			input.revocation,
			id,
		),

	revokeMany(filter: ShareFilter, input: RevokeInput): SqlQuery {
		const where = whereSql([...filterSql(filter), sql("revoked_at IS NULL")]);
		return {
			sql: `${REVOKE}${where.sql}`,
			params: [input.at, input.by, input.revocation, ...where.params],
		};
	},

	/** Matches the partial index `shares_revoked_sessions`. */
	revokedLiveSessions(profileIds: string[], now: string): SqlQuery {
		return {
			sql: `SELECT session_user_id AS sessionUserId, session_expires_at AS sessionExpiresAt FROM shares WHERE revoked_at IS NOT NULL AND session_user_id IS NOT NULL AND profile_id IN (${profileIds.map(() => "?").join(", ")}) AND session_expires_at > ? ORDER BY session_expires_at`,
			params: [...profileIds, now],
		};
	},

	/** One UPDATE checks and counts, so two concurrent downloads cannot both take the last one. */
	countDownload: (id: string) =>
		sql(
			`UPDATE shares SET downloads = downloads + 1 WHERE id = ? AND revoked_at IS NULL AND ${UNDER_LIMIT_SQL}`,
			id,
		),
};
