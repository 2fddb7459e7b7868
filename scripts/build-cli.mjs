// Bundles the `signet` command line into one ESM file that bin/signet.mjs loads.
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function buildCli() {
	await rm(join(root, "dist/cli"), { recursive: true, force: true });
	// The SQLite store reads its migrations next to the bundle: dist/cli/../migrations.
	await cp(join(root, "server/migrations"), join(root, "dist/migrations"), {
		recursive: true,
	});
	return build({
		absWorkingDir: root,
		entryPoints: ["cli/signet.ts"],
		outdir: "dist/cli",
		entryNames: "[name]",
		outExtension: { ".js": ".mjs" },
		splitting: true,
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node20",
		sourcemap: true,
		logLevel: "warning",
		// Native and runtime-loaded packages stay outside the bundle.
		packages: "external",
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
