import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeQueryComponent, percentDecode } from "./percent-decode.ts";

function reference(raw: string): string | null {
	try {
		return decodeURIComponent(raw);
	} catch {
		return null;
	}
}

const escapes = fc
	.array(
		fc.oneof(
			fc
				.integer({ min: 0, max: 255 })
				.map((byte) => `%${byte.toString(16).padStart(2, "0")}`),
			fc.constantFrom("%", "%Z1", "%C3", "%E2%82", "a", "/", "+", "é"),
			fc.string({ unit: "grapheme", maxLength: 3 }).map(encodeURIComponent),
		),
		{ maxLength: 12 },
	)
	.map((parts) => parts.join(""));

describe("percentDecode", () => {
	it("agrees with decodeURIComponent on every mix of escapes, valid UTF-8 or not", () => {
		fc.assert(
			fc.property(escapes, (raw) => {
				expect(percentDecode(raw)).toBe(reference(raw));
			}),
			{ numRuns: 20_000 },
		);
	});

	it.each([
		["%F0%9F%98%80", "😀"],
		["%C0%AF", null], // overlong "/"
		["%ED%A0%80", null], // a UTF-16 surrogate
		["%F4%90%80%80", null], // above U+10FFFF
		["a%2Fb%20c", "a/b c"],
		["a+b", "a+b"],
	])("decodes %s to %j", (raw, expected) => {
		expect(percentDecode(raw)).toBe(expected);
	});
});

describe("decodeQueryComponent", () => {
	it("reads + as a space and keeps a broken escape as written", () => {
		expect(decodeQueryComponent("a+b%20c")).toBe("a b c");
		expect(decodeQueryComponent("100%")).toBe("100%");
	});
});
