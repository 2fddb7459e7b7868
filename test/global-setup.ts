/** Builds what the end-to-end tests run (the CLI bundle) once, before any test file starts. */
// @ts-expect-error: a plain ESM build script without type declarations.
import { buildCli } from "../scripts/build-cli.mjs";

export default async function setup(): Promise<void> {
	await buildCli();
}
