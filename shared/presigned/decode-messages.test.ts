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
});
