/**
 * AWS Signature Version 4 query signing, as S3 and S3-compatibles (R2, MinIO, GCS interop) use it.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { fail, ok, type Result } from "../result.ts";
import { locateObject } from "../storage-host.ts";
import { MAX_SIGV4_EXPIRES_SECONDS } from "./effective-expiry.ts";
import { emptyFields, parseBasicDateTime, parseSeconds } from "./fields.ts";
import type { CredentialType, SchemeDecoder, SchemeFields } from "./types.ts";
import type { QueryParams, UrlParts } from "./url-parts.ts";

export const sigv4: SchemeDecoder = {
	matches: (params) =>
		params.has("x-amz-signature") || params.has("x-amz-credential"),
	decode: decodeSigV4,
};

function decodeSigV4(url: UrlParts): Result<SchemeFields, "malformed"> {
	const { params } = url;
	const scope = parseCredentialScope(
		params.get("x-amz-credential") ?? "",
		params,
	);
	if (!scope) {
		return fail(
			"malformed",
			"X-Amz-Credential is missing or not of the form KEYID/YYYYMMDD/REGION/SERVICE/aws4_request.",
		);
	}
	const rawDate = params.get("x-amz-date") ?? "";
	const signedAtMs = parseBasicDateTime(rawDate);
	if (signedAtMs === null) {
		return fail(
			"malformed",
			`X-Amz-Date '${rawDate}' is not a time of the form YYYYMMDDTHHMMSSZ.`,
		);
	}
	const rawExpires = params.get("x-amz-expires");
	const expiresSeconds = parseSeconds(rawExpires);
	if (rawExpires !== undefined && expiresSeconds === null) {
		return fail(
			"malformed",
			`X-Amz-Expires '${rawExpires}' is not a whole number of seconds.`,
		);
	}
	const isS3 = scope.service === "s3";
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	const hasSessionToken = params.has("x-amz-security-token");
	return ok(
		emptyFields(
			{
				scheme: "aws-sigv4",
				bucket: isS3 ? location.value.bucket : null,
				key: isS3 ? location.value.key : null,
				region: scope.region ?? location.value.region,
				service: scope.service,
				signer: scope.accessKeyId,
				credentialType: credentialTypeOf(scope.accessKeyId, hasSessionToken),
				signedAtMs,
				expiresAtMs:
					expiresSeconds === null ? null : signedAtMs + expiresSeconds * 1000,
				maxLifetimeSeconds: MAX_SIGV4_EXPIRES_SECONDS,
				requestedLifetimeSeconds: expiresSeconds,
				signedHeaders: (params.get("x-amz-signedheaders") ?? "")
					.split(";")
					.filter(Boolean),
				operation: params.get("x-id") ?? null,
				responseOverrides: responseOverrides(params),
				checksum: checksumOf(params),
				hasSessionToken,
			},
			location.value,
		),
	);
}

interface CredentialScope {
	accessKeyId: string;
	region: string | null;
	service: string;
}

/** `AKID/20250101/us-east-1/s3/aws4_request`; SigV4a drops the region and names a region set. */
function parseCredentialScope(
	value: string,
	params: QueryParams,
): CredentialScope | null {
	const parts = value.split("/");
	const [accessKeyId, date = ""] = parts;
	if (
		!accessKeyId ||
		parts.at(-1) !== "aws4_request" ||
		date.length !== 8 ||
		parseSeconds(date) === null
	) {
		return null;
	}
	if (parts.length === 5)
		return { accessKeyId, region: parts[2] ?? null, service: parts[3] ?? "" };
	if (parts.length === 4) {
		return {
			accessKeyId,
			region: params.get("x-amz-region-set") ?? null,
			service: parts[2] ?? "",
		};
	}
	return null;
}

/** AKIA: an IAM user's long-term key; ASIA or a session token: STS credentials that expire. */
export function credentialTypeOf(
	accessKeyId: string,
	hasSessionToken: boolean,
): CredentialType {
	if (hasSessionToken || accessKeyId.startsWith("ASIA")) return "temporary";
	if (accessKeyId.startsWith("AKIA")) return "long-term";
	return "unknown";
}

/** Query parameters that make S3 set response headers (`response-content-disposition`, …). */
export function responseOverrides(params: QueryParams): Record<string, string> {
	const overrides: Record<string, string> = {};
	for (const [name, value] of params.withPrefix("response-"))
		overrides[name] = value;
	return overrides;
}

const CHECKSUM_PREFIX = "x-amz-checksum-";

function checksumOf(params: QueryParams): SchemeFields["checksum"] {
	for (const [name, value] of params.withPrefix(CHECKSUM_PREFIX)) {
		if (name !== "x-amz-checksum-mode") {
			return {
				algorithm: name.slice(CHECKSUM_PREFIX.length).toUpperCase(),
				value,
			};
		}
	}
	const algorithm = params.get("x-amz-sdk-checksum-algorithm");
	return algorithm ? { algorithm: algorithm.toUpperCase(), value: null } : null;
}
