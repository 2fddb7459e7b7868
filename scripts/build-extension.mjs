// Builds the extension with vite: for users (dist/chrome, dist/firefox) or, with testHosts, the test build.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const config = fileURLToPath(
	new URL("../extension/vite.config.ts", import.meta.url),
);

/**
 * `testHosts`: origins granted at install, for browser tests that cannot click permission prompts.
 * `outDir`: another folder than dist/<browser>[-test]/ (the bench builds into a temporary one).
 */
export async function buildExtension({
	browser = "chrome",
	testHosts = [],
	outDir = outDirOf(browser, testHosts),
} = {}) {
	const previous = process.env.SIGNET_TEST_HOSTS;
	process.env.SIGNET_TEST_HOSTS = testHosts.join(",");
	try {
		await build({
			configFile: config,
			mode: browser,
			logLevel: "warn",
			build: { outDir },
		});
		await keepContentScriptPrivate(outDir);
	} finally {
		if (previous === undefined) delete process.env.SIGNET_TEST_HOSTS;
		else process.env.SIGNET_TEST_HOSTS = previous;
	}
}

function outDirOf(browser, testHosts) {
	return fileURLToPath(
		new URL(
			`../dist/${browser}${testHosts.length > 0 ? "-test" : ""}/`,
			import.meta.url,
		),
	);
}

/**
 * CRXJS lists scripts imported with `?iife` as web-accessible to every page, which would let any
 * site detect Signet. Registering or injecting a content script needs no such entry: drop it.
 */
async function keepContentScriptPrivate(outDir) {
	const path = join(outDir, "manifest.json");
	const manifest = JSON.parse(await readFile(path, "utf8"));
	const kept = (manifest.web_accessible_resources ?? []).filter(
		(entry) =>
			!entry.resources.every((resource) => resource.startsWith("content/")),
	);
	if (kept.length > 0) manifest.web_accessible_resources = kept;
	else delete manifest.web_accessible_resources;
	await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await buildExtension({ browser: "chrome" });
	await buildExtension({ browser: "firefox" });
}
