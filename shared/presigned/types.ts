/** The shape every presigned-URL decoder produces, whatever the signature scheme. */
import type { AddressingStyle, Provider } from "../storage-host.ts";
import type { Outcome } from "./problem.ts";
import type { QueryParams } from "./query-params.ts";
import type { UrlParts } from "./url-parts.ts";

export type Scheme =
	| "aws-sigv4"
	| "aws-sigv2"
	| "gcs-v4"
	| "gcs-v2"
	| "azure-sas"
	| "cloudfront";
export type CredentialType = "long-term" | "temporary" | "unknown";
/** `upper-bound`: the URL dies at that time at the latest, maybe earlier (temporary credentials). */
export type ExpiryCertainty = "exact" | "upper-bound" | "unknown";

export type WarningCode =
	| "temporary-credentials"
	| "exceeds-max-expiry"
	| "insecure-http"
	| "expired"
	| "not-yet-valid"
	| "legacy-signature"
	| "expiry-in-policy";

export interface Warning {
	code: WarningCode;
	message: string;
}

export type DecodeErrorCode = "not-a-url" | "not-presigned" | "malformed";

/** What a decoder reads from the URL itself; times in epoch milliseconds. */
export interface SchemeFields {
	scheme: Scheme;
	provider: Provider | "azure" | "cloudfront";
	addressingStyle: AddressingStyle | null;
	/** S3/GCS bucket, Azure container; null where the URL does not name one (CloudFront). */
	bucket: string | null;
	key: string | null;
	region: string | null;
	/** The signing service from the credential scope (`s3`, `storage`), when the scheme has one. */
	service: string | null;
	/** Who signed: access key id, service-account e-mail, CloudFront key pair id, Azure account. */
	signer: string | null;
	credentialType: CredentialType;
	/** When the signing credentials die, if the URL says (Azure user-delegation `ske`). */
	credentialExpiresAtMs: number | null;
	signedAtMs: number | null;
	validFromMs: number | null;
	expiresAtMs: number | null;
	/** Longest lifetime the scheme allows from `signedAt` (SigV4 and GCS V4: 604800 s). */
	maxLifetimeSeconds: number | null;
	/** The lifetime the URL asks for, in seconds, where it is stated as a duration. */
	requestedLifetimeSeconds: number | null;
	signedHeaders: string[];
	/** The operation the signer meant (`x-id=GetObject`), when the URL says. */
	operation: string | null;
	/** Azure `sp` permissions spelled out (read, write, …); null where the scheme has none. */
	permissions: string[] | null;
	/** `response-content-disposition` and friends: headers S3 will set on the response. */
	responseOverrides: Record<string, string>;
	checksum: { algorithm: string; value: string | null } | null;
	/** Client addresses allowed (Azure `sip`, CloudFront `AWS:SourceIp`). */
	allowedIp: string | null;
	hasSessionToken: boolean;
	/** Scheme-specific notes, e.g. a stored access policy holding the real expiry; a fresh array
	 * for each URL, since decode() goes on to add its warnings to it. */
	notes: Warning[];
}

/**
 * What decode() returns: the scheme's fields and the expiry truth, times in epoch milliseconds (what a
 * countdown or a badge needs). decodedJson() writes it out with ISO 8601 times, for the CLI's JSON.
 */
export interface DecodedUrl
	extends Omit<
		SchemeFields,
		"maxLifetimeSeconds" | "requestedLifetimeSeconds" | "notes"
	> {
	host: string;
	/** The earliest of the stated expiry, the scheme's cap and the credentials' end. */
	effectiveExpiresAtMs: number | null;
	expiryCertainty: ExpiryCertainty;
	warnings: Warning[];
}

export interface SchemeDecoder {
	/** True when the URL's query parameters (names in any letter case) carry this scheme's signature. */
	matches(params: QueryParams): boolean;
	decode(url: UrlParts): Outcome<SchemeFields, "malformed">;
}
