/**
 * Signed requests to AWS over fetch, the same on Node and Workers: SigV4 headers, a timeout per
 * attempt, one retry of what AWS asks to retry, and error answers parsed into an AwsError.
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
import type { AwsCredentials } from "../ports.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";
import { AwsError } from "./aws-error.ts";
import { createRequestSigner } from "./sign-request.ts";
import { child, childText, parseXml } from "./xml.ts";

export interface AwsFetchOptions {
	/** createNodeCrypto() on Node, createWebCrypto() on Workers. */
	crypto: SigningCrypto;
	/** How long one attempt may take, answer included. Default 10 s. */
	timeoutMs?: number;
	/** Attempts for network failures, timeouts, throttling and 5xx. Default 2. */
	maxAttempts?: number;
	fetch?: typeof fetch;
}

export interface AwsRequest {
	service: string;
	region: string;
	method: "GET" | "POST";
	url: URL;
	headers?: Record<string, string>;
	body?: string;
	credentials: AwsCredentials;
}

export interface AwsResponse {
	status: number;
	body: string;
}

/** Resolves with a 2xx answer; rejects with an AwsError otherwise. */
export type AwsFetch = (request: AwsRequest) => Promise<AwsResponse>;

const PREFIX = "[signet] [aws-fetch]";
const THROTTLING = new Set([
	"Throttling",
	"ThrottlingException",
	"RequestLimitExceeded",
	"RequestThrottled",
	"SlowDown",
	"TooManyRequestsException",
]);

export function createAwsFetch(options: AwsFetchOptions): AwsFetch {
	if (!options?.crypto) {
		throw new Error(
			`${PREFIX} Missing option \`crypto\`. Pass createNodeCrypto() or createWebCrypto().`,
		);
	}
	const sign = createRequestSigner(options.crypto);
	const timeoutMs = options.timeoutMs ?? 10_000;
	const maxAttempts = options.maxAttempts ?? 2;
	const send = options.fetch ?? ((input, init) => fetch(input, init));

	async function attempt(request: AwsRequest): Promise<AwsResponse> {
		const headers = await sign(
			{
				method: request.method,
				url: request.url,
				headers: request.headers ?? {},
				body: request.body,
			},
			{
				service: request.service,
				region: request.region,
				credentials: request.credentials,
				signingDate: new Date(),
			},
		);
		// fetch sets Host itself, from the URL we signed it for.
		delete headers.host;
		const where = `${request.service.toUpperCase()} at ${request.url.host}`;
		let response: Response;
		let body: string;
		try {
			const signal = AbortSignal.timeout(timeoutMs);
			response = await send(request.url, {
				method: request.method,
				headers,
				body: request.body,
				signal,
				redirect: "manual",
			});
			body = await response.text();
		} catch (error) {
			if ((error as Error)?.name === "TimeoutError") {
				throw new AwsError(
					"TimeoutError",
					`${where} did not answer within ${timeoutMs / 1000} s.`,
				);
			}
			const reason = (error as { cause?: { message?: unknown } })?.cause
				?.message;
			throw new AwsError(
				"NetworkError",
				`${where} could not be reached: ${(error as Error)?.message ?? String(error)}${typeof reason === "string" ? ` (${reason})` : ""}.`,
			);
		}
		if (response.status >= 200 && response.status < 300) {
			return { status: response.status, body };
		}
		throw errorOf(response, body, where);
	}

	return async (request) => {
		for (let tries = 1; ; tries++) {
			try {
				return await attempt(request);
			} catch (error) {
				if (tries >= maxAttempts || !isRetryable(error as AwsError))
					throw error;
				// Full jitter on 100 ms, 200 ms, …
				await new Promise((done) =>
					setTimeout(done, Math.random() * 100 * 2 ** (tries - 1)),
				);
			}
		}
	};
}

function isRetryable(error: AwsError): boolean {
	return (
		error.code === "NetworkError" ||
		error.code === "TimeoutError" ||
		THROTTLING.has(error.code) ||
		error.status === 429 ||
		(error.status !== undefined && error.status >= 500)
	);
}

const CANONICAL_ECHO = "The Canonical String for this request";

/**
 * `<ErrorResponse><Error><Code>…` (Query protocol: STS, IAM) or `<Error><Code>…` (S3). Only the code
 * and message are kept: the rest of an answer may echo the request.
 */
function errorOf(response: Response, body: string, where: string): AwsError {
	const requestId =
		response.headers.get("x-amzn-requestid") ??
		response.headers.get("x-amz-request-id") ??
		undefined;
	let code: string | undefined;
	let message: string | undefined;
	try {
		const root = parseXml(body);
		const error = root.name === "Error" ? root : child(root, "Error");
		code = childText(error, "Code");
		// SignatureDoesNotMatch goes on with the canonical request, session token and all: cut it.
		message =
			childText(error, "Message")?.split(CANONICAL_ECHO)[0]?.trimEnd() ||
			undefined;
	} catch {
		// Not XML (a proxy's page, an empty HEAD answer): the status says enough.
	}
	return new AwsError(
		code ?? `Http${response.status}`,
		message ?? `${where} answered HTTP ${response.status}.`,
		{ status: response.status, requestId },
	);
}
