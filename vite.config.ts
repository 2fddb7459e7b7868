import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["{shared,cli,server,extension,test}/**/*.test.ts"],
		globalSetup: ["test/global-setup.ts"],
		testTimeout: 30_000,
		reporters: ["default", "./test/summary-reporter.ts"],
	},
});
