// Bundles the `signet` command line into one ESM file that bin/signet.mjs loads.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

export function buildCli() {
	return build({
		absWorkingDir: root,
		entryPoints: ["cli/signet.ts"],
		outfile: "dist/cli/signet.mjs",
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node20",
		sourcemap: true,
		logLevel: "warning",
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
