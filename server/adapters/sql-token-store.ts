/** The TokenStore on any SQLite-dialect database (better-sqlite3, D1): its SQL and the store over a runner. */
import type { TokenRecord, TokenStore } from "../ports.ts";
import { insert, type SqlRunner, sql } from "./sql-runner.ts";

/** Selecting `column AS field` hands rows back already shaped as TokenRecords. */
const SELECT =
	"SELECT id, user, role, secret_hash AS secretHash, label, created_at AS createdAt, revoked_at AS revokedAt FROM tokens";

const tokenSql = {
	insert: (token: TokenRecord) =>
		sql(
			"INSERT INTO tokens (id, user, role, secret_hash, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			token.id,
			token.user,
			token.role,
			token.secretHash,
			token.label,
			token.createdAt,
			token.revokedAt,
		),
	byId: (id: string) => sql(`${SELECT} WHERE id = ?`, id),
	newestFirst: () => sql(`${SELECT} ORDER BY created_at DESC, id DESC`),
	/** COALESCE keeps the first revocation time; a match still reports that the token exists. */
	revoke: (id: string, at: string) =>
		sql(
			"UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
			at,
			id,
		),
	count: () => sql("SELECT COUNT(*) AS count FROM tokens"),
};

export function createSqlTokenStore(db: SqlRunner): TokenStore {
	return {
		create: (token) =>
			insert(
				db,
				tokenSql.insert(token),
				`A token with id '${token.id}' already exists.`,
			),
		get: (id) => db.first<TokenRecord>(tokenSql.byId(id)),
		list: () => db.all<TokenRecord>(tokenSql.newestFirst()),
		revoke: async (id, at) => (await db.run(tokenSql.revoke(id, at))) === 1,
		count: async () =>
			(await db.first<{ count: number }>(tokenSql.count()))?.count ?? 0,
	};
}
