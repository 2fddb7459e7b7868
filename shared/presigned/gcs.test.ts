import { describe, expect, it } from "vitest";
import { decodingAt } from "./decode.test-support.ts";

const SERVICE_ACCOUNT = "signer@example-project.iam.gserviceaccount.com";
const SIGNED_AT = Date.parse("2025-03-01T12:00:00Z");
const SIGNATURE =
	"247a2aa45f169edf4d187d54e7cc46e4731b1e6273242c4f4c39a1d2507a0e58";

interface V4Options {
	base?: string;
	credential?: string;
	date?: string;
	expires?: string | null;
	algorithm?: string;
	extra?: string;
}

/** A V4 signed URL laid out as https://cloud.google.com/storage/docs/access-control/signed-urls shows. */
function v4Url(options: V4Options = {}): string {
	const credential =
		options.credential ??
		`${SERVICE_ACCOUNT}/20250301/auto/storage/goog4_request`;
	const expires = options.expires === undefined ? "3600" : options.expires;
	const query = [
		`X-Goog-Algorithm=${options.algorithm ?? "GOOG4-RSA-SHA256"}`,
		`X-Goog-Credential=${encodeURIComponent(credential)}`,
		`X-Goog-Date=${options.date ?? "20250301T120000Z"}`,
		expires === null ? "" : `X-Goog-Expires=${expires}`,
		"X-Goog-SignedHeaders=host",
		`X-Goog-Signature=${SIGNATURE}`,
	].filter(Boolean);
	const base =
		options.base ?? "https://storage.googleapis.com/example-bucket/cat.jpeg";
	return `${base}?${query.join("&")}${options.extra ?? ""}`;
}

function v2Url(base: string, expires = "1740830400"): string {
	return `${base}?GoogleAccessId=${encodeURIComponent(SERVICE_ACCOUNT)}&Expires=${expires}&Signature=BCNDxL%2BIJ9r%2F%3D`;
}

const { decoded, failure, codes } = decodingAt(SIGNED_AT);

describe("Cloud Storage V4 signed URLs", () => {
	it("reads bucket, key, signer, scope and times of a path-style URL", () => {
		expect(decoded(v4Url())).toMatchObject({
			scheme: "gcs-v4",
			provider: "gcs",
			addressingStyle: "path",
			host: "storage.googleapis.com",
			bucket: "example-bucket",
			key: "cat.jpeg",
			region: "auto",
			service: "storage",
			signer: SERVICE_ACCOUNT,
			credentialType: "long-term",
			signedAt: "2025-03-01T12:00:00Z",
			expiresAt: "2025-03-01T13:00:00Z",
			effectiveExpiresAt: "2025-03-01T13:00:00Z",
			expiryCertainty: "exact",
			signedHeaders: ["host"],
			hasSessionToken: false,
			warnings: [],
		});
	});

	it.each([
		["https://storage.googleapis.com/b/a%20b.txt", "b", "a b.txt", "path"],
		["https://storage.googleapis.com/b/c+d.txt", "b", "c+d.txt", "path"],
		[
			"https://storage.googleapis.com/b/%E6%97%A5%E6%9C%AC.png",
			"b",
			"日本.png",
			"path",
		],
		["https://storage.googleapis.com/b/100%25.txt", "b", "100%.txt", "path"],
		[
			"https://photos.storage.googleapis.com/2025/cat.jpeg",
			"photos",
			"2025/cat.jpeg",
			"virtual-hosted",
		],
		[
			"https://photos.storage.googleapis.com/a%2Fb%20c",
			"photos",
			"a/b c",
			"virtual-hosted",
		],
	])(
		"reads %s as bucket %s and key %j",
		(base, bucket, key, addressingStyle) => {
			expect(decoded(v4Url({ base }))).toMatchObject({
				provider: "gcs",
				addressingStyle,
				bucket,
				key,
			});
		},
	);

	it("reads an HMAC-key URL as long-term credentials of that access id", () => {
		const url = decoded(
			v4Url({
				algorithm: "GOOG4-HMAC-SHA256",
				credential:
					"GOOG1EXAMPLEHMACACCESSID/20250301/us-central1/storage/goog4_request",
			}),
		);
		expect(url).toMatchObject({
			signer: "GOOG1EXAMPLEHMACACCESSID",
			region: "us-central1",
			credentialType: "long-term",
			expiryCertainty: "exact",
		});
	});

	it("warns when X-Goog-Expires asks for more than 7 days and caps the expiry there", () => {
		const url = decoded(v4Url({ expires: "604801" }));
		expect(url.warnings.map((w) => w.code)).toContain("exceeds-max-expiry");
		expect(url.effectiveExpiresAt).toBe("2025-03-08T12:00:00Z");
	});

	it("falls back to the 7-day cap, as an upper bound, when X-Goog-Expires is absent", () => {
		expect(decoded(v4Url({ expires: null }))).toMatchObject({
			expiresAt: null,
			effectiveExpiresAt: "2025-03-08T12:00:00Z",
			expiryCertainty: "upper-bound",
		});
	});

	it("reports the URL as expired once X-Goog-Expires has run out", () => {
		expect(codes(v4Url())).not.toContain("expired");
		expect(codes(v4Url(), SIGNED_AT + 3_600_000)).toContain("expired");
	});

	it("lists response-* overrides Cloud Storage will apply", () => {
		const url = decoded(
			v4Url({
				extra:
					"&response-content-disposition=attachment%3B%20filename%3Dcat.jpeg",
			}),
		);
		expect(url.responseOverrides).toEqual({
			"response-content-disposition": "attachment; filename=cat.jpeg",
		});
	});

	it.each([
		[
			"a credential without goog4_request",
			`${SERVICE_ACCOUNT}/20250301/auto/storage/aws4_request`,
		],
		["a credential without a signer", "/20250301/auto/storage/goog4_request"],
		[
			"a credential with a bad date",
			`${SERVICE_ACCOUNT}/2025-03-01/auto/storage/goog4_request`,
		],
		[
			"a credential that is only a scope",
			"20250301/auto/storage/goog4_request",
		],
	])("refuses %s, naming X-Goog-Credential", (_, credential) => {
		expect(failure(v4Url({ credential }))).toMatchObject({
			code: "malformed",
			message: expect.stringContaining("X-Goog-Credential"),
		});
	});

	it.each([
		[
			"X-Goog-Date",
			{ date: "2025-03-01T12:00:00Z" },
			"X-Goog-Date '2025-03-01T12:00:00Z'",
		],
		[
			"X-Goog-Date",
			{ date: "20250230T120000Z" },
			"X-Goog-Date '20250230T120000Z'",
		],
		["X-Goog-Expires", { expires: "1h" }, "X-Goog-Expires '1h'"],
	])(
		"refuses a malformed %s, naming it and its value",
		(_, options, quoted) => {
			expect(failure(v4Url(options))).toMatchObject({
				code: "malformed",
				message: expect.stringContaining(quoted),
			});
		},
	);
});

describe("Cloud Storage V2 signed URLs", () => {
	it("reads bucket, key, signer and expiry, and recommends V4", () => {
		const url = decoded(
			v2Url("https://storage.googleapis.com/example-bucket/a%20b+c.txt"),
		);
		expect(url).toMatchObject({
			scheme: "gcs-v2",
			provider: "gcs",
			addressingStyle: "path",
			bucket: "example-bucket",
			key: "a b+c.txt",
			signer: SERVICE_ACCOUNT,
			credentialType: "long-term",
			signedAt: null,
			expiresAt: "2025-03-01T12:00:00Z",
			expiryCertainty: "exact",
		});
		const legacy = url.warnings.find((w) => w.code === "legacy-signature");
		expect(legacy?.message).toContain("V4");
	});

	it("reads a virtual-hosted V2 URL", () => {
		expect(
			decoded(v2Url("https://photos.storage.googleapis.com/%C3%A9t%C3%A9.jpg")),
		).toMatchObject({
			addressingStyle: "virtual-hosted",
			bucket: "photos",
			key: "été.jpg",
		});
	});

	it("reports the URL as expired once Expires has passed", () => {
		const url = v2Url("https://storage.googleapis.com/b/k");
		expect(codes(url, SIGNED_AT - 1)).not.toContain("expired");
		expect(codes(url, SIGNED_AT)).toContain("expired");
	});

	it.each(["soon", "1.7e9", ""])(
		"refuses Expires '%s', naming it",
		(expires) => {
			expect(
				failure(v2Url("https://storage.googleapis.com/b/k", expires)),
			).toMatchObject({
				code: "malformed",
				message: expect.stringContaining(`Expires '${expires}'`),
			});
		},
	);

	it("refuses a V2 URL without Expires", () => {
		expect(
			failure(
				"https://storage.googleapis.com/b/k?GoogleAccessId=a%40b.com&Signature=x",
			),
		).toMatchObject({
			code: "malformed",
			message: expect.stringContaining("Expires"),
		});
	});
});
