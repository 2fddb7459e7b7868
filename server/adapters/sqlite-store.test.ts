/** The SQLite store: the Store contract on a real file, plus migrations, durability and 100,000 shares. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { ShareQuery, ShareRecord, ShareStatus, Store } from "../ports.ts";
import { createSqliteStore, type SqliteStoreOptions } from "./sqlite-store.ts";
import { aShare, at, testStore } from "./store-contract.ts";

const dir = mkdtempSync(join(tmpdir(), "signet-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(dir, `store-${++files}.db`);
const MIGRATIONS = new URL("../migrations/", import.meta.url);
const migrationNames = readdirSync(MIGRATIONS)
	.filter((n) => n.endsWith(".sql"))
	.sort();

testStore("sqlite", async () => createSqliteStore({ path: freshPath() }));

/** Reads the file with a second, plain connection, as wrangler or an operator would. */
function inspect<T>(path: string, read: (db: Database.Database) => T): T {
	const db = new Database(path);
	try {
		return read(db);
	} finally {
		db.close();
	}
}

describe("sqlite store", () => {
	it("refuses a missing path with a message naming the option", () => {
		expect(() => createSqliteStore({} as SqliteStoreOptions)).toThrow(
			"[signet] [sqlite-store] Missing option `path`. Set SIGNET_DATA_DIR.",
		);
		expect(() => createSqliteStore({ path: " " })).toThrow(
			"Missing option `path`",
		);
	});

	it("names the path it cannot open", () => {
		expect(() => createSqliteStore({ path: dir })).toThrow(
			`[signet] [sqlite-store] Cannot open the database at '${dir}'`,
		);
	});

	it("records each migration in d1_migrations, with wrangler's columns and file names", async () => {
		const path = freshPath();
		await createSqliteStore({ path }).close();
		inspect(path, (db) => {
			const columns = db
				.prepare("SELECT name FROM pragma_table_info('d1_migrations')")
				.pluck()
				.all();
			expect(columns).toEqual(["id", "name", "applied_at"]);
			const rows = db
				.prepare("SELECT name, applied_at FROM d1_migrations ORDER BY id")
				.all() as { name: string; applied_at: string }[];
			expect(rows.map((r) => r.name)).toEqual(migrationNames);
			expect(rows[0]?.name).toBe("0001_initial.sql");
			expect(
				rows.every((r) =>
					/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(r.applied_at),
				),
			).toBe(true);
		});
	});

	it("does not re-apply migrations when the same file is opened again", async () => {
		const path = freshPath();
		await createSqliteStore({ path }).close();
		const before = inspect(path, (db) =>
			db.prepare("SELECT * FROM d1_migrations ORDER BY id").all(),
		);
		await createSqliteStore({ path }).close();
		expect(
			inspect(path, (db) =>
				db.prepare("SELECT * FROM d1_migrations ORDER BY id").all(),
			),
		).toEqual(before);
	});

	it("opens a database that wrangler migrated, without applying anything twice", async () => {
		const path = freshPath();
		inspect(path, (db) => {
			// What `wrangler d1 migrations apply` runs: its table, then each file followed by its INSERT.
			db.exec(
				"CREATE TABLE IF NOT EXISTS d1_migrations(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);",
			);
			for (const name of migrationNames) {
				db.exec(readMigration(name));
				db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").run(name);
			}
		});
		const store = createSqliteStore({ path });
		await store.shares.create(aShare());
		expect((await store.shares.get("sh_001"))?.key).toBe(aShare().key);
		await store.close();
		expect(
			inspect(path, (db) =>
				db.prepare("SELECT COUNT(*) FROM d1_migrations").pluck().get(),
			),
		).toBe(migrationNames.length);
	});

	it("refuses a database migrated by a newer Signet", () => {
		const path = freshPath();
		inspect(path, (db) => {
			db.exec(
				"CREATE TABLE d1_migrations(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);",
			);
			db.exec(
				"INSERT INTO d1_migrations (name) VALUES ('9999_from_the_future.sql')",
			);
		});
		expect(() => createSqliteStore({ path })).toThrow(
			/\[signet\] \[sqlite-store\] .*9999_from_the_future\.sql/,
		);
	});

	it("turns on write-ahead logging", async () => {
		const path = freshPath();
		await createSqliteStore({ path }).close();
		expect(
			inspect(path, (db) => db.pragma("journal_mode", { simple: true })),
		).toBe("wal");
	});

	it("creates the file's folder and keeps shares, events and tokens across close and reopen", async () => {
		const path = join(dir, "nested", "deeper", "signet.db");
		const first = createSqliteStore({ path });
		await first.shares.create(aShare({ downloads: 0, maxDownloads: 2 }));
		await first.shares.countDownload("sh_001");
		await first.audit.append({
			at: at(0),
			type: "share.created",
			shareId: "sh_001",
			actor: "alice",
			userAgent: null,
			clientIp: null,
			detail: null,
		});
		await first.tokens.create({
			id: "tok000000001",
			user: "alice",
			role: "admin",
			secretHash: "f".repeat(64),
			label: null,
			createdAt: at(0),
			revokedAt: null,
		});
		await first.close();

		const second = createSqliteStore({ path });
		expect(await second.shares.get("sh_001")).toStrictEqual(
			aShare({ downloads: 1, maxDownloads: 2 }),
		);
		expect(
			(await second.audit.list({ shareId: "sh_001", limit: 5 })).items,
		).toHaveLength(1);
		expect(await second.tokens.count()).toBe(1);
		await second.close();
	});

	it("lists, filters, searches and pages 100,000 shares correctly (timings printed)", async () => {
		const N = 100_000;
		const NOW = at(0);
		const path = freshPath();
		const store = createSqliteStore({ path });
		const shares = Array.from({ length: N }, (_, i) => bigShare(i, N));
		const timings: string[] = [];
		const time = async <T>(
			label: string,
			run: () => Promise<T> | T,
		): Promise<T> => {
			const start = performance.now();
			const result = await run();
			timings.push(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
			return result;
		};

		await time("insert 100,000 shares in one transaction", () =>
			inspect(path, (db) => {
				const fields = Object.keys(aShare());
				const columns = fields.map((f) =>
					f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
				);
				const insert = db.prepare(
					`INSERT INTO shares (${columns.join(", ")}) VALUES (${fields.map((f) => `@${f}`).join(", ")})`,
				);
				db.transaction(() => {
					for (const share of shares) insert.run(share);
				})();
			}),
		);
		// createdAt grows with the index and ties break on the higher id, so newest first is simply reversed.
		const newestFirst = shares.map((s) => s.id).reverse();
		const expectedIds = (keep: (s: ShareRecord) => boolean) =>
			shares
				.filter(keep)
				.map((s) => s.id)
				.reverse();
		const firstPage = async (label: string, query: Partial<ShareQuery>) =>
			(
				await time(label, () =>
					store.shares.list({ now: NOW, limit: 50, ...query }),
				)
			).items.map((s) => s.id);

		expect(await firstPage("first page, newest first", {})).toEqual(
			newestFirst.slice(0, 50),
		);
		for (const status of [
			"active",
			"expired",
			"exhausted",
			"revoked",
		] as const) {
			const expected = expectedIds((s) => statusOf(s, NOW) === status);
			expect(expected.length).toBeGreaterThan(50);
			expect(
				await firstPage(`first page, status ${status}`, { status }),
			).toEqual(expected.slice(0, 50));
		}
		expect(
			await firstPage("first page, user + status active", {
				user: "user7",
				status: "active",
			}),
		).toEqual(
			expectedIds(
				(s) => s.user === "user7" && statusOf(s, NOW) === "active",
			).slice(0, 50),
		);
		expect(
			await firstPage("first page, profile + status exhausted", {
				profileId: "profile-3",
				status: "exhausted",
			}),
		).toEqual(
			expectedIds(
				(s) => s.profileId === "profile-3" && statusOf(s, NOW) === "exhausted",
			).slice(0, 50),
		);
		expect(
			await firstPage("search 'file-4242' (rare)", { search: "file-4242" }),
		).toEqual(expectedIds((s) => s.key.includes("file-4242")));
		expect(
			await firstPage("search '/2003/' (common)", { search: "/2003/" }),
		).toEqual(expectedIds((s) => s.key.includes("/2003/")).slice(0, 50));
		expect(
			(
				await time("find by link token hash", () =>
					store.shares.findByLinkTokenHash("tok-77777"),
				)
			)?.id,
		).toBe(shares[77_777]?.id);

		const revoked = await time("every revoked share, pages of 500", () =>
			collect(store, { status: "revoked", now: NOW }, 500),
		);
		expect(revoked).toEqual(expectedIds((s) => s.revokedAt !== null));
		const all = await time("all 100,000 shares, pages of 1,000", () =>
			collect(store, { now: NOW }, 1000),
		);
		expect(all).toEqual(newestFirst);

		await store.close();
		console.log(`sqlite store, 100,000 shares:\n  ${timings.join("\n  ")}`);
	});
});

function readMigration(name: string): string {
	return readFileSync(new URL(name, MIGRATIONS), "utf8");
}

/** Share i of n: pairs share a createdAt; 1 in 50 revoked, 1 in 80 used up, 1 in 3 expired. */
function bigShare(i: number, n: number): ShareRecord {
	const limited = i % 40 === 1;
	return aShare({
		id: `sh_${String(i).padStart(6, "0")}`,
		user: `user${i % 100}`,
		profileId: `profile-${i % 7}`,
		key: `reports/${2000 + (i % 25)}/file-${i}.csv`,
		createdAt: at(-Math.floor((n - i) / 2)),
		effectiveExpiresAt: i % 3 === 0 ? at(-1) : at(60),
		linkTokenHash: `tok-${i}`,
		maxDownloads: limited ? 3 : null,
		downloads: limited && i % 80 === 1 ? 3 : 0,
		revokedAt: i % 50 === 0 ? at(-2) : null,
	});
}

/** The status rules, written out independently of both stores, as the oracle. */
function statusOf(s: ShareRecord, now: string): ShareStatus {
	if (s.revokedAt !== null) return "revoked";
	if (s.maxDownloads !== null && s.downloads >= s.maxDownloads)
		return "exhausted";
	return s.effectiveExpiresAt <= now ? "expired" : "active";
}

async function collect(
	store: Store,
	query: { status?: ShareStatus; now: string },
	limit: number,
): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | undefined;
	do {
		const page = await store.shares.list({ ...query, limit, cursor });
		ids.push(...page.items.map((s) => s.id));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return ids;
}
