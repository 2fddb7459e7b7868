import { describe, expect, it } from "vitest";
import { SignetError } from "../shared/errors.ts";
import { checkKey } from "./key-rules.ts";

const scope = { bucket: "acme-reports", prefix: "reports/" };

function refusal(key: string): SignetError {
	try {
		checkKey(key, scope);
	} catch (error) {
		if (error instanceof SignetError) return error;
		throw error;
	}
	throw new Error(`'${key}' was accepted`);
}

describe("checkKey", () => {
	it.each([
		"reports/q1.pdf",
		"reports/2025/Q1 final (v2).pdf",
		"reports/résumé 日本.txt",
		"reports/100%.txt",
		"reports/a%20b.txt",
		"reports/a+b*c?.txt",
		"reports/.hidden",
		"reports/..dots..",
	])("accepts %s", (key) => {
		expect(checkKey(key, scope)).toBe(key);
	});

	it.each([
		["a parent segment", "reports/../secret.txt", "key_outside_prefix", "'..'"],
		["a leading parent segment", "../reports/x", "key_outside_prefix", "'..'"],
		["a dot segment", "reports/./x", "key_outside_prefix", "'.'"],
		[
			"an encoded parent",
			"reports/%2e%2e/secret.txt",
			"key_outside_prefix",
			"%2e%2e",
		],
		[
			"an encoded parent in capitals",
			"reports/%2E%2E%2Fsecret",
			"key_outside_prefix",
			"encoded",
		],
		[
			"an encoded slash",
			"reports%2f..%2fsecret",
			"key_outside_prefix",
			"encoded",
		],
		["an encoded backslash", "reports/a%5c..", "key_outside_prefix", "encoded"],
		[
			"a sibling prefix",
			"reports-secret/x.pdf",
			"key_outside_prefix",
			"prefix 'reports/'",
		],
		["a prefix without its slash", "reportsx", "key_outside_prefix", "prefix"],
		["the prefix itself", "reports/", "key_outside_prefix", "prefix"],
		["another folder", "finance/x.pdf", "key_outside_prefix", "prefix"],
		["a double slash", "reports//x", "invalid_key", "'//'"],
		["a leading slash", "/reports/x", "invalid_key", "leading slash"],
		["a backslash", "reports\\..\\secret", "invalid_key", "backslash"],
		["a control character", "reports/a\u0000b", "invalid_key", "control"],
		["an empty key", "", "invalid_key", "empty"],
		[
			"an over-long key",
			`reports/${"é".repeat(600)}`,
			"invalid_key",
			"1024 bytes",
		],
		[
			"an https URL",
			"https://acme-reports.s3.amazonaws.com/reports/q1.pdf",
			"invalid_key",
			"not a URL",
		],
		[
			"an s3:// URI of our bucket",
			"s3://acme-reports/reports/q1.pdf",
			"invalid_key",
			"('reports/q1.pdf')",
		],
		[
			"another bucket",
			"s3://acme-payroll/reports/q1.pdf",
			"key_outside_prefix",
			"bucket 'acme-payroll'",
		],
		[
			"another bucket by URL",
			"https://s3.eu-west-1.amazonaws.com/other/reports/x",
			"key_outside_prefix",
			"'other'",
		],
		[
			"an ARN",
			"arn:aws:s3:::acme-payroll/x",
			"key_outside_prefix",
			"acme-payroll",
		],
	])(
		"refuses %s with a message naming the problem",
		(_, key, code, message) => {
			const error = refusal(key);
			expect(error.code).toBe(code);
			expect(error.status).toBe(400);
			expect(error.message).toContain(message);
		},
	);

	it("allows any key in a bucket-wide profile, and still refuses escapes", () => {
		expect(checkKey("anything/at/all.txt", { bucket: "b", prefix: "" })).toBe(
			"anything/at/all.txt",
		);
		expect(() => checkKey("../x", { bucket: "b", prefix: "" })).toThrow(
			"Key '../x' has a '.' or '..' segment, which browsers and proxies resolve away, so the link would name another object.",
		);
		expect(() => checkKey("reports/../x", scope)).toThrow(
			"which could lead out of the prefix 'reports/'.",
		);
	});
});
