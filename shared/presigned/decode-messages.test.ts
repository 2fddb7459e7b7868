import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { decode, decodeQuietly } from "./decode.ts";

const BAD_URLS = [
	"not a url",
	"ftp://example.com/file?X-Amz-Signature=abc",
	"https://example.com/file.pdf",
	"https://reports.s3.amazonaws.com/%zz?X-Amz-Signature=abc&X-Amz-Credential=AKIA%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250101T000000Z",
	"https://reports.s3.amazonaws.com/a?X-Amz-Signature=abc&X-Amz-Credential=nonsense",
	"https://reports.s3.amazonaws.com/a?AWSAccessKeyId=&Expires=1&Signature=x",
	"https://storage.googleapis.com/b/o?GoogleAccessId=sa&Signature=x",
];

describe("decode messages", () => {
	it.each(BAD_URLS)(
		"decode() explains what decodeQuietly() only names: %s",
		(url) => {
			const quiet = decodeQuietly(url);
			const loud = decode(url);
			expect(quiet.ok || loud.ok).toBe(false);
			if (quiet.ok || loud.ok) return;
			expect(loud.error.code).toBe(quiet.error.code);
			// A sentence that names no placeholder it failed to fill.
			expect(loud.error.message).toMatch(/^[A-Z'].{20,}[.]$/);
			expect(loud.error.message).not.toMatch(/undefined|\$\{/);
		},
	);

	it("are left out of the content script, which only badges what decodes", async () => {
		const bundle = await build({
			entryPoints: ["extension/content/inspect-page.ts"],
			bundle: true,
			write: false,
			metafile: true,
			format: "iife",
			logLevel: "silent",
		});
		// decode.ts imports the messages for decode(); the content script calls decodeQuietly() only,
		// so tree-shaking leaves not a byte of them in the bundle.
		const [output] = Object.values(bundle.metafile.outputs);
		const bytesFrom = (file: string) =>
			output?.inputs[file]?.bytesInOutput ?? 0;
		expect(bytesFrom("shared/presigned/decode.ts")).toBeGreaterThan(0);
		expect(bytesFrom("shared/presigned/decode-messages.ts")).toBe(0);
		expect(bundle.outputFiles[0]?.text).not.toContain("percent-escape");
	});
});
