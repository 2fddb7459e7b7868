import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodingAt } from "./decode.test-support.ts";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const EXPIRES = 1_740_830_400; // 2025-03-01T12:00:00Z
const BEFORE = Date.parse("2025-03-01T11:00:00Z");
const AFTER = Date.parse("2025-03-01T13:00:00Z");

/** Signs as S3 Signature Version 2 query auth does: HMAC-SHA1 over verb, expiry and resource. */
function sign(resource: string, expires = EXPIRES): string {
	const stringToSign = `GET\n\n\n${expires}\n${resource}`;
	return encodeURIComponent(
		createHmac("sha1", SECRET).update(stringToSign).digest("base64"),
	);
}

function v2Url(base: string, resource: string, extra = ""): string {
	return `${base}?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=${EXPIRES}&Signature=${sign(resource)}${extra}`;
}

const { decoded, failure } = decodingAt(BEFORE);

describe("AWS Signature Version 2 URLs", () => {
	it("reads bucket, key, signer and expiry of a virtual-hosted URL", () => {
		const url = decoded(
			v2Url(
				"https://reports.s3.amazonaws.com/2025/q1.pdf",
				"/reports/2025/q1.pdf",
			),
		);
		expect(url).toMatchObject({
			scheme: "aws-sigv2",
			provider: "aws",
			addressingStyle: "virtual-hosted",
			host: "reports.s3.amazonaws.com",
			bucket: "reports",
			key: "2025/q1.pdf",
			region: null,
			service: null,
			signer: "AKIAIOSFODNN7EXAMPLE",
			credentialType: "long-term",
			signedAt: null,
			validFrom: null,
			expiresAt: "2025-03-01T12:00:00Z",
			effectiveExpiresAt: "2025-03-01T12:00:00Z",
			expiryCertainty: "exact",
			hasSessionToken: false,
			permissions: null,
		});
	});

	it.each([
		["/bucket/a%20b.txt", "a b.txt"],
		["/bucket/c+d.txt", "c+d.txt"],
		["/bucket/%E2%82%AC%20r%C3%A9sum%C3%A9.pdf", "€ résumé.pdf"],
		["/bucket/100%25.txt", "100%.txt"],
		["/bucket/dir%2Ffile.txt", "dir/file.txt"],
	])("reads the key of path-style %s as %j", (path, key) => {
		const url = decoded(
			v2Url(`https://s3.eu-west-1.amazonaws.com${path}`, path),
		);
		expect(url).toMatchObject({
			addressingStyle: "path",
			bucket: "bucket",
			key,
			region: "eu-west-1",
		});
	});

	it("warns that Signature Version 2 is deprecated and where S3 refuses it", () => {
		const url = decoded(v2Url("https://b.s3.amazonaws.com/k", "/b/k"));
		const legacy = url.warnings.find((w) => w.code === "legacy-signature");
		expect(legacy?.message).toContain("deprecated");
		expect(legacy?.message).toContain("January 30, 2014");
		expect(legacy?.message).toContain("June 24, 2020");
	});

	it.each([
		["AKIAIOSFODNN7EXAMPLE", "", "long-term", false, "exact"],
		["ASIAIOSFODNN7EXAMPLE", "", "temporary", false, "upper-bound"],
		[
			"AKIAIOSFODNN7EXAMPLE",
			"&x-amz-security-token=IQoJb3JpZ2luX2VjEXAMPLE",
			"temporary",
			true,
			"upper-bound",
		],
		["minioadmin", "", "unknown", false, "exact"],
	] as const)(
		"treats key %s%s as %s credentials",
		(keyId, token, credentialType, hasSessionToken, expiryCertainty) => {
			const url = decoded(
				`https://b.s3.amazonaws.com/k?AWSAccessKeyId=${keyId}&Expires=${EXPIRES}&Signature=${sign("/b/k")}${token}`,
			);
			expect(url).toMatchObject({
				signer: keyId,
				credentialType,
				hasSessionToken,
				expiryCertainty,
			});
			expect(url.warnings.some((w) => w.code === "temporary-credentials")).toBe(
				credentialType === "temporary",
			);
		},
	);

	it("reports the URL as expired once its Expires has passed", () => {
		const url = v2Url("https://b.s3.amazonaws.com/k", "/b/k");
		const codes = (nowMs: number) =>
			decoded(url, nowMs).warnings.map((w) => w.code);
		expect(codes(BEFORE)).not.toContain("expired");
		expect(codes(AFTER)).toContain("expired");
	});

	it("lists response-* overrides S3 will apply", () => {
		const url = decoded(
			v2Url(
				"https://b.s3.amazonaws.com/k",
				"/b/k",
				"&response-content-disposition=attachment%3B%20filename%3D%22a.txt%22",
			),
		);
		expect(url.responseOverrides).toEqual({
			"response-content-disposition": 'attachment; filename="a.txt"',
		});
	});

	it.each(["tomorrow", "-1", "1.5", ""])(
		"refuses Expires '%s' as malformed, naming the parameter",
		(expires) => {
			const error = failure(
				`https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=${expires}&Signature=abc`,
			);
			expect(error.code).toBe("malformed");
			expect(error.message).toContain(`Expires '${expires}'`);
		},
	);

	it.each([
		[
			"a missing Expires",
			"https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=abc",
			"Expires",
		],
		[
			"an empty AWSAccessKeyId",
			`https://b.s3.amazonaws.com/k?AWSAccessKeyId=&Expires=${EXPIRES}&Signature=abc`,
			"AWSAccessKeyId",
		],
		[
			"a broken escape in the key",
			`https://b.s3.amazonaws.com/%zz?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=${EXPIRES}&Signature=abc`,
			"percent-escape",
		],
	])("refuses %s as malformed", (_, input, field) => {
		const error = failure(input);
		expect(error.code).toBe("malformed");
		expect(error.message).toContain(field);
	});
});
