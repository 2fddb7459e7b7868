import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeQueryComponent } from "./percent-decode.ts";
import { QueryParams } from "./query-params.ts";

/** The query as a list read the slow, obvious way: names decoded and lower-cased, first one wins. */
function referenceParams(query: string): [string, string][] {
	const params: [string, string][] = [];
	for (const part of query.split("&")) {
		const eq = part.indexOf("=");
		const rawName = eq === -1 ? part : part.slice(0, eq);
		if (rawName === "") continue;
		const name = decodeQueryComponent(rawName).toLowerCase();
		if (!params.some(([seen]) => seen === name))
			params.push([
				name,
				decodeQueryComponent(eq === -1 ? "" : part.slice(eq + 1)),
			]);
	}
	return params;
}

// Names that trip up in-place comparison: escapes, `+`, case, the Kelvin sign (lower-cases to k), İ.
const queryName = fc.constantFrom(
	"X-Amz-Date",
	"x-amz-date",
	"X%2DAmz-Date",
	"X-AMZ-DATE",
	"x-amz-dat\u212A",
	"x-amz-\u212Aey",
	"x-amz-key",
	"response-content-type",
	"Response-Content-Type",
	"response%2Dcontent-type",
	"\u0130d",
	"id",
	"a+b",
	"a b",
	"x-id",
	"%zz",
	"",
);
const queryValue = fc.oneof(
	fc.constantFrom("", "1", "a+b", "%41", "%zz", "a=b", "%E2%82%AC"),
	fc.string({ maxLength: 4 }),
);
const queries = fc
	.array(fc.tuple(queryName, fc.constantFrom("=", ""), queryValue), {
		maxLength: 8,
	})
	.map((parts) =>
		parts
			.map(([name, eq, value]) => (eq ? `${name}=${value}` : name))
			.join("&"),
	);

describe("QueryParams", () => {
	it("finds names and values as the obvious decode-and-lower-case reading does", () => {
		fc.assert(
			fc.property(queries, (query) => {
				const params = new QueryParams(query, 0, query.length);
				const expected = referenceParams(query);
				for (const name of [
					"x-amz-date",
					"X-Amz-Date",
					"x-amz-key",
					"id",
					"id\u0307",
					"a b",
					"x-id",
				]) {
					const found = expected.find(([seen]) => seen === name.toLowerCase());
					expect(params.get(name)).toBe(found?.[1]);
					expect(params.has(name)).toBe(found !== undefined);
				}
				expect(params.withPrefix("response-")).toEqual(
					expected.filter(([name]) => name.startsWith("response-")),
				);
			}),
			{ numRuns: 20_000 },
		);
	});
});
