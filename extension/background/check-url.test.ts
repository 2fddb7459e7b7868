/** checkPresignedUrl against a real SigV4-checking S3 server: each verdict from what the server really answers. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presign, TEMPORARY } from "../../test/support/aws-presign.ts";
import {
	LOCAL_LONG_TERM,
	LOCAL_TEMPORARY,
	type S3Server,
	startS3Server,
} from "../../test/support/s3-server.ts";
import type { CheckResult } from "../lib/messages.ts";
import { checkPresignedUrl } from "./check-url.ts";

let s3: S3Server;

beforeAll(async () => {
	s3 = await startS3Server({
		buckets: [{ name: "reports", objects: { "q1.txt": "first quarter" } }],
	});
});

afterAll(() => s3?.close());

function presignLocal(
	key: string,
	options: {
		ageSeconds?: number;
		expiresIn?: number;
		credentials?: typeof LOCAL_LONG_TERM;
	} = {},
) {
	return presign({
		bucket: "reports",
		key,
		endpoint: s3.endpoint,
		forcePathStyle: true,
		credentials: options.credentials ?? LOCAL_LONG_TERM,
		signingDate: new Date(Date.now() - (options.ageSeconds ?? 0) * 1000),
		expiresIn: options.expiresIn ?? 300,
	});
}

/** Replaces one query parameter's value, leaving the rest of the URL byte for byte. */
function withParam(url: string, name: string, value: string): string {
	return url.replace(new RegExp(`([?&]${name}=)[^&]*`), `$1${value}`);
}

/** The URL's secrets must never reach the message a staff member reads (and pastes into tickets). */
function expectNoSecrets(result: CheckResult, url: string) {
	const signature = new URL(url).searchParams.get("X-Amz-Signature");
	if (signature) expect(result.message).not.toContain(signature);
	expect(result.message).not.toContain(TEMPORARY.sessionToken);
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

describe("checkPresignedUrl", () => {
	it("says a fresh URL works, after fetching a single byte", async () => {
		const url = await presignLocal("q1.txt");
		const seen: { init?: RequestInit; response?: Response } = {};
		const recording: typeof fetch = async (input, init) => {
			seen.init = init;
			seen.response = await fetch(input, init);
			return seen.response;
		};
		const result = await checkPresignedUrl(url, recording);
		expect(result).toMatchObject({ verdict: "works", code: null });
		expect([200, 206]).toContain(result.status);
		expect(new Headers(seen.init?.headers).get("range")).toBe("bytes=0-0");
		expect(seen.init).toMatchObject({
			cache: "no-store",
			credentials: "omit",
			redirect: "follow",
		});
		expect(seen.response?.status).toBe(206);
		expect(seen.response?.headers.get("content-range")).toBe("bytes 0-0/13");
	});

	it("says a URL whose own lifetime is over has expired", async () => {
		const url = await presignLocal("q1.txt", { ageSeconds: 20, expiresIn: 1 });
		const result = await checkPresignedUrl(url);
		expect(result).toMatchObject({
			verdict: "expired",
			status: 403,
			code: "AccessDenied",
		});
		expect(result.message).toMatch(
			/expired at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
		);
		expectNoSecrets(result, url);
	});

	it("says a URL with one character of its signature changed does not match", async () => {
		const url = await presignLocal("q1.txt");
		const signature = new URL(url).searchParams.get("X-Amz-Signature") ?? "";
		const tampered = withParam(
			url,
			"X-Amz-Signature",
			`${signature.startsWith("0") ? "1" : "0"}${signature.slice(1)}`,
		);
		const result = await checkPresignedUrl(tampered);
		expect(result).toMatchObject({
			verdict: "signature-mismatch",
			status: 403,
			code: "SignatureDoesNotMatch",
		});
		expect(result.message).toMatch(/altered/);
		expectNoSecrets(result, tampered);
	});

	it("says a validly signed URL to a missing object is not found", async () => {
		const result = await checkPresignedUrl(await presignLocal("q9.txt"));
		expect(result).toMatchObject({
			verdict: "not-found",
			status: 404,
			code: "NoSuchKey",
		});
		expect(result.message).toContain("'q9.txt' in 'reports'");
	});

	it("says access is denied when the server does not accept the request as signed", async () => {
		// Query parameter names are case-sensitive to the server: lower-cased ones make an anonymous
		// request, which a private bucket refuses with AccessDenied. The decoder still reads them.
		const url = (await presignLocal("q1.txt")).replace(
			/([?&])X-Amz-/g,
			"$1x-amz-",
		);
		const result = await checkPresignedUrl(url);
		expect(result).toMatchObject({
			verdict: "access-denied",
			status: 403,
			code: "AccessDenied",
		});
		expect(result.message).toMatch(/revoked/);
	});

	it("explains a URL signed with a key the server does not know", async () => {
		const unknownKey = {
			accessKeyId: "AKIASIGNETUNKNOWN001",
			secretAccessKey: LOCAL_TEMPORARY.secretAccessKey,
		};
		const result = await checkPresignedUrl(
			await presignLocal("q1.txt", { credentials: unknownKey }),
		);
		expect(result).toMatchObject({
			verdict: "other",
			status: 403,
			code: "InvalidAccessKeyId",
		});
		expect(result.message).toContain("AKIASIGNETUNKNOWN001");
		expect(result.message).toMatch(/deactivated/);
	});

	it("explains a lifetime above the 7-day maximum with the server's words", async () => {
		const url = withParam(
			await presignLocal("q1.txt"),
			"X-Amz-Expires",
			"700000",
		);
		const result = await checkPresignedUrl(url);
		expect(result).toMatchObject({
			verdict: "other",
			status: 400,
			code: "AuthorizationQueryParametersError",
		});
		expect(result.message).toMatch(/7-day maximum.*604800/);
	});

	it("says a host nobody listens on is unreachable, and that CORS is not the cause", async () => {
		const url = await presign({
			bucket: "reports",
			key: "q1.txt",
			endpoint: `http://127.0.0.1:${await closedPort()}`,
			forcePathStyle: true,
			credentials: LOCAL_LONG_TERM,
			signingDate: new Date(),
		});
		const result = await checkPresignedUrl(url);
		expect(result).toMatchObject({
			verdict: "unreachable",
			status: null,
			code: null,
		});
		expect(result.message).toMatch(/not a CORS problem/);
	});

	it("says a host that does not answer in time is unreachable", async () => {
		const timingOut: typeof fetch = async () => {
			throw new DOMException(
				"The operation was aborted due to timeout",
				"TimeoutError",
			);
		};
		const result = await checkPresignedUrl(
			await presignLocal("q1.txt"),
			timingOut,
		);
		expect(result).toMatchObject({ verdict: "unreachable", status: null });
		expect(result.message).toMatch(/did not answer within 10 s/);
	});

	it("passes on the decoder's explanation for a URL that is not presigned, without fetching it", async () => {
		const refusing: typeof fetch = async () => {
			throw new Error("must not fetch");
		};
		const result = await checkPresignedUrl(
			"https://reports.s3.amazonaws.com/q1.txt",
			refusing,
		);
		expect(result).toMatchObject({
			verdict: "other",
			status: null,
			code: null,
		});
		expect(result.message).toMatch(/not a presigned URL/);
	});
});

describe("checkPresignedUrl when the session that signed the URL has expired", () => {
	// The test S3 server ignores session tokens, so this one answers what real S3 does: 400 ExpiredToken
	// (https://issues.apache.org/jira/browse/HADOOP-18353). Some S3-compatible servers say 403.
	let status = 400;
	let server: Server;
	let endpoint: string;

	beforeAll(async () => {
		server = createServer((_, response) => {
			response.writeHead(status, { "content-type": "application/xml" });
			response.end(
				'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Token-0>' +
					`${TEMPORARY.sessionToken}</Token-0><RequestId>R1</RequestId></Error>`,
			);
		});
		await new Promise<void>((resolve) =>
			server.listen(0, "127.0.0.1", resolve),
		);
		endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(() => new Promise((resolve) => server?.close(resolve)));

	it.each([400, 403])(
		"says the signing credentials expired when the server answers %i ExpiredToken",
		async (answer) => {
			status = answer;
			const url = await presign({
				bucket: "reports",
				key: "q1.txt",
				endpoint,
				forcePathStyle: true,
				credentials: TEMPORARY,
				signingDate: new Date(),
			});
			const result = await checkPresignedUrl(url);
			expect(result).toMatchObject({
				verdict: "credentials-expired",
				status: answer,
				code: "ExpiredToken",
			});
			expect(result.message).toMatch(
				/temporary credentials that signed this URL have expired/,
			);
			expectNoSecrets(result, url);
		},
	);
});
