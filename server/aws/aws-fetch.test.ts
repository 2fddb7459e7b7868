/** Signed fetches to AWS: error answers parsed, retries of what may be retried, timeouts. */
import { describe, expect, it } from "vitest";
import { createWebCrypto } from "../signing/signing-crypto.ts";
import { type AwsRequest, createAwsFetch } from "./aws-fetch.ts";

const REQUEST: AwsRequest = {
	service: "sts",
	region: "us-east-1",
	method: "POST",
	url: new URL("https://sts.us-east-1.amazonaws.com/"),
	body: "Action=GetCallerIdentity&Version=2011-06-15",
	credentials: {
		accessKeyId: "AKIAIOSFODNN7EXAMPLE",
		secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	},
};

/** A fetch that answers from a list, recording what it was sent. */
function scripted(answers: (() => Promise<Response>)[]) {
	const sent: { url: string; headers: Headers }[] = [];
	const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		sent.push({ url: String(input), headers: new Headers(init?.headers) });
		const next = answers.shift();
		if (!next) throw new Error("no more answers");
		return next();
	};
	return { sent, fetch: fetch as typeof globalThis.fetch };
}

const xmlError = (status: number, code: string, message: string) => () =>
	Promise.resolve(
		new Response(
			`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
			{ status, headers: { "x-amzn-requestid": "r-1" } },
		),
	);

describe("createAwsFetch", () => {
	it("sends the signed headers but not Host, and resolves with a 2xx body", async () => {
		const { sent, fetch } = scripted([
			() => Promise.resolve(new Response("<Ok/>")),
		]);
		const send = createAwsFetch({ crypto: createWebCrypto(), fetch });
		expect(await send(REQUEST)).toEqual({ status: 200, body: "<Ok/>" });
		expect(sent[0]?.headers.get("authorization")).toMatch(
			/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//,
		);
		expect(sent[0]?.headers.has("host")).toBe(false);
	});

	it("turns an error answer into an AwsError with its code, message, status and request id", async () => {
		const { fetch } = scripted([
			xmlError(404, "NoSuchEntity", "The role policy cannot be found."),
		]);
		const send = createAwsFetch({ crypto: createWebCrypto(), fetch });
		await expect(send(REQUEST)).rejects.toMatchObject({
			name: "AwsError",
			code: "NoSuchEntity",
			message: "The role policy cannot be found.",
			status: 404,
			requestId: "r-1",
		});
	});

	it("cuts the canonical request, session token included, out of SignatureDoesNotMatch", async () => {
		const echo =
			"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nhost:sts.us-east-1.amazonaws.com\nx-amz-security-token:IQoJb3JpZ2luSECRETTOKEN\n'";
		const { fetch } = scripted([xmlError(403, "SignatureDoesNotMatch", echo)]);
		const send = createAwsFetch({ crypto: createWebCrypto(), fetch });
		const error = await send(REQUEST).catch((caught: Error) => caught);
		expect(error).toMatchObject({ code: "SignatureDoesNotMatch" });
		expect((error as Error).message).toMatch(
			/^The request signature we calculated/,
		);
		expect((error as Error).message).not.toMatch(/Canonical|SECRETTOKEN|x-amz/);
	});

	it("reads S3's <Error> shape, and names the status when the body is not XML", async () => {
		const { fetch } = scripted([
			() =>
				Promise.resolve(
					new Response(
						"<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>",
						{ status: 404 },
					),
				),
			() => Promise.resolve(new Response("<html>bad gateway", { status: 403 })),
		]);
		const send = createAwsFetch({ crypto: createWebCrypto(), fetch });
		await expect(send(REQUEST)).rejects.toMatchObject({ code: "NoSuchBucket" });
		await expect(send(REQUEST)).rejects.toMatchObject({
			code: "Http403",
			message: "STS at sts.us-east-1.amazonaws.com answered HTTP 403.",
		});
	});

	it("retries a 5xx, throttling or network failure once, but not a refusal", async () => {
		const { sent, fetch } = scripted([
			xmlError(503, "ServiceUnavailable", "busy"),
			() => Promise.resolve(new Response("<Ok/>")),
			xmlError(400, "Throttling", "Rate exceeded"),
			() => Promise.reject(new TypeError("fetch failed")),
			xmlError(403, "AccessDenied", "no"),
		]);
		const send = createAwsFetch({ crypto: createWebCrypto(), fetch });
		expect((await send(REQUEST)).body).toBe("<Ok/>");
		await expect(send(REQUEST)).rejects.toMatchObject({
			code: "NetworkError",
			message: expect.stringContaining("could not be reached: fetch failed"),
		});
		await expect(send(REQUEST)).rejects.toMatchObject({ code: "AccessDenied" });
		expect(sent).toHaveLength(5);
	});

	it("gives up on an attempt after timeoutMs", async () => {
		const hang = (_: unknown, init?: RequestInit) =>
			new Promise<Response>((_, reject) =>
				init?.signal?.addEventListener("abort", () =>
					reject(init.signal?.reason),
				),
			);
		const send = createAwsFetch({
			crypto: createWebCrypto(),
			fetch: hang as typeof fetch,
			timeoutMs: 50,
			maxAttempts: 1,
		});
		await expect(send(REQUEST)).rejects.toMatchObject({
			code: "TimeoutError",
			message:
				"STS at sts.us-east-1.amazonaws.com did not answer within 0.05 s.",
		});
	});

	it("refuses to be built without crypto", () => {
		expect(() => createAwsFetch({} as never)).toThrow(
			"[signet] [aws-fetch] Missing option `crypto`.",
		);
	});
});
