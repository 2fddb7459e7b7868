import { createSign, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodingAt } from "./decode.test-support.ts";

const DISTRIBUTION = "https://d111111abcdef8.cloudfront.net";
const KEY_PAIR_ID = "K2JCJMDEHXQW5F";
const EXPIRES = 1_740_830_400; // 2025-03-01T12:00:00Z
const BEFORE = Date.parse("2025-03-01T11:00:00Z");
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

/** CloudFront's URL-safe base64: '+' → '-', '=' → '_', '/' → '~'. */
function urlSafe(bytes: Buffer): string {
	return bytes
		.toString("base64")
		.replaceAll("+", "-")
		.replaceAll("=", "_")
		.replaceAll("/", "~");
}

function signPolicy(policy: string): string {
	return urlSafe(createSign("RSA-SHA1").update(policy).sign(privateKey));
}

/** A canned-policy URL signed as the CloudFront developer guide describes. */
function cannedUrl(path: string, expires = EXPIRES): string {
	const resource = `${DISTRIBUTION}${path}`;
	const policy = `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
	return `${resource}?Expires=${expires}&Signature=${signPolicy(policy)}&Key-Pair-Id=${KEY_PAIR_ID}`;
}

function customUrl(policy: unknown, path = "/videos/*"): string {
	const json = typeof policy === "string" ? policy : JSON.stringify(policy);
	const encoded = urlSafe(Buffer.from(json));
	return `${DISTRIBUTION}${path}?Policy=${encoded}&Signature=${signPolicy(json)}&Key-Pair-Id=${KEY_PAIR_ID}`;
}

function policyWith(
	condition: Record<string, unknown>,
	resource = `${DISTRIBUTION}/videos/*`,
) {
	return { Statement: [{ Resource: resource, Condition: condition }] };
}

const epoch = (iso: string) => ({ "AWS:EpochTime": Date.parse(iso) / 1000 });

const { decoded, failure } = decodingAt(BEFORE);

describe("CloudFront signed URLs with a canned policy", () => {
	it("reads the path, key pair and expiry", () => {
		expect(decoded(cannedUrl("/image.jpg"))).toMatchObject({
			scheme: "cloudfront",
			provider: "cloudfront",
			addressingStyle: null,
			host: "d111111abcdef8.cloudfront.net",
			bucket: null,
			key: "image.jpg",
			region: null,
			signer: KEY_PAIR_ID,
			credentialType: "long-term",
			signedAt: null,
			validFrom: null,
			expiresAt: "2025-03-01T12:00:00Z",
			effectiveExpiresAt: "2025-03-01T12:00:00Z",
			expiryCertainty: "exact",
			allowedIp: null,
			warnings: [],
		});
	});

	it.each([
		["/videos/a%20b.mp4", "videos/a b.mp4"],
		["/c+d.txt", "c+d.txt"],
		["/%E2%82%AC/%C3%BCber.pdf", "€/über.pdf"],
		["/100%25.txt", "100%.txt"],
		["/", null],
	])("reads path %s as key %j", (path, key) => {
		expect(decoded(cannedUrl(path)).key).toBe(key);
	});

	it("reports the URL as expired once Expires has passed", () => {
		const codes = (nowMs: number) =>
			decoded(cannedUrl("/a.jpg"), nowMs).warnings.map((w) => w.code);
		expect(codes(BEFORE)).not.toContain("expired");
		expect(codes(EXPIRES * 1000)).toContain("expired");
	});
});

describe("CloudFront signed URLs with a custom policy", () => {
	const fullPolicy = policyWith({
		DateLessThan: epoch("2025-03-02T00:00:00Z"),
		DateGreaterThan: epoch("2025-03-01T18:00:00Z"),
		IpAddress: { "AWS:SourceIp": "192.0.2.0/24" },
	});

	it("reads expiry, start and allowed addresses from the policy", () => {
		expect(decoded(customUrl(fullPolicy, "/videos/intro.mp4"))).toMatchObject({
			key: "videos/intro.mp4",
			validFrom: "2025-03-01T18:00:00Z",
			expiresAt: "2025-03-02T00:00:00Z",
			effectiveExpiresAt: "2025-03-02T00:00:00Z",
			expiryCertainty: "exact",
			allowedIp: "192.0.2.0/24",
		});
	});

	it("warns that the URL is not yet valid before DateGreaterThan", () => {
		const codes = (nowMs: number) =>
			decoded(customUrl(fullPolicy), nowMs).warnings.map((w) => w.code);
		expect(codes(Date.parse("2025-03-01T17:59:59Z"))).toEqual([
			"not-yet-valid",
		]);
		expect(codes(Date.parse("2025-03-01T18:00:00Z"))).toEqual([]);
		expect(codes(Date.parse("2025-03-02T00:00:00Z"))).toEqual(["expired"]);
	});

	it("reads a policy written with line breaks and a non-ASCII resource", () => {
		const policy = `{\r\n "Statement": [{\r\n  "Resource": "${DISTRIBUTION}/Müller/*",\r\n  "Condition": {"DateLessThan": {"AWS:EpochTime": ${EXPIRES}}}\r\n }]\r\n}\r\n`;
		expect(decoded(customUrl(policy)).expiresAt).toBe("2025-03-01T12:00:00Z");
	});

	it("reads a policy whose standard base64 '+' arrived unescaped (as a space)", () => {
		// Pad the resource until the standard base64 of the policy holds a '+'.
		let policy = "";
		for (
			let pad = "";
			!Buffer.from(policy).toString("base64").includes("+");
			pad += "a"
		) {
			policy = JSON.stringify(
				policyWith(
					{ DateLessThan: { "AWS:EpochTime": EXPIRES } },
					`${DISTRIBUTION}/${pad}>?`,
				),
			);
		}
		const url = `${DISTRIBUTION}/x?Policy=${Buffer.from(policy).toString("base64")}&Signature=abc&Key-Pair-Id=${KEY_PAIR_ID}`;
		expect(decoded(url).expiresAt).toBe("2025-03-01T12:00:00Z");
	});

	it.each([
		[
			"a Policy that is not base64",
			`${DISTRIBUTION}/x?Policy=%21%21%21&Signature=abc&Key-Pair-Id=K`,
			"base64",
		],
		[
			"a Policy that is not JSON",
			`${DISTRIBUTION}/x?Policy=${urlSafe(Buffer.from("not json"))}&Signature=abc&Key-Pair-Id=K`,
			"not JSON",
		],
		[
			"a Policy without DateLessThan",
			customUrl(policyWith({ DateGreaterThan: epoch("2025-03-01T00:00:00Z") })),
			"DateLessThan",
		],
		[
			"a Policy with a quoted AWS:EpochTime",
			customUrl(
				policyWith({ DateLessThan: { "AWS:EpochTime": String(EXPIRES) } }),
			),
			"AWS:EpochTime",
		],
		["a Policy with no statement", customUrl({ Statement: [] }), "Statement"],
		[
			"a Policy whose Statement is text",
			customUrl({ Statement: "abc" }),
			"Statement",
		],
		["a Policy that is JSON null", customUrl("null"), "Statement"],
		["a Policy that is a number", customUrl("42"), "Statement"],
		[
			"a Policy with a DateGreaterThan of no epoch seconds",
			customUrl(
				policyWith({
					DateLessThan: { "AWS:EpochTime": EXPIRES },
					DateGreaterThan: { "AWS:EpochTime": -5 },
				}),
			),
			"DateGreaterThan",
		],
		[
			"a Policy with a DateLessThan past any time a Date holds",
			customUrl(policyWith({ DateLessThan: { "AWS:EpochTime": 1e20 } })),
			"AWS:EpochTime",
		],
		[
			"a Policy with a DateGreaterThan past any time a Date holds",
			customUrl(
				policyWith({
					DateLessThan: { "AWS:EpochTime": EXPIRES },
					DateGreaterThan: { "AWS:EpochTime": 8_640_000_000_001 },
				}),
			),
			"DateGreaterThan",
		],
		[
			"a Policy with an IpAddress that is not text",
			customUrl(
				policyWith({
					DateLessThan: { "AWS:EpochTime": EXPIRES },
					IpAddress: { "AWS:SourceIp": 10 },
				}),
			),
			"IpAddress",
		],
		[
			"an Expires that is not epoch seconds",
			`${DISTRIBUTION}/x?Expires=tomorrow&Signature=abc&Key-Pair-Id=K`,
			"Expires 'tomorrow'",
		],
		[
			"a URL with neither Expires nor Policy",
			`${DISTRIBUTION}/x?Signature=abc&Key-Pair-Id=K`,
			"Expires",
		],
		[
			"a broken escape in the path",
			`${DISTRIBUTION}/%zz?Expires=${EXPIRES}&Signature=abc&Key-Pair-Id=K`,
			"percent-escape",
		],
	])("refuses %s as malformed", (_, url, field) => {
		expect(failure(url)).toMatchObject({
			code: "malformed",
			message: expect.stringContaining(field),
		});
	});
});
