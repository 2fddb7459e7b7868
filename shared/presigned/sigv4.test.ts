import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	LONG_TERM,
	presign,
	TEMPORARY,
} from "../../test/support/aws-presign.ts";
import { decode } from "./decode.ts";
import { decodedJson } from "./decoded-json.ts";
import { decodeQueryComponent } from "./percent-decode.ts";

const SIGNED_AT = new Date("2025-03-01T12:00:00Z");
const AN_HOUR_LATER = Date.parse("2025-03-01T13:00:00Z");

async function decoded(
	options: Parameters<typeof presign>[0],
	nowMs = SIGNED_AT.getTime(),
) {
	const result = decode(await presign({ signingDate: SIGNED_AT, ...options }), {
		nowMs,
	});
	if (!result.ok) throw new Error(result.error.message);
	return decodedJson(result.value);
}

describe("SigV4 URLs from the AWS SDK presigner", () => {
	it("reads bucket, key, region, signer and times of a virtual-hosted GET", async () => {
		const url = await decoded({
			bucket: "reports",
			key: "2025/q1.pdf",
			region: "eu-west-1",
		});
		expect(url).toMatchObject({
			scheme: "aws-sigv4",
			provider: "aws",
			addressingStyle: "virtual-hosted",
			host: "reports.s3.eu-west-1.amazonaws.com",
			bucket: "reports",
			key: "2025/q1.pdf",
			region: "eu-west-1",
			service: "s3",
			signer: LONG_TERM.accessKeyId,
			credentialType: "long-term",
			signedAt: "2025-03-01T12:00:00Z",
			expiresAt: "2025-03-01T13:00:00Z",
			effectiveExpiresAt: "2025-03-01T13:00:00Z",
			expiryCertainty: "exact",
			signedHeaders: ["host"],
			operation: "GetObject",
			hasSessionToken: false,
			warnings: [],
		});
	});

	it("keeps dotted bucket names apart from the key (the SDK signs them path-style)", async () => {
		const url = await decoded({ bucket: "my.dotted.bucket", key: "a/b.txt" });
		expect(url).toMatchObject({
			addressingStyle: "path",
			bucket: "my.dotted.bucket",
			key: "a/b.txt",
		});
	});

	it.each([
		["spaces", "annual report 2025.pdf"],
		["a plus sign", "a+b.txt"],
		["unicode", "résumé/日本語.txt"],
		["a literal percent", "100%/real %41.txt"],
		["query and fragment characters", "what?#now"],
		["double slashes", "a//b///c"],
		["dot segments", "a/../b/./c"],
		["an encoded-looking dot segment", "a/%2e%2e/b"],
	])("gives back a key with %s exactly as stored", async (_, key) => {
		expect((await decoded({ bucket: "bkt", key })).key).toBe(key);
	});

	it("marks temporary credentials as an upper bound and says why", async () => {
		const url = await decoded({
			bucket: "bkt",
			key: "k",
			credentials: TEMPORARY,
			expiresIn: 604800,
		});
		expect(url.credentialType).toBe("temporary");
		expect(url.hasSessionToken).toBe(true);
		expect(url.expiryCertainty).toBe("upper-bound");
		expect(url.warnings.map((w) => w.code)).toEqual(["temporary-credentials"]);
		expect(url.warnings[0]?.message).toContain(
			"The provided token has expired",
		);
	});

	it("reads the operation and response overrides", async () => {
		const put = await decoded({ bucket: "bkt", key: "up.bin", method: "PUT" });
		expect(put.operation).toBe("PutObject");
		const get = await decoded({
			bucket: "bkt",
			key: "r.pdf",
			responseContentDisposition: 'attachment; filename="Q1 report.pdf"',
		});
		expect(get.responseOverrides).toEqual({
			"response-content-disposition": 'attachment; filename="Q1 report.pdf"',
		});
	});

	it("reads path-style URLs of a custom endpoint and does not warn about HTTP on loopback", async () => {
		const url = await decoded({
			bucket: "demo",
			key: "docs/readme.txt",
			endpoint: "http://127.0.0.1:9000",
			forcePathStyle: true,
		});
		expect(url).toMatchObject({
			provider: "custom",
			host: "127.0.0.1:9000",
			bucket: "demo",
			key: "docs/readme.txt",
			warnings: [],
		});
	});

	it("warns about plain HTTP to a remote host", async () => {
		const url = await decoded({
			bucket: "b",
			key: "k",
			endpoint: "http://minio.internal:9000",
			forcePathStyle: true,
		});
		expect(url.warnings.map((w) => w.code)).toEqual(["insecure-http"]);
	});

	it("says a URL has expired once its time has passed", async () => {
		const url = await decoded({ bucket: "b", key: "k" }, AN_HOUR_LATER);
		expect(url.warnings.map((w) => w.code)).toEqual(["expired"]);
	});
});

describe("SigV4 URLs the SDK would not produce", () => {
	const base =
		"https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20250301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250301T120000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abc";

	it("caps a lifetime above 7 days and warns that AWS refuses it", () => {
		const result = decode(`${base}&X-Amz-Expires=1209600`, {
			nowMs: SIGNED_AT.getTime(),
		});
		expect(result.ok && result.value.expiresAtMs).toBe(
			Date.parse("2025-03-15T12:00:00Z"),
		);
		expect(result.ok && result.value.effectiveExpiresAtMs).toBe(
			Date.parse("2025-03-08T12:00:00Z"),
		);
		expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual([
			"exceeds-max-expiry",
		]);
	});

	it("treats a URL without X-Amz-Expires as valid for 7 days at most", () => {
		const result = decode(base, { nowMs: SIGNED_AT.getTime() });
		expect(result.ok && result.value.effectiveExpiresAtMs).toBe(
			Date.parse("2025-03-08T12:00:00Z"),
		);
		expect(result.ok && result.value.expiryCertainty).toBe("upper-bound");
	});

	it("reads parameter names in any letter case", () => {
		const lowerNames = base.replace(/X-Amz-[A-Za-z]+=/g, (name) =>
			name.toLowerCase(),
		);
		const result = decode(`${lowerNames}&x-amz-expires=60`, {
			nowMs: SIGNED_AT.getTime(),
		});
		expect(result.ok && result.value.expiresAtMs).toBe(
			Date.parse("2025-03-01T12:01:00Z"),
		);
	});

	it("leaves bucket and key empty for other AWS services", () => {
		const sts = base
			.replace("%2Fs3%2F", "%2Fsts%2F")
			.replace("b.s3.us-east-1", "sts");
		const result = decode(sts, { nowMs: SIGNED_AT.getTime() });
		expect(result.ok && result.value).toMatchObject({
			service: "sts",
			bucket: null,
			key: null,
		});
	});

	it.each([
		[
			"a broken date",
			base.replace("20250301T120000Z", "2025-03-01"),
			"X-Amz-Date '2025-03-01'",
		],
		[
			"a date that does not exist",
			base.replace("20250301T120000Z", "20250230T120000Z"),
			"X-Amz-Date",
		],
		[
			"a date with letters where digits belong",
			base.replace("20250301T120000Z", "2025030aT12ab00Z"),
			"X-Amz-Date '2025030aT12ab00Z'",
		],
		["a bad lifetime", `${base}&X-Amz-Expires=1h`, "X-Amz-Expires '1h'"],
		[
			"a bad credential",
			base.replace(/X-Amz-Credential=[^&]+/, "X-Amz-Credential=AKIA"),
			"X-Amz-Credential",
		],
		[
			"a broken escape in the key",
			base.replace("/k?", "/%zz?"),
			"percent-escape",
		],
	])("refuses %s with a message naming it", (_, url, message) => {
		const result = decode(url);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.code).toBe("malformed");
		expect(!result.ok && result.error.message).toContain(message);
	});
});

// Credentials as written in the wild: mostly as the SDK writes them, with one thing changed.
const usually = <T>(value: T, ...others: T[]) =>
	fc.oneof(
		{ arbitrary: fc.constant(value), weight: 4 },
		{ arbitrary: fc.constantFrom(...others), weight: 1 },
	);
const slash = usually("%2F", "/", "%2f", "%252F", "", "%2F%2F", "%", "%41");
const credential = fc
	.tuple(
		usually("AKIAEXAMPLE", "AKIA/X", "AKIA%2FX", "A%4B", "A+B", ""),
		slash,
		usually("20250301", "2025030", "2025030a", "2025%330301"),
		slash,
		usually("us-east-1", "", "us+east", "us%2Deast"),
		slash,
		usually("s3", "s%33", ""),
		slash,
		usually("aws4_request", "aws4_request%2F", "aws4_reques", ""),
	)
	.map((pieces) => pieces.join(""));

describe("SigV4 credential scopes", () => {
	it("reads a credential in place exactly as from its decoded text", () => {
		const withCredential = (value: string) =>
			`https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Credential=${value}&X-Amz-Date=20250301T120000Z&X-Amz-Signature=abc&X-Amz-Region-Set=eu-west-1`;
		fc.assert(
			fc.property(credential, (raw) => {
				// Written again with plain slashes, the credential is read from its decoded text.
				const plain = encodeURIComponent(decodeQueryComponent(raw)).replaceAll(
					"%2F",
					"/",
				);
				expect(decode(withCredential(raw))).toEqual(
					decode(withCredential(plain)),
				);
			}),
			{ numRuns: 5000 },
		);
	});
});
