/** What a person reads when a URL does not decode: the words for each DecodeReason (problem.ts). */
import { fail, type Result } from "../result.ts";
import type { DecodeReason, Outcome, Problem } from "./problem.ts";

const brokenEscape = (what: string) =>
	`The URL path has a broken percent-escape (like %zz), so ${what} cannot be read.`;
const notEpoch = (value = "") =>
	`Expires '${value}' is not a time in epoch seconds.`;

/** What each V2 access id names, and each V4 credential should look like. */
const V2_SIGNER: Record<string, [noun: string, scheme: string]> = {
	AWSAccessKeyId: ["key", "Signature Version 2"],
	GoogleAccessId: ["account", "V2 signed"],
};
const V4_CREDENTIAL_FORM: Record<string, string> = {
	"X-Amz-Credential": "KEYID/YYYYMMDD/REGION/SERVICE/aws4_request",
	"X-Goog-Credential": "SIGNER/YYYYMMDD/REGION/storage/goog4_request",
};

const MESSAGES: Record<DecodeReason, (...values: string[]) => string> = {
	"not-a-url": () =>
		"Not a URL: expected something like https://host/path?query.",
	"no-host": () => "Not a URL: it names no host.",
	"not-http": (protocol) =>
		`A presigned URL is http or https, not '${protocol}'.`,
	"no-signature": () =>
		"The URL carries no signature (X-Amz-Signature, X-Goog-Signature, Signature or sig): it is not a presigned URL.",
	"key-escape": () => brokenEscape("the object key"),
	"object-path-escape": () => brokenEscape("the object path"),
	"blob-escape": () => brokenEscape("the container and blob"),
	"empty-access-id": (param = "") =>
		`${param} is empty: no ${V2_SIGNER[param]?.[0]} signed this URL.`,
	"no-expires": (param = "") =>
		`Expires is missing: ${V2_SIGNER[param]?.[1]} URLs state their expiry as epoch seconds.`,
	"expires-not-epoch": notEpoch,
	"bad-credential": (param = "") =>
		`${param} is missing or not of the form ${V4_CREDENTIAL_FORM[param]}.`,
	"bad-date": (param, value) =>
		`${param} '${value}' is not a time of the form YYYYMMDDTHHMMSSZ.`,
	"bad-lifetime": (param, value) =>
		`${param} '${value}' is not a whole number of seconds.`,
	"azure-time": (param, value) =>
		`${param} '${value}' is not an ISO 8601 UTC time like 2025-01-01T00:00:00Z.`,
	"azure-no-expiry": () =>
		"se (the expiry) is missing and no si names a stored access policy that could hold it.",
	"cloudfront-no-expiry": () =>
		"Neither Expires (canned policy) nor Policy (custom policy) is present, so the URL states no expiry.",
	"policy-base64": () =>
		"Policy is not CloudFront's URL-safe base64 (letters, digits, '-', '_', '~'), so the custom policy cannot be read.",
	"policy-json": () => "Policy decodes to text that is not JSON.",
	"policy-shape": () =>
		"Policy is not a CloudFront policy: it needs Statement[0].Condition.DateLessThan with whole epoch seconds in AWS:EpochTime (and, where given, the same in DateGreaterThan and a string in IpAddress.AWS:SourceIp).",
};

/** The outcome with the words for its problem, if it has one. */
export function explain<T, C extends string>(
	outcome: Outcome<T, C>,
): Result<T, C> {
	return outcome.ok
		? outcome
		: fail(outcome.error.code, messageOf(outcome.error));
}

export function messageOf(problem: Problem<string>["error"]): string {
	return MESSAGES[problem.reason](...problem.values);
}
