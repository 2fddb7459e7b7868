/**
 * `web-ext lint`, Mozilla's add-on linter (what addons.mozilla.org runs on upload), on the Firefox
 * build: no errors, and no warning beyond the two known ones, both inside libraries — preact's
 * `innerHTML` (used only for `dangerouslySetInnerHTML`, which Signet never uses) and zod's
 * `new Function` probe (never reached: extension/lib/zod-jitless.ts turns zod's JIT off first).
 */
import { describe, expect, it } from "vitest";
// @ts-expect-error: web-ext ships no type declarations.
import webExt from "web-ext";
import { FIREFOX_TEST_EXTENSION_DIR } from "./support/firefox.ts";

interface LintMessage {
	code: string;
	file?: string;
	message: string;
}

describe("web-ext lint on the Firefox build", () => {
	it("finds no errors, and only the two known warnings from preact and zod", async () => {
		const result = (await webExt.cmd.lint(
			{ sourceDir: FIREFOX_TEST_EXTENSION_DIR, output: "none", boring: true },
			{ shouldExitProgram: false },
		)) as { errors: LintMessage[]; warnings: LintMessage[] };
		expect(result.errors).toEqual([]);
		expect(result.warnings.map((warning) => warning.code).sort()).toEqual([
			"DANGEROUS_EVAL",
			"UNSAFE_VAR_ASSIGNMENT",
		]);
		// Neither is in the script that runs in web pages.
		for (const warning of result.warnings)
			expect(warning.file).not.toMatch(/^content\//);
	}, 60_000);
});
