/** One entry point for every presigned-URL scheme: what a URL grants, and when it really dies. */

import { utcText } from "../relative-time.ts";
import { ok, type Result } from "../result.ts";
import { azureSas } from "./azure-sas.ts";
import { cloudfront } from "./cloudfront.ts";
import { explain } from "./decode-messages.ts";
import { effectiveExpiry } from "./effective-expiry.ts";
import { gcsV2, gcsV4 } from "./gcs.ts";
import { type Outcome, problem } from "./problem.ts";
import { sigv2 } from "./sigv2.ts";
import { sigv4 } from "./sigv4.ts";
import type {
	DecodedUrl,
	DecodeErrorCode,
	SchemeDecoder,
	SchemeFields,
	Warning,
} from "./types.ts";
import { isLoopback, splitUrl, type UrlParts } from "./url-parts.ts";

// Most specific first: CloudFront and the V2 schemes all use a bare `Signature` parameter.
const DECODERS: SchemeDecoder[] = [
	sigv4,
	gcsV4,
	sigv2,
	gcsV2,
	cloudfront,
	azureSas,
];

export interface DecodeOptions {
	/** The time to judge `expired` and `not-yet-valid` against; defaults to now. */
	nowMs?: number;
}

/** Decodes a presigned URL. Never throws: anything that is not one comes back as a typed error. */
export function decode(
	input: string,
	options: DecodeOptions = {},
): Result<DecodedUrl, DecodeErrorCode> {
	return explain(decodeQuietly(input, options));
}

/**
 * decode() without the words for a URL that does not decode: for the content script, which badges
 * what decodes and says nothing of the rest, and so leaves decode-messages.ts out of its budget.
 */
export function decodeQuietly(
	input: string,
	options: DecodeOptions = {},
): Outcome<DecodedUrl, DecodeErrorCode> {
	const split = splitUrl(input);
	if (!split.ok) return split;
	const url = split.value;
	if (url.protocol !== "https:" && url.protocol !== "http:") {
		return problem("not-a-url", "not-http", url.protocol);
	}
	const decoder = decoderFor(url);
	if (!decoder) {
		return problem("not-presigned", "no-signature");
	}
	const fields = decoder.decode(url);
	if (!fields.ok) return fields;
	return ok(describe(fields.value, url, options.nowMs ?? Date.now()));
}

function decoderFor(url: UrlParts): SchemeDecoder | undefined {
	for (const decoder of DECODERS)
		if (decoder.matches(url.params)) return decoder;
	return undefined;
}

function describe(
	fields: SchemeFields,
	url: UrlParts,
	nowMs: number,
): DecodedUrl {
	const truth = effectiveExpiry(fields);
	// Spelled out rather than `{ ...rest }`: object rest is a slow path in V8, and this runs per link on a page.
	return {
		scheme: fields.scheme,
		provider: fields.provider,
		host: url.port ? `${url.hostname}:${url.port}` : url.hostname,
		addressingStyle: fields.addressingStyle,
		bucket: fields.bucket,
		key: fields.key,
		region: fields.region,
		service: fields.service,
		signer: fields.signer,
		credentialType: fields.credentialType,
		hasSessionToken: fields.hasSessionToken,
		signedAtMs: fields.signedAtMs,
		validFromMs: fields.validFromMs,
		expiresAtMs: fields.expiresAtMs,
		credentialExpiresAtMs: fields.credentialExpiresAtMs,
		effectiveExpiresAtMs: truth.effectiveExpiresAtMs,
		expiryCertainty: truth.certainty,
		signedHeaders: fields.signedHeaders,
		operation: fields.operation,
		permissions: fields.permissions,
		responseOverrides: fields.responseOverrides,
		checksum: fields.checksum,
		allowedIp: fields.allowedIp,
		warnings: warningsFor(fields, url, nowMs, truth.effectiveExpiresAtMs),
	};
}

const TEMPORARY =
	"Signed with temporary credentials: the URL stops working when they expire, which can be before its stated expiry.";
const TEMPORARY_ON_AWS = `${TEMPORARY} S3 then answers "The provided token has expired".`;

/** The scheme's own notes, then what the decoder sees: lifetime, credentials, transport, time. */
function warningsFor(
	fields: SchemeFields,
	url: UrlParts,
	nowMs: number,
	effectiveExpiresAtMs: number | null,
): Warning[] {
	// The scheme's notes, made afresh for this URL, become the start of its warnings.
	const warnings = fields.notes;
	const { maxLifetimeSeconds: max, requestedLifetimeSeconds: requested } =
		fields;
	if (max !== null && requested !== null && requested > max) {
		warnings.push({
			code: "exceeds-max-expiry",
			message: `The URL asks for ${requested} s, above the ${max} s (7 days) this signature allows: the server refuses it outright.`,
		});
	}
	if (
		fields.credentialType === "temporary" &&
		fields.credentialExpiresAtMs === null
	) {
		warnings.push({
			code: "temporary-credentials",
			message:
				fields.scheme === "aws-sigv4" || fields.scheme === "aws-sigv2"
					? TEMPORARY_ON_AWS
					: TEMPORARY,
		});
	}
	if (url.protocol === "http:" && !isLoopback(url.hostname)) {
		warnings.push({
			code: "insecure-http",
			message:
				"Plain HTTP: the signature crosses the network in clear text, and anyone who sees it can use the URL until it expires.",
		});
	}
	if (fields.validFromMs !== null && fields.validFromMs > nowMs) {
		warnings.push({
			code: "not-yet-valid",
			message: `Not valid before ${utcText(fields.validFromMs)}: requests until then are refused.`,
		});
	}
	if (effectiveExpiresAtMs !== null && effectiveExpiresAtMs <= nowMs) {
		warnings.push({
			code: "expired",
			message: `Expired at ${utcText(effectiveExpiresAtMs)}: every request is now refused.`,
		});
	}
	return warnings;
}
