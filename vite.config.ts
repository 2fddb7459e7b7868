import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Tests that run inside workerd (the Workers runtime) instead of Node: `*.workerd.test.ts`. */
const WORKERD_TESTS = "{server,test}/**/*.workerd.test.ts";

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
					// The S3 server and fake STS/IAM the Worker reaches over 127.0.0.1, started in Node.
					globalSetup: ["test/workerd/global-setup.ts"],
					setupFiles: ["test/workerd/apply-migrations.ts"],
					testTimeout: 30_000,
				},
			},
		],
	},
});
