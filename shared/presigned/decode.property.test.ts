import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presign } from "../../test/support/aws-presign.ts";
import { decode } from "./decode.ts";

const SAMPLE =
	"https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20250301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250301T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=abc";

/** A real-looking presigned URL with an arbitrary string spliced in somewhere. */
const mutatedSample = fc
	.tuple(
		fc.nat({ max: SAMPLE.length }),
		fc.nat({ max: 20 }),
		fc.string({ unit: "binary" }),
	)
	.map(
		([at, cut, insert]) =>
			SAMPLE.slice(0, at) + insert + SAMPLE.slice(at + cut),
	);

const signatureParams = fc.constantFrom(
	"X-Amz-Signature",
	"X-Amz-Credential",
	"X-Goog-Signature",
	"Signature",
	"AWSAccessKeyId",
	"GoogleAccessId",
	"Key-Pair-Id",
	"Policy",
	"Expires",
	"sig",
	"se",
	"st",
	"skoid",
	"ske",
	"sp",
);
const hostileQuery = fc
	.array(fc.tuple(signatureParams, fc.string({ unit: "binary" })), {
		maxLength: 6,
	})
	.map(
		(pairs) =>
			`https://x.example/p?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`,
	);

describe("decode on arbitrary input", () => {
	it("never throws, and always answers ok or a typed error", () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: "binary" }),
					fc.webUrl({ withQueryParameters: true }),
					mutatedSample,
					hostileQuery,
				),
				(input) => {
					const result = decode(input);
					if (!result.ok)
						expect(["not-a-url", "not-presigned", "malformed"]).toContain(
							result.error.code,
						);
				},
			),
			{ numRuns: 3000 },
		);
	});
});

// Keys S3 allows: any UTF-8, with the characters that trip up URL handling over-represented.
const awkwardKey = fc
	.array(
		fc.oneof(
			fc.constantFrom(
				" ",
				"%",
				"+",
				"?",
				"#",
				"//",
				"/",
				"..",
				"%2e",
				"&",
				"=",
				"~",
				"é",
				"日本",
				"😀",
			),
			fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }),
		),
		{
			minLength: 1,
			maxLength: 12,
		},
	)
	.map((parts) => parts.join(""));

describe("decode on URLs from the AWS SDK presigner", () => {
	it("gives back exactly the key that was signed, for any key", async () => {
		await fc.assert(
			fc.asyncProperty(
				awkwardKey,
				fc.constantFrom("plain-bucket", "dotted.bucket.name"),
				fc.constantFrom("us-east-1", "eu-west-3", "ap-southeast-2"),
				async (key, bucket, region) => {
					const result = decode(await presign({ bucket, key, region }));
					expect(result.ok && result.value.key).toBe(key);
					expect(result.ok && result.value.bucket).toBe(bucket);
					expect(result.ok && result.value.region).toBe(region);
				},
			),
			{ numRuns: 300 },
		);
	});
});
