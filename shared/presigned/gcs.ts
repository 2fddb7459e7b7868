/**
 * Google Cloud Storage signed URLs: V4 (`X-Goog-*`) and the legacy V2 (`GoogleAccessId`, `Expires`).
 * https://cloud.google.com/storage/docs/authentication/signatures
 */
import { ok } from "../result.ts";
import { locateObject } from "../storage-host.ts";
import { MAX_SIGV4_EXPIRES_SECONDS } from "./effective-expiry.ts";
import { emptyFields, isDigits } from "./fields.ts";
import { decodeQueryComponent } from "./percent-decode.ts";
import type { Outcome } from "./problem.ts";
import {
	type CredentialScope,
	readV2Query,
	readV4Query,
	responseOverrides,
	type V4Spelling,
} from "./query-auth.ts";
import type { SchemeDecoder, SchemeFields } from "./types.ts";
import type { UrlParts } from "./url-parts.ts";

export const gcsV4: SchemeDecoder = {
	matches: (params) =>
		params.has("X-Goog-Signature") || params.has("X-Goog-Credential"),
	decode: decodeGcsV4,
};

export const gcsV2: SchemeDecoder = {
	matches: (params) => params.has("GoogleAccessId") && params.has("Signature"),
	decode: decodeGcsV2,
};

const GOOG: V4Spelling = {
	credentialParam: "X-Goog-Credential",
	dateParam: "X-Goog-Date",
	expiresParam: "X-Goog-Expires",
	signedHeadersParam: "X-Goog-SignedHeaders",
	parseScope: parseCredentialScope,
};

// https://cloud.google.com/storage/docs/access-control/signed-urls-v2
const LEGACY_NOTE =
	"Signed with the legacy Cloud Storage V2 process: Google recommends the V4 signing process instead.";

function decodeGcsV4(url: UrlParts): Outcome<SchemeFields, "malformed"> {
	const v4 = readV4Query(url.params, GOOG);
	if (!v4.ok) return v4;
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	const { scope } = v4.value;
	return ok(
		emptyFields(
			{
				scheme: "gcs-v4",
				region: scope.region,
				service: scope.service,
				signer: scope.signer,
				// Service-account keys and HMAC keys both live until someone deletes them.
				credentialType: "long-term",
				signedAtMs: v4.value.signedAtMs,
				expiresAtMs: v4.value.expiresAtMs,
				maxLifetimeSeconds: MAX_SIGV4_EXPIRES_SECONDS,
				requestedLifetimeSeconds: v4.value.expiresSeconds,
				signedHeaders: v4.value.signedHeaders,
				responseOverrides: responseOverrides(url.params),
			},
			location.value,
		),
	);
}

/** `sa@project.iam.gserviceaccount.com/20250101/auto/storage/goog4_request`, read from the right. */
function parseCredentialScope(raw: string): CredentialScope | null {
	const parts = decodeQueryComponent(raw).split("/");
	if (parts.length < 5) return null;
	const [date = "", region, service, request] = parts.slice(-4);
	const signer = parts.slice(0, -4).join("/");
	if (request !== "goog4_request" || date.length !== 8) return null;
	if (!isDigits(date, 0, 8) || !signer || !region || !service) return null;
	return { signer, region, service };
}

function decodeGcsV2(url: UrlParts): Outcome<SchemeFields, "malformed"> {
	const v2 = readV2Query(url.params, "GoogleAccessId");
	if (!v2.ok) return v2;
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	return ok(
		emptyFields(
			{
				scheme: "gcs-v2",
				signer: v2.value.signer,
				credentialType: "long-term",
				expiresAtMs: v2.value.expiresAtMs,
				responseOverrides: responseOverrides(url.params),
				notes: [{ code: "legacy-signature", message: LEGACY_NOTE }],
			},
			location.value,
		),
	);
}
