import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	locateObject,
	matchHostPatterns,
	parseStorageHost,
} from "./storage-host.ts";

describe("parseStorageHost", () => {
	it.each([
		["s3.amazonaws.com", "aws", null, null],
		["s3.eu-west-1.amazonaws.com", "aws", null, "eu-west-1"],
		["bucket.s3.amazonaws.com", "aws", "bucket", null],
		["bucket.s3.us-west-2.amazonaws.com", "aws", "bucket", "us-west-2"],
		["bucket.s3-us-west-2.amazonaws.com", "aws", "bucket", "us-west-2"],
		[
			"my.dotted.bucket.s3.eu-central-1.amazonaws.com",
			"aws",
			"my.dotted.bucket",
			"eu-central-1",
		],
		[
			"bucket.s3.dualstack.ap-southeast-2.amazonaws.com",
			"aws",
			"bucket",
			"ap-southeast-2",
		],
		[
			"bucket.s3-fips.us-gov-west-1.amazonaws.com",
			"aws",
			"bucket",
			"us-gov-west-1",
		],
		[
			"bucket.s3-fips.dualstack.us-east-2.amazonaws.com",
			"aws",
			"bucket",
			"us-east-2",
		],
		["bucket.s3-accelerate.amazonaws.com", "aws", "bucket", null],
		["bucket.s3-accelerate.dualstack.amazonaws.com", "aws", "bucket", null],
		["bucket.s3.cn-north-1.amazonaws.com.cn", "aws", "bucket", "cn-north-1"],
		["s3.s3.us-east-1.amazonaws.com", "aws", "s3", "us-east-1"],
		[
			"ap-123456789012.s3-accesspoint.us-west-2.amazonaws.com",
			"aws",
			"ap-123456789012",
			"us-west-2",
		],
		[
			"bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com",
			"aws",
			"bucket--usw2-az1--x-s3",
			"us-west-2",
		],
		[
			"0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com",
			"r2",
			null,
			"auto",
		],
		[
			"media.0123456789abcdef0123456789abcdef.eu.r2.cloudflarestorage.com",
			"r2",
			"media",
			"auto",
		],
		["storage.googleapis.com", "gcs", null, null],
		["bucket.storage.googleapis.com", "gcs", "bucket", null],
		["bucket.nyc3.digitaloceanspaces.com", "s3-compatible", "bucket", "nyc3"],
		[
			"bucket.s3.us-west-004.backblazeb2.com",
			"s3-compatible",
			"bucket",
			"us-west-004",
		],
		["127.0.0.1", "custom", null, null],
		["minio.example.com", "custom", null, null],
		["s3.amazonaws.com.evil.example", "custom", null, null],
	])("reads %s as %s bucket=%s region=%s", (host, provider, bucket, region) => {
		expect(parseStorageHost(host)).toEqual({ provider, bucket, region });
	});
});

// Hosts near `[bucket.]s3.REGION.amazonaws.com`, which parseStorageHost reads by hand.
const nearlyRegionalHosts = fc
	.tuple(
		fc.oneof(
			fc.constantFrom(
				"",
				"b",
				"my.dotted.bucket",
				"s3",
				"x.s3",
				"a\nb",
				"\u2028",
			),
			fc.string({ unit: "binary", maxLength: 6 }),
		),
		fc.constantFrom("s3.", "s3-", ".s3.", "xs3.", "s3.dualstack.", "s3-fips."),
		fc.oneof(
			fc.constantFrom(
				"us-east-1",
				"us-gov-west-1",
				"eu-central-1",
				"u-east-1",
				"us-east",
				"us-east-1a",
				"us--1",
				"us-1",
				"useast-1",
				"",
			),
			// Region-like: a first word, more words, a number; any of them the wrong size.
			fc
				.tuple(
					fc.stringMatching(/^[a-z]{1,3}$/),
					fc.array(fc.stringMatching(/^[a-z]{0,4}$/), { maxLength: 3 }),
					fc.stringMatching(/^[0-9]{0,2}$/),
				)
				.map(([first, words, number]) => [first, ...words, number].join("-")),
		),
		fc.constantFrom(
			".amazonaws.com",
			".amazonaws.com.cn",
			"amazonaws.com",
			".amazonaws.co",
		),
	)
	.map(([bucket, s3, region, suffix]) =>
		bucket === ""
			? `${s3}${region}${suffix}`
			: `${bucket}.${s3}${region}${suffix}`,
	);

describe("parseStorageHost by hand", () => {
	it("reads the regional S3 shape exactly as the endpoint patterns do", () => {
		fc.assert(
			fc.property(nearlyRegionalHosts, (host) => {
				expect(parseStorageHost(host)).toEqual(matchHostPatterns(host));
			}),
			{ numRuns: 20_000 },
		);
	});
});

describe("locateObject", () => {
	it("splits a path-style path before decoding, so %2F stays in the key", () => {
		const located = locateObject(
			"s3.us-east-1.amazonaws.com",
			"/bkt/a%2Fb%20c",
		);
		expect(located.ok && located.value).toMatchObject({
			bucket: "bkt",
			key: "a/b c",
			addressingStyle: "path",
		});
	});

	it("keeps a key that starts with a slash", () => {
		const located = locateObject("bkt.s3.amazonaws.com", "//leading");
		expect(located.ok && located.value.key).toBe("/leading");
	});

	it("gives no key for a bucket-level URL", () => {
		const located = locateObject("127.0.0.1", "/bkt/");
		expect(located.ok && located.value).toMatchObject({
			bucket: "bkt",
			key: null,
		});
	});

	it("refuses a broken percent-escape", () => {
		expect(locateObject("127.0.0.1", "/bkt/%E0%A4%A").ok).toBe(false);
	});
});
