/**
 * CloudFront signed URLs: a canned policy (`Expires`) or a custom policy (`Policy`), with `Key-Pair-Id`.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
 */
import { fail, ok, type Result } from "../result.ts";
import { emptyFields, parseSeconds } from "./fields.ts";
import { percentDecode } from "./percent-decode.ts";
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

function decodeCloudFront(url: UrlParts): Result<SchemeFields, "malformed"> {
	const { params } = url;
	const key = percentDecode(url.rawPath.slice(1));
	if (key === null) {
		return fail(
			"malformed",
			"The URL path has a broken percent-escape (like %zz), so the object path cannot be read.",
		);
	}
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
): Result<Conditions, "malformed"> {
	const expiresSeconds = parseSeconds(rawExpires);
	if (expiresSeconds !== null) {
		return ok({ DateLessThan: { "AWS:EpochTime": expiresSeconds } });
	}
	return fail(
		"malformed",
		rawExpires === undefined
			? "Neither Expires (canned policy) nor Policy (custom policy) is present, so the URL states no expiry."
			: `Expires '${rawExpires}' is not a time in epoch seconds.`,
	);
}

/** Undoes CloudFront's URL-safe base64 ('-' for '+', '_' for '=', '~' for '/'), then reads the JSON. */
function readPolicy(raw: string): Result<Conditions, "malformed"> {
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
		return fail(
			"malformed",
			"Policy is not CloudFront's URL-safe base64 (letters, digits, '-', '_', '~'), so the custom policy cannot be read.",
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return fail("malformed", "Policy decodes to text that is not JSON.");
	}
	const conditions = conditionsOf(json);
	return typeof conditions === "string"
		? fail(
				"malformed",
				`Policy is not a CloudFront policy: ${conditions}. It needs Statement[0].Condition.DateLessThan with a numeric AWS:EpochTime.`,
			)
		: ok(conditions);
}

/**
 * Checked by hand rather than with zod: this decoder runs in the content script, whose budget is
 * 12 KB gzip, and zod alone is twice that. CloudFront takes one statement; dates are bare numbers.
 */
function conditionsOf(json: unknown): Conditions | string {
	const statements = isRecord(json) ? json.Statement : undefined;
	if (!Array.isArray(statements)) return "Statement: expected a list";
	const [statement] = statements as unknown[];
	if (!isRecord(statement)) return "Statement is empty";
	const condition = statement.Condition;
	if (!isRecord(condition)) return "Statement.0.Condition: expected an object";
	const lessThan = epochTime(condition.DateLessThan);
	if (!lessThan)
		return "Statement.0.Condition.DateLessThan.AWS:EpochTime: expected whole epoch seconds";
	const conditions: Conditions = { DateLessThan: lessThan };
	if (condition.DateGreaterThan !== undefined) {
		const greaterThan = epochTime(condition.DateGreaterThan);
		if (!greaterThan)
			return "Statement.0.Condition.DateGreaterThan.AWS:EpochTime: expected whole epoch seconds";
		conditions.DateGreaterThan = greaterThan;
	}
	if (condition.IpAddress !== undefined) {
		const sourceIp = isRecord(condition.IpAddress)
			? condition.IpAddress["AWS:SourceIp"]
			: undefined;
		if (typeof sourceIp !== "string")
			return "Statement.0.Condition.IpAddress.AWS:SourceIp: expected a string";
		conditions.IpAddress = { "AWS:SourceIp": sourceIp };
	}
	return conditions;
}

function epochTime(value: unknown): EpochTime | null {
	const seconds = isRecord(value) ? value["AWS:EpochTime"] : undefined;
	return typeof seconds === "number" &&
		Number.isInteger(seconds) &&
		seconds >= 0
		? { "AWS:EpochTime": seconds }
		: null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
