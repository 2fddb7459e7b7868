/**
 * Builds the extension for `--mode chrome` or `--mode firefox`; scripts/build-extension.mjs runs it
 * and names the output folder (dist/chrome, dist/firefox, their -test builds).
 */
import { fileURLToPath } from "node:url";
import { crx } from "@crxjs/vite-plugin";
import { defineConfig } from "vite";
import { type Browser, manifestFor } from "./manifest.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig(({ mode }) => {
	const browser: Browser = mode === "firefox" ? "firefox" : "chrome";
	// SIGNET_TEST_HOSTS="http://127.0.0.1/*": a build for browser tests, with those hosts granted.
	const grantedHosts =
		process.env.SIGNET_TEST_HOSTS?.split(",").filter(Boolean) ?? [];
	return {
		root,
		publicDir: "public",
		build: {
			emptyOutDir: true,
			target: ["chrome120", "firefox140"],
			rollupOptions: { input: { inspector: `${root}inspector/index.html` } },
		},
		oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
		plugins: [
			crx({ manifest: manifestFor({ browser, grantedHosts }), browser }),
		],
	};
});
