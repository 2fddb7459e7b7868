/**
 * Google Cloud Storage signed URLs: V4 (`X-Goog-*`) and the legacy V2 (`GoogleAccessId`, `Expires`).
 * https://cloud.google.com/storage/docs/authentication/signatures
 */
import { fail, ok, type Result } from "../result.ts";
import { locateObject } from "../storage-host.ts";
import { MAX_SIGV4_EXPIRES_SECONDS } from "./effective-expiry.ts";
import { emptyFields, parseBasicDateTime, parseSeconds } from "./fields.ts";
import { responseOverrides } from "./sigv4.ts";
import type { SchemeDecoder, SchemeFields } from "./types.ts";
import type { UrlParts } from "./url-parts.ts";

export const gcsV4: SchemeDecoder = {
	matches: (params) =>
		params.has("x-goog-signature") || params.has("x-goog-credential"),
	decode: decodeGcsV4,
};

export const gcsV2: SchemeDecoder = {
	matches: (params) => params.has("googleaccessid") && params.has("signature"),
	decode: decodeGcsV2,
};

// https://cloud.google.com/storage/docs/access-control/signed-urls-v2
const LEGACY_NOTE =
	"Signed with the legacy Cloud Storage V2 process: Google recommends the V4 signing process instead.";

function decodeGcsV4(url: UrlParts): Result<SchemeFields, "malformed"> {
	const { params } = url;
	const scope = parseCredentialScope(params.get("x-goog-credential") ?? "");
	if (!scope) {
		return fail(
			"malformed",
			"X-Goog-Credential is missing or not of the form SIGNER/YYYYMMDD/REGION/storage/goog4_request.",
		);
	}
	const rawDate = params.get("x-goog-date") ?? "";
	const signedAtMs = parseBasicDateTime(rawDate);
	if (signedAtMs === null) {
		return fail(
			"malformed",
			`X-Goog-Date '${rawDate}' is not a time of the form YYYYMMDDTHHMMSSZ.`,
		);
	}
	const rawExpires = params.get("x-goog-expires");
	const expiresSeconds = parseSeconds(rawExpires);
	if (rawExpires !== undefined && expiresSeconds === null) {
		return fail(
			"malformed",
			`X-Goog-Expires '${rawExpires}' is not a whole number of seconds.`,
		);
	}
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	return ok(
		emptyFields(
			{
				scheme: "gcs-v4",
				region: scope.region,
				service: scope.service,
				signer: scope.signer,
				// Service-account keys and HMAC keys both live until someone deletes them.
				credentialType: "long-term",
				signedAtMs,
				expiresAtMs:
					expiresSeconds === null ? null : signedAtMs + expiresSeconds * 1000,
				maxLifetimeSeconds: MAX_SIGV4_EXPIRES_SECONDS,
				requestedLifetimeSeconds: expiresSeconds,
				signedHeaders: (params.get("x-goog-signedheaders") ?? "")
					.split(";")
					.filter(Boolean),
				responseOverrides: responseOverrides(params),
			},
			location.value,
		),
	);
}

interface CredentialScope {
	signer: string;
	region: string;
	service: string;
}

/** `sa@project.iam.gserviceaccount.com/20250101/auto/storage/goog4_request`, read from the right. */
function parseCredentialScope(value: string): CredentialScope | null {
	const parts = value.split("/");
	if (parts.length < 5) return null;
	const [date, region, service, request] = parts.slice(-4);
	const signer = parts.slice(0, -4).join("/");
	if (request !== "goog4_request" || !/^\d{8}$/.test(date ?? "")) return null;
	if (!signer || !region || !service) return null;
	return { signer, region, service };
}

function decodeGcsV2(url: UrlParts): Result<SchemeFields, "malformed"> {
	const { params } = url;
	const accessId = params.get("googleaccessid") ?? "";
	if (accessId === "") {
		return fail(
			"malformed",
			"GoogleAccessId is empty: no account signed this URL.",
		);
	}
	const rawExpires = params.get("expires");
	const expiresSeconds = parseSeconds(rawExpires);
	if (expiresSeconds === null) {
		return fail(
			"malformed",
			rawExpires === undefined
				? "Expires is missing: V2 signed URLs state their expiry as epoch seconds."
				: `Expires '${rawExpires}' is not a time in epoch seconds.`,
		);
	}
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	return ok(
		emptyFields(
			{
				scheme: "gcs-v2",
				signer: accessId,
				credentialType: "long-term",
				expiresAtMs: expiresSeconds * 1000,
				responseOverrides: responseOverrides(params),
				notes: [{ code: "legacy-signature", message: LEGACY_NOTE }],
			},
			location.value,
		),
	);
}
