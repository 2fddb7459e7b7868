#!/usr/bin/env node
// Runs the bundled command line; `npm install` and `npm run build` produce it.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/signet.mjs", import.meta.url);
if (!existsSync(bundle)) {
	process.stderr.write(
		"signet: not built yet. Run `npm run build` in the Signet folder first.\n",
	);
	process.exit(2);
}
await import(bundle.href);
