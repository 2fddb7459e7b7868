/** Builds the extension: `--mode chrome` → dist/chrome, `--mode firefox` → dist/firefox. */
import { fileURLToPath } from "node:url";
import { crx } from "@crxjs/vite-plugin";
import { defineConfig } from "vite";
import { type Browser, manifestFor } from "./manifest.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig(({ mode }) => {
	const browser: Browser = mode === "firefox" ? "firefox" : "chrome";
	// SIGNET_TEST_HOSTS="http://127.0.0.1/*": a build for browser tests, in its own folder.
	const grantedHosts =
		process.env.SIGNET_TEST_HOSTS?.split(",").filter(Boolean) ?? [];
	const outDir = `../dist/${browser}${grantedHosts.length > 0 ? "-test" : ""}`;
	return {
		root,
		publicDir: "public",
		build: {
			outDir,
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
