/** The keyset cursor: what it encodes to, what it decodes back, and what it refuses. */
import { describe, expect, it } from "vitest";
import {
	decodeEventCursor,
	decodeShareCursor,
	encodeCursor,
	page,
} from "./store-cursor.ts";

const b64url = (json: string) => Buffer.from(json).toString("base64url");

describe("store cursor", () => {
	it("encodes base64url JSON without padding, as Node's Buffer does, UTF-8 included", () => {
		for (const parts of [["2025-03-01T12:00:00.000Z", "sh_1"], [42], ["é✓"]]) {
			expect(encodeCursor(parts)).toBe(b64url(JSON.stringify(parts)));
		}
	});

	it("decodes what it encodes", () => {
		const share: [string, string] = ["2025-03-01T12:00:00.000Z", "sh_1"];
		expect(decodeShareCursor(encodeCursor(share))).toEqual(share);
		expect(decodeEventCursor(encodeCursor([42]))).toBe(42);
	});

	it.each([
		["not base64", "!!!"],
		["not JSON", b64url("nope")],
		["not an array", b64url('{"a":1}')],
		["one part", b64url('["a"]')],
		["a number part", b64url('["a",1]')],
		["three parts", b64url('["a","b","c"]')],
	])("refuses a shares cursor that is %s", (_, cursor) => {
		expect(() => decodeShareCursor(cursor)).toThrow(
			expect.objectContaining({ code: "bad_request" }),
		);
	});

	it.each([
		["a string id", b64url('["1"]')],
		["a fractional id", b64url("[1.5]")],
		["two parts", b64url("[1,2]")],
		["empty", b64url("[]")],
	])("refuses an audit cursor with %s", (_, cursor) => {
		expect(() => decodeEventCursor(cursor)).toThrow(
			expect.objectContaining({ code: "bad_request" }),
		);
	});

	it("gives a next cursor only when a row beyond the limit came back", () => {
		const cursorOf = (last: number) => `after-${last}`;
		expect(page([1, 2, 3], 2, cursorOf)).toEqual({
			items: [1, 2],
			nextCursor: "after-2",
		});
		expect(page([1, 2], 2, cursorOf)).toEqual({
			items: [1, 2],
			nextCursor: null,
		});
	});
});
