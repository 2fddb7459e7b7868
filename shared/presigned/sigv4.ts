/**
 * AWS Signature Version 4 query signing, as S3 and S3-compatibles (R2, MinIO, GCS interop) use it.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { ok } from "../result.ts";
import { locateObject } from "../storage-host.ts";
import { MAX_SIGV4_EXPIRES_SECONDS } from "./effective-expiry.ts";
import type { Outcome } from "./problem.ts";
import {
	readV4Query,
	responseOverrides,
	type V4Spelling,
} from "./query-auth.ts";
import type { QueryParams } from "./query-params.ts";
import { parseSigV4Scope } from "./sigv4-scope.ts";
import type { CredentialType, SchemeDecoder, SchemeFields } from "./types.ts";
import type { UrlParts } from "./url-parts.ts";

export const sigv4: SchemeDecoder = {
	// Credential first: decodeSigV4 reads it next, and QueryParams remembers the last name found.
	matches: (params) =>
		params.has("X-Amz-Credential") || params.has("X-Amz-Signature"),
	decode: decodeSigV4,
};

const AMZ: V4Spelling = {
	credentialParam: "X-Amz-Credential",
	dateParam: "X-Amz-Date",
	expiresParam: "X-Amz-Expires",
	signedHeadersParam: "X-Amz-SignedHeaders",
	parseScope: parseSigV4Scope,
};

function decodeSigV4(url: UrlParts): Outcome<SchemeFields, "malformed"> {
	const { params } = url;
	const v4 = readV4Query(params, AMZ);
	if (!v4.ok) return v4;
	const { scope, signedAtMs, expiresSeconds } = v4.value;
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	const isS3 = scope.service === "s3";
	const hasSessionToken = params.has("X-Amz-Security-Token");
	// Every field written out in emptyFields' order: one object of one shape, no Object.assign.
	return ok({
		scheme: "aws-sigv4",
		provider: location.value.provider,
		addressingStyle: location.value.addressingStyle,
		bucket: isS3 ? location.value.bucket : null,
		key: isS3 ? location.value.key : null,
		region: scope.region ?? location.value.region,
		service: scope.service,
		signer: scope.signer,
		credentialType: credentialTypeOf(scope.signer, hasSessionToken),
		credentialExpiresAtMs: null,
		signedAtMs,
		validFromMs: null,
		expiresAtMs: v4.value.expiresAtMs,
		maxLifetimeSeconds: MAX_SIGV4_EXPIRES_SECONDS,
		requestedLifetimeSeconds: expiresSeconds,
		signedHeaders: v4.value.signedHeaders,
		operation: params.get("x-id") ?? null,
		permissions: null,
		responseOverrides: responseOverrides(params),
		checksum: checksumOf(params),
		allowedIp: null,
		hasSessionToken,
		notes: [],
	});
}

/** AKIA: an IAM user's long-term key; ASIA or a session token: STS credentials that expire. */
export function credentialTypeOf(
	accessKeyId: string,
	hasSessionToken: boolean,
): CredentialType {
	if (hasSessionToken) return "temporary";
	// The two prefixes differ only in their second letter: each character is read once, by hand,
	// since startsWith is a slow call on Node 20.
	if (
		accessKeyId.charCodeAt(0) !== 65 /* A */ ||
		accessKeyId.charCodeAt(2) !== 73 /* I */ ||
		accessKeyId.charCodeAt(3) !== 65 /* A */
	)
		return "unknown";
	const second = accessKeyId.charCodeAt(1);
	if (second === 83 /* S */) return "temporary";
	return second === 75 /* K */ ? "long-term" : "unknown";
}

const CHECKSUM_PREFIX = "x-amz-checksum-";

function checksumOf(params: QueryParams): SchemeFields["checksum"] {
	const found = params.withPrefix(CHECKSUM_PREFIX);
	for (let i = 0; i < found.length; i++) {
		const [name, value] = found[i] ?? ["", ""];
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
