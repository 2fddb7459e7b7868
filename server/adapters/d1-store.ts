/** The Store on Cloudflare D1: the shared SQL (sql-*-store.ts) run through D1's prepare/bind. */
import type { Store } from "../ports.ts";
import { createSqlAuditLog } from "./sql-audit-log.ts";
import type { SqlQuery, SqlRunner } from "./sql-runner.ts";
import { createSqlSessionStore } from "./sql-session-store.ts";
import { createSqlShareStore } from "./sql-share-store.ts";
import { createSqlTokenStore } from "./sql-token-store.ts";

/**
 * The part of Workers' `D1Database` this store uses, so that the server compiles without the
 * Workers types; a real D1 binding satisfies it.
 * https://developers.cloudflare.com/d1/worker-api/prepared-statements/
 */
export interface D1DatabaseLike {
	prepare(sql: string): D1StatementLike;
}
export interface D1StatementLike {
	bind(...values: unknown[]): D1StatementLike;
	all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
	first<T = Record<string, unknown>>(): Promise<T | null>;
	run(): Promise<{ meta: { changes: number } }>;
}

export interface D1StoreOptions {
	/** The D1 binding (`env.DB`), its schema migrated with `wrangler d1 migrations apply`. */
	db: D1DatabaseLike;
}

export function createD1Store(options: D1StoreOptions): Store {
	const db = options?.db;
	if (typeof db?.prepare !== "function") {
		throw new Error(
			"[signet] [d1-store] Missing option `db`. Bind a D1 database as `DB` in wrangler.jsonc.",
		);
	}
	const runner = createD1Runner(db);
	return {
		shares: createSqlShareStore(runner),
		audit: createSqlAuditLog(runner),
		tokens: createSqlTokenStore(runner),
		sessions: createSqlSessionStore(runner),
		// The binding belongs to the runtime: there is nothing to close.
		close: async () => {},
	};
}

/** Runs the shared SQL on D1. Migrations are not run here: wrangler applies them before deploy. */
function createD1Runner(db: D1DatabaseLike): SqlRunner {
	const statement = ({ sql, params }: SqlQuery) =>
		params.length === 0 ? db.prepare(sql) : db.prepare(sql).bind(...params);
	return {
		all: async <T>(query: SqlQuery) =>
			(await statement(query).all<T>()).results,
		first: <T>(query: SqlQuery) => statement(query).first<T>(),
		run: async (query) => (await statement(query).run()).meta.changes,
		isConstraintError,
	};
}

/**
 * D1 reports SQLite's error in the message only ("D1_ERROR: UNIQUE constraint failed: shares.id:
 * SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_PRIMARYKEY)"): it has no code property to test.
 */
function isConstraintError(cause: unknown): boolean {
	return cause instanceof Error && /\bSQLITE_CONSTRAINT\b/.test(cause.message);
}
