/** What the workerd test project binds (vite.config.ts): wrangler.jsonc's D1 and the migrations to apply. */
import type { D1DatabaseLike } from "../../server/adapters/d1-store.ts";

export interface D1Migration {
	name: string;
	queries: string[];
}

export interface WorkerdTestEnv {
	DB: D1DatabaseLike;
	/** server/migrations, read in Node by readD1Migrations() (the runtime has no file system). */
	TEST_MIGRATIONS: D1Migration[];
}
