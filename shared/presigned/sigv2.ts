/**
 * AWS Signature Version 2 query authentication: `AWSAccessKeyId`, `Expires` (epoch seconds), `Signature`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/Appendix-Sigv2.html
 */
import { fail, ok, type Result } from "../result.ts";
import { locateObject } from "../storage-host.ts";
import { emptyFields, parseSeconds } from "./fields.ts";
import { credentialTypeOf, responseOverrides } from "./sigv4.ts";
import type { SchemeDecoder, SchemeFields } from "./types.ts";
import type { UrlParts } from "./url-parts.ts";

export const sigv2: SchemeDecoder = {
	matches: (params) => params.has("awsaccesskeyid") && params.has("signature"),
	decode: decodeSigV2,
};

// https://docs.aws.amazon.com/AmazonS3/latest/API/specify-signature-version.html#UsingAWSSDK-sig2-deprecation
const LEGACY_NOTE =
	"Signed with AWS Signature Version 2, which is deprecated: Amazon S3 refuses it in regions launched after January 30, 2014 and for buckets created after June 24, 2020. Sign with Signature Version 4 instead.";

function decodeSigV2(url: UrlParts): Result<SchemeFields, "malformed"> {
	const { params } = url;
	const accessKeyId = params.get("awsaccesskeyid") ?? "";
	if (accessKeyId === "") {
		return fail(
			"malformed",
			"AWSAccessKeyId is empty: no key signed this URL.",
		);
	}
	const rawExpires = params.get("expires");
	const expiresSeconds = parseSeconds(rawExpires);
	if (expiresSeconds === null) {
		return fail(
			"malformed",
			rawExpires === undefined
				? "Expires is missing: Signature Version 2 URLs state their expiry as epoch seconds."
				: `Expires '${rawExpires}' is not a time in epoch seconds.`,
		);
	}
	const location = locateObject(url.hostname, url.rawPath);
	if (!location.ok) return location;
	const hasSessionToken = params.has("x-amz-security-token");
	return ok(
		emptyFields(
			{
				scheme: "aws-sigv2",
				signer: accessKeyId,
				credentialType: credentialTypeOf(accessKeyId, hasSessionToken),
				expiresAtMs: expiresSeconds * 1000,
				responseOverrides: responseOverrides(params),
				hasSessionToken,
				notes: [{ code: "legacy-signature", message: LEGACY_NOTE }],
			},
			location.value,
		),
	);
}
