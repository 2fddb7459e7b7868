/** The SessionStore on any SQLite-dialect database (better-sqlite3, D1): its SQL and the store over a runner. */
import type { SessionRecord, SessionStore } from "../ports.ts";
import { insert, type SqlRunner, sql } from "./sql-runner.ts";

/** Selecting `column AS field` hands rows back already shaped as SessionRecords. */
const SELECT =
	"SELECT id_hash AS idHash, user, token_id AS tokenId, csrf_token AS csrfToken, created_at AS createdAt, expires_at AS expiresAt FROM admin_sessions";

const sessionSql = {
	insert: (session: SessionRecord) =>
		sql(
			"INSERT INTO admin_sessions (id_hash, user, token_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
			session.idHash,
			session.user,
			session.tokenId,
			session.csrfToken,
			session.createdAt,
			session.expiresAt,
		),
	byIdHash: (idHash: string) => sql(`${SELECT} WHERE id_hash = ?`, idHash),
	delete: (idHash: string) =>
		sql("DELETE FROM admin_sessions WHERE id_hash = ?", idHash),
	deleteExpired: (now: string) =>
		sql("DELETE FROM admin_sessions WHERE expires_at <= ?", now),
};

export function createSqlSessionStore(db: SqlRunner): SessionStore {
	return {
		create: (session) =>
			insert(db, sessionSql.insert(session), "This session already exists."),
		get: (idHash) => db.first<SessionRecord>(sessionSql.byIdHash(idHash)),
		async delete(idHash) {
			await db.run(sessionSql.delete(idHash));
		},
		deleteExpired: (now) => db.run(sessionSql.deleteExpired(now)),
	};
}
