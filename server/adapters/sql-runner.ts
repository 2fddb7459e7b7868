/** What the SQL stores need from a database: a runner for SQLite-dialect queries, given by each adapter. */
import { SignetError } from "../../shared/errors.ts";

export type SqlValue = string | number | null;

/** SQL with anonymous `?` parameters only: D1 binds no named ones. */
export interface SqlQuery {
	sql: string;
	params: SqlValue[];
}

/**
 * The one part that differs between better-sqlite3 (sqlite-store.ts) and D1: how a query runs.
 * The SQL text and the store logic over it (share-sql.ts, sql-*-store.ts) are the same for both.
 */
export interface SqlRunner {
	/** Every row, shaped by the query's `column AS field` aliases. */
	all<T>(query: SqlQuery): Promise<T[]>;
	first<T>(query: SqlQuery): Promise<T | null>;
	/** Runs a write; returns how many rows it changed. */
	run(query: SqlQuery): Promise<number>;
	/** Whether an error run() threw is a constraint violation (UNIQUE, PRIMARY KEY, CHECK…). */
	isConstraintError(cause: unknown): boolean;
}

export const sql = (text: string, ...params: SqlValue[]): SqlQuery => ({
	sql: text,
	params,
});

/** ` WHERE a AND b` with the parameters in order; nothing when there are no conditions. */
export function whereSql(conditions: SqlQuery[]): SqlQuery {
	if (conditions.length === 0) return sql("");
	return {
		sql: ` WHERE ${conditions.map((c) => c.sql).join(" AND ")}`,
		params: conditions.flatMap((c) => c.params),
	};
}

/** Runs an INSERT: a constraint violation becomes a conflict saying `conflict`, anything else is wrapped. */
export async function insert(
	runner: SqlRunner,
	query: SqlQuery,
	conflict: string,
): Promise<void> {
	try {
		await runner.run(query);
	} catch (cause) {
		if (runner.isConstraintError(cause)) {
			throw new SignetError("conflict", conflict, { cause });
		}
		throw new SignetError("internal", "The database refused a write.", {
			cause,
		});
	}
}
