/** Builds what the end-to-end tests run, once, before any test file starts: the CLI and the test extensions. */
// @ts-expect-error: plain ESM build scripts without type declarations.
import { buildCli } from "../scripts/build-cli.mjs";
// @ts-expect-error: plain ESM build scripts without type declarations.
import { buildExtension } from "../scripts/build-extension.mjs";

export default async function setup(): Promise<void> {
	await buildCli();
	for (const browser of ["chrome", "firefox"]) {
		await buildExtension({ browser, testHosts: ["http://127.0.0.1/*"] });
	}
}
