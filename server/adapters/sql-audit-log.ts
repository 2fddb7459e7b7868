/** The AuditLog on any SQLite-dialect database (better-sqlite3, D1): its SQL and the log over a runner. */
import type { AuditEvent, AuditLog } from "../ports.ts";
import { type SqlRunner, sql } from "./sql-runner.ts";
import { decodeEventCursor, encodeCursor, page } from "./store-cursor.ts";

const INSERT =
	"INSERT INTO audit_events (at, type, share_id, actor, user_agent, client_ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";
/** Selecting `column AS field` hands rows back already shaped as AuditEvents. */
const SELECT =
	"SELECT id, at, type, share_id AS shareId, actor, user_agent AS userAgent, client_ip AS clientIp, detail FROM audit_events";

const auditSql = {
	append: (event: Omit<AuditEvent, "id">) =>
		sql(
			INSERT,
			event.at,
			event.type,
			event.shareId,
			event.actor,
			event.userAgent,
			event.clientIp,
			event.detail,
		),
	/** Newest first (ids only grow), before the id `before`, one row more than `limit`. */
	list: (shareId: string | undefined, before: number, limit: number) =>
		shareId === undefined
			? sql(
					`${SELECT} WHERE id < ? ORDER BY id DESC LIMIT ?`,
					before,
					limit + 1,
				)
			: sql(
					`${SELECT} WHERE share_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
					shareId,
					before,
					limit + 1,
				),
};

export function createSqlAuditLog(db: SqlRunner): AuditLog {
	return {
		async append(event) {
			await db.run(auditSql.append(event));
		},
		async list(query) {
			const before =
				query.cursor === undefined
					? Number.MAX_SAFE_INTEGER
					: decodeEventCursor(query.cursor);
			const rows = await db.all<AuditEvent>(
				auditSql.list(query.shareId, before, query.limit),
			);
			return page(rows, query.limit, (last) => encodeCursor([last.id]));
		},
	};
}
