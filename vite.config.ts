import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Tests that run inside workerd (the Workers runtime) instead of Node: `*.workerd.test.ts`. */
const WORKERD_TESTS = "server/**/*.workerd.test.ts";

export default defineConfig({
	test: {
		reporters: ["default", "./test/summary-reporter.ts"],
		// The worker's one line per request (console.log on Workers) would bury the results.
		onConsoleLog: (line) => !/^(GET|POST|DELETE) \//.test(line),
		projects: [
			{
				test: {
					name: "node",
					include: ["{shared,cli,server,extension,test}/**/*.test.ts"],
					exclude: [WORKERD_TESTS, "**/node_modules/**"],
					globalSetup: ["test/global-setup.ts"],
					testTimeout: 30_000,
				},
			},
			{
				plugins: [
					cloudflareTest(async () => ({
						wrangler: { configPath: "./wrangler.jsonc" },
						miniflare: {
							bindings: {
								TEST_MIGRATIONS: await readD1Migrations("server/migrations"),
							},
						},
					})),
				],
				test: {
					name: "workerd",
					include: [WORKERD_TESTS],
					setupFiles: ["test/workerd/apply-migrations.ts"],
					testTimeout: 30_000,
				},
			},
		],
	},
});
