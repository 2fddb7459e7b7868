/** The D1 store passes the Store contract inside workerd, on a local D1 migrated from server/migrations. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createD1Store, type D1DatabaseLike } from "./d1-store.ts";
import { aShare, testStore } from "./store-contract.ts";

/** Empties every table but the migrations' record, so each test starts from the migrated schema. */
async function emptied(db: D1DatabaseLike): Promise<D1DatabaseLike> {
	const { results } = await db
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('d1_migrations', 'sqlite_sequence') AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'",
		)
		.all<{ name: string }>();
	for (const { name } of results)
		await db.prepare(`DELETE FROM "${name}"`).run();
	return db;
}

testStore("d1", async () => createD1Store({ db: await emptied(env.DB) }));

describe("d1 store", () => {
	it("refuses a missing binding with a message naming it", () => {
		expect(() => createD1Store({} as { db: D1DatabaseLike })).toThrow(
			"[signet] [d1-store] Missing option `db`. Bind a D1 database as `DB` in wrangler.jsonc.",
		);
	});

	it("runs on the schema wrangler's migrations table records", async () => {
		const store = createD1Store({ db: await emptied(env.DB) });
		await store.shares.create(aShare());
		expect((await store.shares.get("sh_001"))?.key).toBe(aShare().key);
		const { results } = await env.DB.prepare(
			"SELECT name FROM d1_migrations ORDER BY id",
		).all<{ name: string }>();
		expect(results.map((row) => row.name)).toEqual(
			env.TEST_MIGRATIONS.map((migration) => migration.name),
		);
	});
});
