/**
 * SigV4 header signing of one HTTP request (the Authorization header), byte-identical to the AWS
 * SDK's SignatureV4.signRequest, on any runtime: the hashing comes from a SigningCrypto.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import type { AwsCredentials } from "../ports.ts";
import { escapeUri } from "../signing/escape-uri.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";
import {
	createSigningKeyCache,
	type SigningKeyFor,
	toLongDate,
} from "../signing/signing-key.ts";

export interface SignableRequest {
	method: string;
	url: URL;
	/** Lowercase names. `host` is added from the URL. */
	headers: Record<string, string>;
	body?: string;
}

export interface SigningScope {
	service: string;
	region: string;
	credentials: AwsCredentials;
	signingDate: Date;
}

/** Returns every header to send, `authorization` included. */
export type RequestSigner = (
	request: SignableRequest,
	scope: SigningScope,
) => Promise<Record<string, string>>;

const EMPTY_SHA256 =
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** Headers the SDK never signs: proxies and hops may change them. */
const UNSIGNABLE = new Set([
	"authorization",
	"cache-control",
	"connection",
	"expect",
	"from",
	"keep-alive",
	"max-forwards",
	"pragma",
	"referer",
	"te",
	"trailer",
	"transfer-encoding",
	"upgrade",
	"user-agent",
	"x-amzn-trace-id",
]);

export function createRequestSigner(crypto: SigningCrypto): RequestSigner {
	const signingKeyFor: SigningKeyFor = createSigningKeyCache(crypto);
	return async (request, { service, region, credentials, signingDate }) => {
		const longDate = toLongDate(signingDate);
		const shortDate = longDate.slice(0, 8);
		const headers: Record<string, string> = {
			...request.headers,
			host: request.url.host,
			"x-amz-date": longDate,
		};
		// Like the SDK: these are generated here, never taken from the caller.
		delete headers.authorization;
		delete headers.date;
		if (credentials.sessionToken)
			headers["x-amz-security-token"] = credentials.sessionToken;
		// S3 wants the payload's hash in a header too; other services take it from the body.
		const payloadHash =
			headers["x-amz-content-sha256"] ??
			(request.body ? await crypto.sha256Hex(request.body) : EMPTY_SHA256);
		if (service === "s3") headers["x-amz-content-sha256"] = payloadHash;

		const signed = Object.keys(headers)
			.filter(
				(name) =>
					!UNSIGNABLE.has(name) &&
					!name.startsWith("proxy-") &&
					!name.startsWith("sec-"),
			)
			.sort();
		const canonicalHeaders = signed
			.map((name) => `${name}:${canonicalValue(headers[name] ?? "")}\n`)
			.join("");
		const signedHeaders = signed.join(";");
		const canonicalRequest = `${request.method}\n${canonicalPath(request.url.pathname, service)}\n${canonicalQuery(request.url.searchParams)}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
		const scopeText = `${shortDate}/${region}/${service}/aws4_request`;
		const key = signingKeyFor(
			credentials.secretAccessKey,
			shortDate,
			region,
			service,
		);
		const hmacHex = key.ready ?? (await key.promise);
		const signature = await hmacHex(
			`AWS4-HMAC-SHA256\n${longDate}\n${scopeText}\n${await crypto.sha256Hex(canonicalRequest)}`,
		);
		headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scopeText}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
		return headers;
	};
}

/** Line breaks and runs of spaces or tabs become one space; one space at each end is dropped. */
function canonicalValue(value: string): string {
	return value
		.replace(/[\r\n]/g, " ")
		.replace(/[ \t]+/g, " ")
		.replace(/^ | $/g, "");
}

/**
 * S3 signs the path as sent. Every other service signs it normalised (no empty, `.` or `..`
 * segments) and escaped a second time (uriEscapePath), as the SDK does.
 */
function canonicalPath(path: string, service: string): string {
	if (service === "s3") return path;
	const segments: string[] = [];
	for (const segment of path.split("/")) {
		if (segment === "" || segment === ".") continue;
		if (segment === "..") segments.pop();
		else segments.push(segment);
	}
	const normalised = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
	return escapeUri(normalised, true);
}

/** Parameters sorted by escaped name (then value, for repeated names), each escaped RFC 3986. */
function canonicalQuery(params: URLSearchParams): string {
	const byName = new Map<string, string[]>();
	for (const [name, value] of params) {
		const escapedName = escapeUri(name);
		const values = byName.get(escapedName) ?? [];
		values.push(`${escapedName}=${escapeUri(value)}`);
		byName.set(escapedName, values);
	}
	return [...byName.keys()]
		.sort()
		.flatMap((name) => (byName.get(name) ?? []).sort())
		.join("&");
}
