/** The Store on a local SQLite file (better-sqlite3), migrated from the same files, the same way, as D1. */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SignetError } from "../../shared/errors.ts";
import type {
	AuditEvent,
	AuditLog,
	Page,
	ShareQuery,
	ShareRecord,
	ShareStatus,
	ShareStore,
	Store,
	TokenRecord,
	TokenStore,
} from "../ports.ts";

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
	return {
		shares: createShares(db),
		audit: createAudit(db),
		tokens: createTokens(db),
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
const SELECT_SHARE = `SELECT ${FIELDS.map((f) => `${SHARE_COLUMNS[f]} AS ${f}`).join(", ")} FROM shares`;
const UNDER_LIMIT = "(max_downloads IS NULL OR downloads < max_downloads)";
const STATUS_WHERE: Record<ShareStatus, string> = {
	revoked: "revoked_at IS NOT NULL",
	exhausted:
		"revoked_at IS NULL AND max_downloads IS NOT NULL AND downloads >= max_downloads",
	expired: `revoked_at IS NULL AND ${UNDER_LIMIT} AND effective_expires_at <= @now`,
	active: `revoked_at IS NULL AND ${UNDER_LIMIT} AND effective_expires_at > @now`,
};

function createShares(db: Database.Database): ShareStore {
	const insert = db.prepare<[ShareRecord]>(
		`INSERT INTO shares (${FIELDS.map((f) => SHARE_COLUMNS[f]).join(", ")}) VALUES (${FIELDS.map((f) => `@${f}`).join(", ")})`,
	);
	const byId = db.prepare<[string], ShareRecord>(
		`${SELECT_SHARE} WHERE id = ?`,
	);
	const byToken = db.prepare<[string], ShareRecord>(
		`${SELECT_SHARE} WHERE link_token_hash = ?`,
	);
	const bySignature = db.prepare<[string], ShareRecord>(
		`${SELECT_SHARE} WHERE signature_hash = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
	);
	const revokeOne = db.prepare(
		"UPDATE shares SET revoked_at = @at, revoked_by = @by, revocation = @revocation WHERE id = @id AND revoked_at IS NULL",
	);
	const countOne = db.prepare<[string]>(
		`UPDATE shares SET downloads = downloads + 1 WHERE id = ? AND revoked_at IS NULL AND ${UNDER_LIMIT}`,
	);
	// list() and revokeMany() build their SQL from the filters given; each shape is prepared once.
	const prepared = new Map<string, Database.Statement>();
	const prepare = (sql: string) => {
		let statement = prepared.get(sql);
		if (!statement) {
			statement = db.prepare(sql);
			prepared.set(sql, statement);
		}
		return statement;
	};

	return {
		async create(share) {
			try {
				insert.run(share);
			} catch (cause) {
				throw conflictOr(
					cause,
					`A share with id '${share.id}' or the same link token already exists.`,
				);
			}
		},
		get: async (id) => byId.get(id) ?? null,
		findByLinkTokenHash: async (hash) => byToken.get(hash) ?? null,
		findBySignatureHash: async (hash) => bySignature.get(hash) ?? null,

		async list(query) {
			const { where, params } = shareFilters(query);
			if (query.cursor !== undefined) {
				[params.afterCreatedAt, params.afterId] = decodeCursor(query.cursor);
				where.push("(created_at, id) < (@afterCreatedAt, @afterId)");
			}
			params.limit = query.limit + 1;
			const sql = `${SELECT_SHARE}${whereSql(where)} ORDER BY created_at DESC, id DESC LIMIT @limit`;
			const rows = prepare(sql).all(params) as ShareRecord[];
			return page(rows, query.limit, (last) =>
				encodeCursor(last.createdAt, last.id),
			);
		},

		async revoke(id, input) {
			revokeOne.run({ ...input, id });
			return byId.get(id) ?? null;
		},

		async revokeMany(filter, input) {
			if (filter.profileId === undefined && filter.user === undefined) {
				throw new SignetError(
					"bad_request",
					"Say whose shares to revoke: a profile, a user or both.",
				);
			}
			const { where, params } = shareFilters(filter);
			where.push("revoked_at IS NULL");
			const sql = `UPDATE shares SET revoked_at = @at, revoked_by = @by, revocation = @revocation${whereSql(where)}`;
			return prepare(sql).run({ ...params, ...input }).changes;
		},

		// One UPDATE checks and counts, so two concurrent downloads cannot both take the last one.
		countDownload: async (id) => countOne.run(id).changes === 1,
	};
}

function shareFilters(query: Partial<ShareQuery>) {
	const where: string[] = [];
	const params: Record<string, string | number> = {};
	if (query.user !== undefined) {
		where.push("user = @user");
		params.user = query.user;
	}
	if (query.profileId !== undefined) {
		where.push("profile_id = @profileId");
		params.profileId = query.profileId;
	}
	if (query.status !== undefined) {
		where.push(`(${STATUS_WHERE[query.status]})`);
		if (query.status === "active" || query.status === "expired")
			params.now = query.now ?? "";
	}
	if (query.search !== undefined) {
		// SQLite's LIKE ignores ASCII case; the memory store does the same.
		where.push(
			"(key LIKE @search ESCAPE '\\' OR user LIKE @search ESCAPE '\\' OR profile_id LIKE @search ESCAPE '\\')",
		);
		params.search = `%${query.search.replace(/[\\%_]/g, "\\$&")}%`;
	}
	return { where, params };
}

function whereSql(where: string[]): string {
	return where.length === 0 ? "" : ` WHERE ${where.join(" AND ")}`;
}

function conflictOr(cause: unknown, message: string): SignetError {
	if (
		cause instanceof Database.SqliteError &&
		cause.code.startsWith("SQLITE_CONSTRAINT")
	) {
		return new SignetError("conflict", message, { cause });
	}
	return new SignetError("internal", "The database refused a write.", {
		cause,
	});
}

/** One more row than asked for tells whether another page follows. */
function page<T>(
	rows: T[],
	limit: number,
	cursorOf: (last: T) => string,
): Page<T> {
	const items = rows.slice(0, limit);
	const last = items.at(-1);
	return {
		items,
		nextCursor: rows.length > limit && last ? cursorOf(last) : null,
	};
}

/** base64url of a JSON array: opaque to callers, byte for byte what the memory store hands out. */
function encodeCursor(...parts: (string | number)[]): string {
	return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
	const parts = parseCursor(cursor);
	if (parts?.length === 2 && parts.every((p) => typeof p === "string")) {
		return parts as [string, string];
	}
	throw badCursor();
}

function decodeEventCursor(cursor: string): number {
	const [id, ...rest] = parseCursor(cursor) ?? [];
	if (Number.isSafeInteger(id) && rest.length === 0) return id as number;
	throw badCursor();
}

function parseCursor(cursor: string): unknown[] | null {
	try {
		const parts: unknown = JSON.parse(
			Buffer.from(cursor, "base64url").toString(),
		);
		return Array.isArray(parts) ? parts : null;
	} catch {
		return null;
	}
}

function badCursor(): SignetError {
	return new SignetError(
		"bad_request",
		"The cursor is not one this list handed out.",
	);
}

const EVENT_SELECT =
	"SELECT id, at, type, share_id AS shareId, actor, user_agent AS userAgent, client_ip AS clientIp, detail FROM audit_events";

function createAudit(db: Database.Database): AuditLog {
	const insert = db.prepare<[Omit<AuditEvent, "id">]>(
		"INSERT INTO audit_events (at, type, share_id, actor, user_agent, client_ip, detail) VALUES (@at, @type, @shareId, @actor, @userAgent, @clientIp, @detail)",
	);
	const all = db.prepare<[number, number], AuditEvent>(
		`${EVENT_SELECT} WHERE id < ? ORDER BY id DESC LIMIT ?`,
	);
	const ofShare = db.prepare<[string, number, number], AuditEvent>(
		`${EVENT_SELECT} WHERE share_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
	);
	return {
		async append(event) {
			insert.run(event);
		},
		async list(query) {
			const before =
				query.cursor === undefined
					? Number.MAX_SAFE_INTEGER
					: decodeEventCursor(query.cursor);
			const rows =
				query.shareId === undefined
					? all.all(before, query.limit + 1)
					: ofShare.all(query.shareId, before, query.limit + 1);
			return page(rows, query.limit, (last) => encodeCursor(last.id));
		},
	};
}

const TOKEN_SELECT =
	"SELECT id, user, role, secret_hash AS secretHash, label, created_at AS createdAt, revoked_at AS revokedAt FROM tokens";

function createTokens(db: Database.Database): TokenStore {
	const insert = db.prepare<[TokenRecord]>(
		"INSERT INTO tokens (id, user, role, secret_hash, label, created_at, revoked_at) VALUES (@id, @user, @role, @secretHash, @label, @createdAt, @revokedAt)",
	);
	const byId = db.prepare<[string], TokenRecord>(
		`${TOKEN_SELECT} WHERE id = ?`,
	);
	const all = db.prepare<[], TokenRecord>(
		`${TOKEN_SELECT} ORDER BY created_at DESC, id DESC`,
	);
	// COALESCE keeps the first revocation time; a match still reports that the token exists.
	const revoke = db.prepare<[string, string]>(
		"UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
	);
	const count = db.prepare<[], number>("SELECT COUNT(*) FROM tokens").pluck();
	return {
		async create(token) {
			try {
				insert.run(token);
			} catch (cause) {
				throw conflictOr(
					cause,
					`A token with id '${token.id}' already exists.`,
				);
			}
		},
		get: async (id) => byId.get(id) ?? null,
		list: async () => all.all(),
		revoke: async (id, at) => revoke.run(at, id).changes === 1,
		count: async () => count.get() ?? 0,
	};
}
