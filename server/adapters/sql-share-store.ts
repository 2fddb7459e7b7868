/** The ShareStore on any SQLite-dialect database (better-sqlite3, D1), through the adapter's runner. */
import type { ShareRecord, ShareStore } from "../ports.ts";
import { requireOwner } from "./share-filter.ts";
import { shareSql } from "./share-sql.ts";
import { insert, type SqlQuery, type SqlRunner } from "./sql-runner.ts";
import { decodeShareCursor, encodeCursor, page } from "./store-cursor.ts";

export function createSqlShareStore(db: SqlRunner): ShareStore {
	const one = (query: SqlQuery) => db.first<ShareRecord>(query);
	return {
		create: (share) =>
			insert(
				db,
				shareSql.insert(share),
				`A share with id '${share.id}' or the same link token already exists.`,
			),
		get: (id) => one(shareSql.byId(id)),
		findByLinkTokenHash: (hash) => one(shareSql.byLinkTokenHash(hash)),
		findBySignatureHash: (hash) => one(shareSql.bySignatureHash(hash)),

		async list(query) {
			const after =
				query.cursor === undefined ? null : decodeShareCursor(query.cursor);
			const rows = await db.all<ShareRecord>(shareSql.list(query, after));
			return page(rows, query.limit, (last) =>
				encodeCursor([last.createdAt, last.id]),
			);
		},

		async revoke(id, input) {
			await db.run(shareSql.revoke(id, input));
			return one(shareSql.byId(id));
		},

		async revokeMany(filter, input) {
			requireOwner(filter);
			return db.run(shareSql.revokeMany(filter, input));
		},

		countDownload: async (id) =>
			(await db.run(shareSql.countDownload(id))) === 1,

		revokedLiveSessions: async ({ profileIds, now }) =>
			profileIds.length === 0
				? []
				: db.all(shareSql.revokedLiveSessions(profileIds, now)),
	};
}
