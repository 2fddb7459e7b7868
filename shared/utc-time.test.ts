import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iso, utcMs } from "./utc-time.ts";

// Years 1000 to 9999, where toISOString and AWS write the same four-digit years.
const FOUR_DIGIT_YEARS = fc.integer({
	min: Date.UTC(1000, 0, 1),
	max: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
});

describe("iso", () => {
	it("agrees with toISOString, dropping milliseconds only when there are none", () => {
		fc.assert(
			fc.property(FOUR_DIGIT_YEARS, fc.boolean(), (ms, whole) => {
				const time = whole ? ms - (ms % 1000) : ms;
				const expected = new Date(time).toISOString();
				expect(iso(time)).toBe(
					time % 1000 === 0 ? expected.replace(".000Z", "Z") : expected,
				);
			}),
			{ numRuns: 20_000 },
		);
	});

	it.each([
		[null, null],
		[Number.NaN, null],
		[0, "1970-01-01T00:00:00Z"],
		[-1, "1969-12-31T23:59:59.999Z"],
		[Date.UTC(2024, 1, 29, 23, 59, 59), "2024-02-29T23:59:59Z"],
		[Date.UTC(10_000, 0, 1), "+010000-01-01T00:00:00.000Z"],
		[Date.UTC(999, 0, 1), "0999-01-01T00:00:00Z"],
		[9e15, null],
		[Number.POSITIVE_INFINITY, null],
	])("writes %j as %j", (ms, expected) => {
		expect(iso(ms)).toBe(expected);
	});
});

describe("utcMs", () => {
	it("agrees with Date.UTC on every time that exists", () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date(Date.UTC(0, 0, 1) - 100 * 365 * 86_400_000),
					max: new Date(Date.UTC(9999, 11, 31)),
					noInvalidDate: true,
				}),
				(date) => {
					const fields = [
						date.getUTCFullYear(),
						date.getUTCMonth() + 1,
						date.getUTCDate(),
						date.getUTCHours(),
						date.getUTCMinutes(),
						date.getUTCSeconds(),
					] as const;
					const [year, month, ...rest] = fields;
					expect(utcMs(...fields)).toBe(Date.UTC(year, month - 1, ...rest));
				},
			),
			{ numRuns: 20_000 },
		);
	});
});
