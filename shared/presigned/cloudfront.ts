/**
 * CloudFront signed URLs: a canned policy (`Expires`) or a custom policy (`Policy`), with `Key-Pair-Id`.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
 */
import { ok } from "../result.ts";
import { MAX_DATE_MS } from "../utc-time.ts";
import { emptyFields, parseSeconds } from "./fields.ts";
import { percentDecode } from "./percent-decode.ts";
import { type Outcome, problem } from "./problem.ts";
import type { SchemeDecoder, SchemeFields } from "./types.ts";
import type { UrlParts } from "./url-parts.ts";

export const cloudfront: SchemeDecoder = {
	matches: (params) => params.has("Key-Pair-Id") && params.has("Signature"),
	decode: decodeCloudFront,
};

interface EpochTime {
	"AWS:EpochTime": number;
}

/** The conditions of a CloudFront policy statement that decide when and from where the URL works. */
interface Conditions {
	DateLessThan: EpochTime;
	DateGreaterThan?: EpochTime;
	IpAddress?: { "AWS:SourceIp": string };
}

function decodeCloudFront(url: UrlParts): Outcome<SchemeFields, "malformed"> {
	const { params } = url;
	const key = percentDecode(url.rawPath.slice(1));
	if (key === null) return problem("malformed", "object-path-escape");
	const rawPolicy = params.get("Policy");
	const conditions =
		rawPolicy === undefined
			? cannedConditions(params.get("Expires"))
			: readPolicy(rawPolicy);
	if (!conditions.ok) return conditions;
	const { DateLessThan, DateGreaterThan, IpAddress } = conditions.value;
	return ok(
		emptyFields({
			scheme: "cloudfront",
			provider: "cloudfront",
			key: key === "" ? null : key,
			signer: params.get("Key-Pair-Id") || null,
			// Key pairs of a trusted key group (or a root account) stay valid until removed.
			credentialType: "long-term",
			validFromMs: DateGreaterThan
				? DateGreaterThan["AWS:EpochTime"] * 1000
				: null,
			expiresAtMs: DateLessThan["AWS:EpochTime"] * 1000,
			allowedIp: IpAddress?.["AWS:SourceIp"] ?? null,
		}),
	);
}

function cannedConditions(
	rawExpires: string | undefined,
): Outcome<Conditions, "malformed"> {
	const expiresSeconds = parseSeconds(rawExpires);
	if (expiresSeconds !== null) {
		return ok({ DateLessThan: { "AWS:EpochTime": expiresSeconds } });
	}
	return rawExpires === undefined
		? problem("malformed", "cloudfront-no-expiry")
		: problem("malformed", "expires-not-epoch", rawExpires);
}

/** Undoes CloudFront's URL-safe base64 ('-' for '+', '_' for '=', '~' for '/'), then reads the JSON. */
function readPolicy(raw: string): Outcome<Conditions, "malformed"> {
	// A raw '+' in the query string arrives as a space: put it back before decoding.
	const base64 = raw
		.replaceAll("-", "+")
		.replaceAll("_", "=")
		.replaceAll("~", "/")
		.replaceAll(" ", "+");
	let text: string;
	try {
		const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
		text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
	} catch {
		return problem("malformed", "policy-base64");
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return problem("malformed", "policy-json");
	}
	const conditions = conditionsOf(json as Policy);
	return conditions ? ok(conditions) : problem("malformed", "policy-shape");
}

/** A policy as far as it is read; any part may be missing or of another type. */
type Policy = {
	Statement?: {
		Condition?: {
			DateLessThan?: { "AWS:EpochTime"?: unknown };
			DateGreaterThan?: { "AWS:EpochTime"?: unknown };
			IpAddress?: { "AWS:SourceIp"?: unknown };
		};
	}[];
} | null;

/**
 * Checked by hand rather than with zod: this decoder runs in the content script, whose budget is
 * 12 KB gzip, and zod alone is twice that. CloudFront takes one statement; dates are bare numbers.
 * Optional chaining reads any JSON safely (a string's `[0]` is a string, whose Condition is undefined).
 */
function conditionsOf(policy: Policy): Conditions | null {
	const condition = policy?.Statement?.[0]?.Condition;
	const lessThan = condition?.DateLessThan?.["AWS:EpochTime"];
	const greaterThan = condition?.DateGreaterThan;
	const ip = condition?.IpAddress;
	if (
		!isEpochSeconds(lessThan) ||
		(greaterThan !== undefined &&
			!isEpochSeconds(greaterThan?.["AWS:EpochTime"])) ||
		(ip !== undefined && typeof ip?.["AWS:SourceIp"] !== "string")
	)
		return null;
	// Checked above, field by field: what the caller reads is exactly the policy's own condition.
	return condition as Conditions;
}

/** A whole number of epoch seconds that a Date can hold: later ones cannot be shown as a time. */
function isEpochSeconds(value: unknown): value is number {
	return (
		typeof value === "number" &&
		Number.isInteger(value) &&
		value >= 0 &&
		value <= MAX_DATE_MS / 1000
	);
}
