import { describe, expect, it } from "vitest";
import { parseS3Location } from "./s3-location.ts";

describe("parseS3Location", () => {
	it.each([
		["s3://reports/2025/q1.pdf", { bucket: "reports", key: "2025/q1.pdf" }],
		["s3://reports", { bucket: "reports", key: "" }],
		["s3://reports/folder/", { bucket: "reports", key: "folder/" }],
		["s3://reports/a b%20c+d.txt", { bucket: "reports", key: "a b%20c+d.txt" }],
		[
			"  s3://reports/trimmed.txt \n",
			{ bucket: "reports", key: "trimmed.txt" },
		],
		[
			"arn:aws:s3:::reports/2025/q1.pdf",
			{ bucket: "reports", key: "2025/q1.pdf" },
		],
		["arn:aws-cn:s3:::reports/x", { bucket: "reports", key: "x" }],
		[
			"https://reports.s3.eu-west-1.amazonaws.com/2025/q1%20final.pdf",
			{ bucket: "reports", key: "2025/q1 final.pdf", region: "eu-west-1" },
		],
		[
			"https://s3.eu-west-1.amazonaws.com/reports/a%2Bb.txt",
			{ bucket: "reports", key: "a+b.txt", region: "eu-west-1" },
		],
		[
			"https://reports.s3.amazonaws.com/k?versionId=3",
			{ bucket: "reports", key: "k" },
		],
		[
			"https://eu-west-1.console.aws.amazon.com/s3/object/reports?region=eu-west-1&bucketType=general&prefix=2025/q1+final.pdf",
			{ bucket: "reports", key: "2025/q1 final.pdf", region: "eu-west-1" },
		],
		[
			"https://s3.console.aws.amazon.com/s3/object/reports?region=us-east-1&prefix=dir%2Fr%C3%A9sum%C3%A9.pdf",
			{ bucket: "reports", key: "dir/résumé.pdf", region: "us-east-1" },
		],
		[
			"https://s3.console.aws.amazon.com/s3/buckets/reports?region=us-east-2&prefix=2025/&showversions=false",
			{ bucket: "reports", key: "2025/", region: "us-east-2" },
		],
		[
			"https://console.aws.amazon.com/s3/buckets/reports/old/style.txt",
			{ bucket: "reports", key: "old/style.txt" },
		],
	])("reads %s", (input, expected) => {
		expect(parseS3Location(input)).toEqual({ ok: true, value: expected });
	});

	it("reads path-style URLs of a configured custom endpoint", () => {
		const result = parseS3Location("http://127.0.0.1:9000/demo/docs/a.txt", {
			customEndpoints: ["127.0.0.1:9000"],
		});
		expect(result).toEqual({
			ok: true,
			value: { bucket: "demo", key: "docs/a.txt" },
		});
	});

	it.each([
		"https://example.com/reports/a.txt",
		"http://127.0.0.1:9000/demo/a.txt",
		"https://s3.amazonaws.com.evil.example/b/k",
		"https://eu-west-1.console.aws.amazon.com/ec2/home",
		"reports/a.txt",
		"",
	])("refuses %j with a message saying what it accepts", (input) => {
		const result = parseS3Location(input);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.code).toBe("not-an-s3-location");
		expect(!result.ok && result.error.message).toContain("s3://bucket/key");
	});

	it.each([
		"s3://UPPER/k",
		"s3://ab/k",
		"s3:///k",
		"s3://a..b/k",
		"s3://-dash/k",
	])("refuses the bucket name in %s", (input) => {
		const result = parseS3Location(input);
		expect(!result.ok && result.error.code).toBe("invalid-bucket");
	});
});
