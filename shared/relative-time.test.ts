import { describe, expect, it } from "vitest";
import {
	describeExpiry,
	formatDuration,
	formatSeconds,
	utcText,
} from "./relative-time.ts";

describe("formatDuration", () => {
	it.each([
		[0, "0 s"],
		[42_000, "42 s"],
		[4 * 60_000 + 5_000, "4 min 5 s"],
		[4 * 60_000, "4 min"],
		[13 * 60_000 + 59_000, "13 min"],
		[2 * 3_600_000 + 13 * 60_000, "2 h 13 min"],
		[3_600_000, "1 h"],
		[26 * 3_600_000, "1 day 2 h"],
		[3 * 86_400_000 + 4 * 3_600_000, "3 days"],
		[-90_000, "1 min 30 s"],
	])("writes %i ms as %s", (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});

describe("describeExpiry", () => {
	it("looks ahead for a time still to come", () => {
		expect(describeExpiry(8_000_000, 0)).toBe("expires in 2 h 13 min");
	});

	it("looks back once the time has passed, including the very moment", () => {
		expect(describeExpiry(0, 3 * 86_400_000)).toBe("expired 3 days ago");
		expect(describeExpiry(1_000, 1_000)).toBe("expired 0 s ago");
	});
});

describe("utcText", () => {
	it("writes an ISO time the way people quote it, with or without milliseconds", () => {
		expect(utcText("2025-03-01T13:00:05Z")).toBe("2025-03-01 13:00:05 UTC");
		expect(utcText("2025-03-01T13:00:05.250Z")).toBe("2025-03-01 13:00:05 UTC");
	});

	it("writes epoch milliseconds the same way", () => {
		expect(utcText(Date.parse("2025-03-01T13:00:05.250Z"))).toBe(
			"2025-03-01 13:00:05 UTC",
		);
		expect(utcText(0, { seconds: false })).toBe("1970-01-01 00:00 UTC");
		expect(utcText(Date.UTC(10_000, 0, 1, 12, 30, 15))).toBe(
			"+010000-01-01 12:30:15 UTC",
		);
		expect(utcText(9e15)).toBeNull();
	});

	it("leaves an unknown time unknown", () => {
		expect(utcText(null)).toBeNull();
	});

	it("stops at the minute when seconds are not wanted", () => {
		expect(utcText("2025-03-01T13:00:05Z", { seconds: false })).toBe(
			"2025-03-01 13:00 UTC",
		);
	});
});

describe("formatSeconds", () => {
	it("says a lifetime in words, then exactly, unless the words are exact already", () => {
		expect(formatSeconds(86_400)).toBe("1 day (86400 s)");
		expect(formatSeconds(45)).toBe("45 s");
	});
});
