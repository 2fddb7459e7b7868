/**
 * The two runtime modules the workerd tests import, typed as far as they use them: the Workers types
 * would replace the DOM and Node globals every other file of the project compiles against.
 */
declare module "cloudflare:workers" {
	export const env: import("./workerd-env.ts").WorkerdTestEnv;
}

declare module "cloudflare:test" {
	export function applyD1Migrations(
		db: import("../../server/adapters/d1-store.ts").D1DatabaseLike,
		migrations: import("./workerd-env.ts").D1Migration[],
		migrationsTableName?: string,
	): Promise<void>;
}
