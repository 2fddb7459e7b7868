/**
 * When a presigned URL really stops working: the earliest of what the signature states, the
 * scheme's hard cap, and the life of the credentials that signed it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html#PresignedUrl-Expiration
 */
import type { CredentialType, ExpiryCertainty } from "./types.ts";

/** SigV4 query signing (and GCS V4) refuse X-Amz-Expires above 7 days. */
export const MAX_SIGV4_EXPIRES_SECONDS = 604_800;

export interface ExpiryInput {
	signedAtMs: number | null;
	expiresAtMs: number | null;
	maxLifetimeSeconds: number | null;
	credentialType: CredentialType;
	/** Known end of the signing credentials (STS `Expiration`, Azure `ske`). */
	credentialExpiresAtMs: number | null;
	/** Further hard limits the caller knows of, such as a profile's policy. */
	limitsMs?: number[];
}

export interface ExpiryTruth {
	effectiveExpiresAtMs: number | null;
	certainty: ExpiryCertainty;
}

export function effectiveExpiry(input: ExpiryInput): ExpiryTruth {
	const cap =
		input.signedAtMs !== null && input.maxLifetimeSeconds !== null
			? input.signedAtMs + input.maxLifetimeSeconds * 1000
			: null;
	// Folded pairwise rather than gathered into an array: this runs for every decoded URL.
	let earliest = earlier(
		earlier(input.expiresAtMs, cap),
		input.credentialExpiresAtMs,
	);
	const limits = input.limitsMs;
	if (limits) for (const limit of limits) earliest = earlier(earliest, limit);
	if (earliest === null)
		return { effectiveExpiresAtMs: null, certainty: "unknown" };
	// Temporary credentials whose end we do not know may die first: we only know a latest time.
	const mayDieEarlier =
		(input.credentialType === "temporary" &&
			input.credentialExpiresAtMs === null) ||
		input.expiresAtMs === null;
	return {
		effectiveExpiresAtMs: earliest,
		certainty: mayDieEarlier ? "upper-bound" : "exact",
	};
}

function earlier(a: number | null, b: number | null): number | null {
	if (a === null) return b;
	return b === null || a <= b ? a : b;
}
