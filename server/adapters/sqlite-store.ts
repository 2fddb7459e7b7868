/** The Store on a local SQLite file: better-sqlite3 opening, pragmas, migrations (as D1 runs them) and statement execution. */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Store } from "../ports.ts";
import { createSqlAuditLog } from "./sql-audit-log.ts";
import type { SqlQuery, SqlRunner, SqlValue } from "./sql-runner.ts";
import { createSqlSessionStore } from "./sql-session-store.ts";
import { createSqlShareStore } from "./sql-share-store.ts";
import { createSqlTokenStore } from "./sql-token-store.ts";

export interface SqliteStoreOptions {
	/** The database file; its folder is created when missing. */
	path: string;
}

const MIGRATIONS = new URL("../migrations/", import.meta.url);

export function createSqliteStore(options: SqliteStoreOptions): Store {
	const path = options?.path;
	if (typeof path !== "string" || path.trim() === "") {
		throw storeError("Missing option `path`. Set SIGNET_DATA_DIR.");
	}
	let db: Database.Database;
	try {
		if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
		db = new Database(path);
		db.pragma("journal_mode = WAL");
		db.pragma("foreign_keys = ON");
		// Another process (a CLI next to the server) may hold the write lock for a moment.
		db.pragma("busy_timeout = 5000");
	} catch (cause) {
		throw storeError(`Cannot open the database at '${path}'.`, cause);
	}
	migrate(db, path);
	const runner = createRunner(db);
	return {
		shares: createSqlShareStore(runner),
		audit: createSqlAuditLog(runner),
		tokens: createSqlTokenStore(runner),
		sessions: createSqlSessionStore(runner),
		close: async () => {
			db.close();
		},
	};
}

function storeError(message: string, cause?: unknown): Error {
	return new Error(`[signet] [sqlite-store] ${message}`, { cause });
}

/**
 * Applies server/migrations/NNNN_name.sql in order, recording each in `d1_migrations` exactly as
 * `wrangler d1 migrations apply` does (same table, same file names), so either tool sees the other's work.
 */
function migrate(db: Database.Database, path: string): void {
	// Wrangler's own DDL (workers-sdk packages/wrangler/src/d1/migrations/helpers.ts).
	db.exec(`CREATE TABLE IF NOT EXISTS d1_migrations(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
	);`);
	const files = readdirSync(MIGRATIONS)
		.filter((name) => name.endsWith(".sql"))
		.sort(
			(a, b) =>
				Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b),
		);
	const isApplied = db
		.prepare<[string], 1>("SELECT 1 FROM d1_migrations WHERE name = ?")
		.pluck();
	const record = db.prepare<[string]>(
		"INSERT INTO d1_migrations (name) VALUES (?)",
	);
	const unknown = db
		.prepare<[], string>("SELECT name FROM d1_migrations ORDER BY id")
		.pluck()
		.all()
		.filter((name) => !files.includes(name));
	if (unknown.length > 0) {
		throw storeError(
			`The database at '${path}' has migrations this version does not know (${unknown.join(", ")}). Run a newer Signet.`,
		);
	}
	for (const name of files) {
		const apply = db.transaction(() => {
			// Checked again inside the write lock: another process may have just applied it.
			if (isApplied.get(name)) return;
			db.exec(readFileSync(new URL(name, MIGRATIONS), "utf8"));
			record.run(name);
		});
		try {
			apply.immediate();
		} catch (cause) {
			throw storeError(`Migration ${name} failed on '${path}'.`, cause);
		}
	}
}

/** Runs the shared SQL (share-sql.ts, sql-*-store.ts) on better-sqlite3; each statement is prepared once. */
function createRunner(db: Database.Database): SqlRunner {
	const prepared = new Map<string, Database.Statement<SqlValue[]>>();
	const prepare = (sql: string) => {
		let statement = prepared.get(sql);
		if (!statement) {
			statement = db.prepare<SqlValue[]>(sql);
			prepared.set(sql, statement);
		}
		return statement;
	};
	return {
		all: async <T>({ sql, params }: SqlQuery) =>
			prepare(sql).all(...params) as T[],
		first: async <T>({ sql, params }: SqlQuery) =>
			(prepare(sql).get(...params) as T | undefined) ?? null,
		run: async ({ sql, params }) => prepare(sql).run(...params).changes,
		isConstraintError: (cause) =>
			cause instanceof Database.SqliteError &&
			cause.code.startsWith("SQLITE_CONSTRAINT"),
	};
}
