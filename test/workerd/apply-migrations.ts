/** Setup of every workerd test file: server/migrations on the local D1, as `wrangler d1 migrations apply` would. */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Only applies what d1_migrations does not list yet, so running it for each file is safe.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
