/**
 * AWS Signature Version 2 query authentication: `AWSAccessKeyId`, `Expires` (epoch seconds), `Signature`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/Appendix-Sigv2.html
 */
import { ok } from "../result.ts";
import { locateObject } from "../storage-host.ts";
import { emptyFields } from "./fields.ts";
import type { Outcome } from "./problem.ts";
import { readV2Query, responseOverrides } from "./query-auth.ts";
import { credentialTypeOf } from "./sigv4.ts";
import type { SchemeDecoder, SchemeFields } from "./types.ts";
import type { UrlParts } from "./url-parts.ts";

export const sigv2: SchemeDecoder = {
	matches: (params) => params.has("AWSAccessKeyId") && params.has("Signature"),
	decode: decodeSigV2,
};

// https://docs.aws.amazon.com/AmazonS3/latest/API/specify-signature-version.html#UsingAWSSDK-sig2-deprecation
const LEGACY_NOTE =
	"Signed with AWS Signature Version 2, which is deprecated: Amazon S3 refuses it in regions launched after January 30, 2014 and for buckets created after June 24, 2020. Sign with Signature Version 4 instead.";

function decodeSigV2(url: UrlParts): Outcome<SchemeFields, "malformed"> {
	const { params } = url;
	const v2 = readV2Query(params, "AWSAccessKeyId");
	if (!v2.ok) return v2;
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	const hasSessionToken = params.has("X-Amz-Security-Token");
	return ok(
		emptyFields(
			{
				scheme: "aws-sigv2",
				signer: v2.value.signer,
				credentialType: credentialTypeOf(v2.value.signer, hasSessionToken),
				expiresAtMs: v2.value.expiresAtMs,
				responseOverrides: responseOverrides(params),
				hasSessionToken,
				notes: [{ code: "legacy-signature", message: LEGACY_NOTE }],
			},
			location.value,
		),
	);
}
