import { describe, expect, it } from "vitest";
import { isDigits, parseBasicDateTime, parseSeconds } from "./fields.ts";

describe("isDigits", () => {
	it("is true for a range of ASCII digits only", () => {
		expect(isDigits("AKID/20250301/", 5, 13)).toBe(true);
		expect(isDigits("2025O301", 0, 8)).toBe(false);
		expect(isDigits("2025", 2, 2)).toBe(false);
	});

	it("is false for a range that runs past the end of the text", () => {
		expect(isDigits("2025", 0, 8)).toBe(false);
	});
});

describe("parseSeconds and parseBasicDateTime", () => {
	it("read what they are given, and refuse anything else", () => {
		expect(parseSeconds("604800")).toBe(604_800);
		expect(parseSeconds("60s")).toBeNull();
		expect(parseSeconds("")).toBeNull();
		expect(parseBasicDateTime("20250301T120000Z")).toBe(
			Date.parse("2025-03-01T12:00:00Z"),
		);
		expect(parseBasicDateTime("20250230T120000Z")).toBeNull();
	});
});
