import {
	GetObjectCommand,
	PutObjectCommand,
	S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LONG_TERM, TEMPORARY } from "../../test/support/aws-presign.ts";
import { createNodeCrypto } from "./node-crypto.ts";
import {
	createS3Presigner,
	locateBucket,
	type PresignRequest,
} from "./presign-s3.ts";
import { createWebCrypto } from "./signing-crypto.ts";

/** What the AWS SDK signs for the same request: the reference every case is checked against. */
function sdkPresign(request: PresignRequest): Promise<string> {
	const client = new S3Client({
		region: request.region,
		endpoint: request.endpoint,
		forcePathStyle: request.forcePathStyle,
		credentials: request.credentials,
		requestChecksumCalculation: "WHEN_REQUIRED",
		responseChecksumValidation: "WHEN_REQUIRED",
	});
	const command =
		request.method === "PUT"
			? new PutObjectCommand({
					Bucket: request.bucket,
					Key: request.key,
					ContentType: request.contentType,
				})
			: new GetObjectCommand({
					Bucket: request.bucket,
					Key: request.key,
					ResponseContentDisposition: request.responseContentDisposition,
					ResponseContentType: request.responseContentType,
				});
	return getSignedUrl(client, command, {
		expiresIn: request.expiresInSeconds,
		signingDate: request.signingDate,
	});
}

const CRYPTOS = [
	["node:crypto", createNodeCrypto],
	["crypto.subtle", createWebCrypto],
] as const;

const BASE: PresignRequest = {
	method: "GET",
	bucket: "reports",
	key: "2025/q1.pdf",
	region: "eu-west-1",
	credentials: LONG_TERM,
	expiresInSeconds: 3600,
	signingDate: new Date("2025-03-01T12:00:00Z"),
};

// Keys S3 allows: any UTF-8, with the characters that trip up URL handling over-represented.
const awkwardKey = fc
	.array(
		fc.oneof(
			fc.constantFrom(
				..." %+?#~*'()!&=;:@$,[]\\^`{}|\"<>".split(""),
				"//",
				"/",
				".",
				"..",
				"%2F",
				"%2e",
				"é",
				"日本",
				"😀",
				"\u0000",
			),
			fc.string({ unit: "binary", maxLength: 6 }),
		),
		{ maxLength: 12 },
	)
	.map((parts) => parts.join(""));

const bucket = fc.oneof(
	fc.constantFrom(
		"reports",
		"dotted.bucket.name",
		"abc.de",
		"ab",
		"a--b",
		"Upper_Case",
		"my bucket",
		"x".repeat(63),
	),
	fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/),
);

const credentials = fc.oneof(
	fc.constantFrom(LONG_TERM, TEMPORARY),
	fc.record({
		accessKeyId: fc.constantFrom("AKIAI44QH8DHBEXAMPLE", "ASIA/odd+id"),
		secretAccessKey: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
		sessionToken: fc.option(fc.string({ unit: "binary", maxLength: 300 }), {
			nil: undefined,
		}),
	}),
);

// An IP endpoint with forcePathStyle is the S3-compatible case; the others exercise the SDK's rules.
const endpoint = fc.constantFrom(
	{ endpoint: undefined, forcePathStyle: undefined },
	{ endpoint: undefined, forcePathStyle: true },
	{ endpoint: "http://127.0.0.1:9000", forcePathStyle: true },
	{ endpoint: "http://localhost:9000", forcePathStyle: false },
	{ endpoint: "https://minio.example.com/base/", forcePathStyle: undefined },
	{ endpoint: "https://minio.example.com:443/base", forcePathStyle: true },
);

const optionalText = fc.option(
	fc.oneof(
		fc.constantFrom(
			'attachment; filename="report ü.pdf"',
			"inline; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
			"",
		),
		fc.string({ unit: "binary", maxLength: 40 }),
	),
	{ nil: undefined },
);

const request: fc.Arbitrary<PresignRequest> = fc
	.record({
		method: fc.constantFrom("GET", "PUT"),
		bucket,
		key: awkwardKey,
		region: fc.constantFrom(
			"us-east-1",
			"eu-west-1",
			"ap-southeast-2",
			"cn-north-1",
			"us-gov-west-1",
		),
		endpoint,
		credentials,
		expiresInSeconds: fc.integer({ min: 1, max: 604_800 }),
		signingDate: fc.date({
			min: new Date("2000-01-01T00:00:00Z"),
			max: new Date("2099-12-31T23:59:59Z"),
			noInvalidDate: true,
		}),
		responseContentDisposition: optionalText,
		responseContentType: optionalText,
		contentType: optionalText,
	})
	.map(({ endpoint, ...rest }) => ({ ...rest, ...endpoint }));

describe.each(CRYPTOS)("createS3Presigner with %s", (_, createCrypto) => {
	const presigner = createS3Presigner({ crypto: createCrypto() });

	it("signs exactly the URL the AWS SDK signs, for any key, bucket, region and options", async () => {
		await fc.assert(
			fc.asyncProperty(request, async (input) => {
				expect(await presigner.presign(input)).toBe(await sdkPresign(input));
			}),
			{ numRuns: 300 },
		);
	});

	it.each<[string, Partial<PresignRequest>]>([
		["puts a plain bucket in the host", {}],
		[
			"uses the regional host for us-east-1, not s3.amazonaws.com",
			{ region: "us-east-1" },
		],
		[
			"goes path-style for a dotted bucket over https",
			{ bucket: "dotted.bucket.name" },
		],
		[
			"goes path-style for a bucket shorter than 3 characters",
			{ bucket: "ab" },
		],
		[
			"goes path-style and escapes a bucket that is not a DNS label",
			{ bucket: "Up per+_" },
		],
		["goes path-style with forcePathStyle", { forcePathStyle: true }],
		["uses amazonaws.com.cn in China", { region: "cn-north-1" }],
		["uses the ISO partition's own domain", { region: "us-iso-east-1" }],
		["keeps //, . and .. in the key as they are", { key: "a//b/./c/../d" }],
		[
			"escapes RFC 3986 reserved characters in the key",
			{ key: "a b+c?d#e%f*g'h(i)j!k~l" },
		],
		["escapes unicode in the key as UTF-8", { key: "résumé/日本/😀.pdf" }],
		[
			"keeps a leading and a trailing slash of the key",
			{ key: "/lead/trail/" },
		],
		["signs an empty key", { key: "" }],
		[
			"adds the session token as X-Amz-Security-Token",
			{ credentials: TEMPORARY },
		],
		[
			"leaves out an empty session token",
			{ credentials: { ...LONG_TERM, sessionToken: "" } },
		],
		[
			"escapes an access key id with / and +",
			{ credentials: { ...LONG_TERM, accessKeyId: "AK/I+D" } },
		],
		["signs the 7-day maximum lifetime", { expiresInSeconds: 604_800 }],
		[
			"drops milliseconds of the signing date",
			{ signingDate: new Date("2025-03-01T12:00:00.999Z") },
		],
		[
			"adds response-content-disposition and -type, escaped",
			{
				responseContentDisposition: `attachment; filename="r ü (1).pdf"; filename*=UTF-8''r%C3%BC`,
				responseContentType: "text/plain; charset=utf-8",
			},
		],
		[
			"keeps empty response overrides",
			{ responseContentDisposition: "", responseContentType: "" },
		],
		["names PutObject for a PUT", { method: "PUT" }],
		[
			"leaves Content-Type out of a PUT URL, as the SDK does",
			{ method: "PUT", contentType: "image/png" },
		],
		[
			"ignores response overrides on a PUT",
			{ method: "PUT", responseContentDisposition: "inline" },
		],
		[
			"goes path-style on an IP endpoint",
			{ endpoint: "http://127.0.0.1:9000", forcePathStyle: true },
		],
		[
			"goes path-style on an IP endpoint even without forcePathStyle",
			{ endpoint: "http://127.0.0.1:9000" },
		],
		["goes path-style on an IPv6 endpoint", { endpoint: "http://[::1]:9000" }],
		[
			"puts the bucket in a named endpoint's host",
			{ endpoint: "http://localhost:9000" },
		],
		[
			"puts a dotted bucket in a named endpoint's host over http",
			{ endpoint: "http://localhost:9000", bucket: "abc.def" },
		],
		[
			"goes path-style for a dotted bucket on an https endpoint",
			{ endpoint: "https://localhost:9000", bucket: "abc.def" },
		],
		[
			"keeps an endpoint's base path",
			{ endpoint: "http://127.0.0.1:9000/base", forcePathStyle: true },
		],
		[
			"keeps an endpoint's trailing slash in a virtual-hosted path",
			{ endpoint: "http://localhost:9000/base/" },
		],
		[
			"drops an endpoint's default port and lowercases its host",
			{ endpoint: "HTTPS://MinIO.Example.com:443" },
		],
	])("%s", async (_, overrides) => {
		const input = { ...BASE, ...overrides };
		expect(await presigner.presign(input)).toBe(await sdkPresign(input));
	});

	it("signs the same PUT URL whatever contentType says, binding no Content-Type", async () => {
		const put: PresignRequest = { ...BASE, method: "PUT" };
		const url = await presigner.presign({ ...put, contentType: "image/png" });
		expect(url).toBe(await presigner.presign(put));
		expect(new URL(url).searchParams.get("X-Amz-SignedHeaders")).toBe("host");
		expect(url).not.toMatch(/content-type/i);
	});

	it("still signs like the SDK once the signing-key cache has dropped old days", async () => {
		for (let day = 1; day <= 70; day++) {
			const input = {
				...BASE,
				signingDate: new Date(Date.UTC(2025, 0, day)),
			};
			expect(await presigner.presign(input)).toBe(await sdkPresign(input));
		}
	});
});

describe("createS3Presigner refuses", () => {
	const presigner = createS3Presigner({ crypto: createNodeCrypto() });

	it.each([0, -1, 604_801, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
		"a lifetime of %s seconds with a RangeError",
		async (expiresInSeconds) => {
			await expect(
				presigner.presign({ ...BASE, expiresInSeconds }),
			).rejects.toThrow(
				new RangeError(
					`[signet] [presign-s3] expiresInSeconds must be a whole number from 1 to 604800 (7 days, the SigV4 maximum), got ${expiresInSeconds}.`,
				),
			);
		},
	);

	it.each<[string, Partial<PresignRequest>, RegExp]>([
		[
			"a region that would change the host",
			{ region: "eu-west-1.evil.example" },
			/Region/,
		],
		["an uppercase region", { region: "EU-WEST-1" }, /Region/],
		["the aws-global pseudo-region", { region: "aws-global" }, /Region/],
		["a FIPS pseudo-region", { region: "us-east-1-fips" }, /Region/],
		["an empty bucket", { bucket: "" }, /Bucket '' is not a bucket name/],
		["a bucket with a slash", { bucket: "a/b" }, /not a bucket name/],
		[
			"a bucket that is a dot segment, which the SDK drops from the URL",
			{ bucket: ".." },
			/dot segment/,
		],
		[
			"an endpoint that is not a URL",
			{ endpoint: "127.0.0.1:9000" },
			/is not a URL/,
		],
		[
			"an endpoint with a query",
			{ endpoint: "http://localhost:9000/?a=1" },
			/only hold/,
		],
		[
			"a dotted bucket under an IP endpoint without forcePathStyle, where the SDK fails",
			{ endpoint: "http://127.0.0.1:9000", bucket: "abc.def" },
			/Set forcePathStyle/,
		],
	])("%s", async (_, overrides, message) => {
		await expect(presigner.presign({ ...BASE, ...overrides })).rejects.toThrow(
			message,
		);
	});

	it("to be built without a crypto", () => {
		expect(() =>
			createS3Presigner({} as Parameters<typeof createS3Presigner>[0]),
		).toThrow("Missing option `crypto`");
	});
});

describe("locateBucket", () => {
	it("addresses the bucket itself as its objects are addressed, without a trailing slash path-style", () => {
		expect(locateBucket({ bucket: "reports", region: "eu-west-1" })).toEqual({
			origin: "https://reports.s3.eu-west-1.amazonaws.com",
			host: "reports.s3.eu-west-1.amazonaws.com",
			path: "/",
		});
		expect(
			locateBucket({ bucket: "dotted.bucket", region: "eu-west-1" }),
		).toMatchObject({
			host: "s3.eu-west-1.amazonaws.com",
			path: "/dotted.bucket",
		});
		expect(
			locateBucket({
				bucket: "demo",
				region: "us-east-1",
				endpoint: "http://127.0.0.1:9000",
				forcePathStyle: true,
			}),
		).toEqual({
			origin: "http://127.0.0.1:9000",
			host: "127.0.0.1:9000",
			path: "/demo",
		});
	});
});
