/**
 * CloudFront signed URLs: a canned policy (`Expires`) or a custom policy (`Policy`), with `Key-Pair-Id`.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
 */
import { z } from "zod";
import { fail, ok, type Result } from "../result.ts";
import { emptyFields, parseSeconds } from "./fields.ts";
import type { SchemeDecoder, SchemeFields } from "./types.ts";
import { percentDecode, type UrlParts } from "./url-parts.ts";

export const cloudfront: SchemeDecoder = {
	matches: (params) => params.has("key-pair-id") && params.has("signature"),
	decode: decodeCloudFront,
};

const EPOCH_TIME = z.object({
	"AWS:EpochTime": z.number().int().nonnegative(),
});

// CloudFront accepts a single statement; its dates are bare numbers of epoch seconds.
const CUSTOM_POLICY = z.object({
	Statement: z.array(
		z.object({
			Condition: z.object({
				DateLessThan: EPOCH_TIME,
				DateGreaterThan: EPOCH_TIME.optional(),
				IpAddress: z.object({ "AWS:SourceIp": z.string() }).optional(),
			}),
		}),
	),
});

type Conditions = z.infer<
	typeof CUSTOM_POLICY
>["Statement"][number]["Condition"];

function decodeCloudFront(url: UrlParts): Result<SchemeFields, "malformed"> {
	const { params } = url;
	const key = percentDecode(url.rawPath.slice(1));
	if (key === null) {
		return fail(
			"malformed",
			"The URL path has a broken percent-escape (like %zz), so the object path cannot be read.",
		);
	}
	const rawPolicy = params.get("policy");
	const conditions =
		rawPolicy === undefined
			? cannedConditions(params.get("expires"))
			: readPolicy(rawPolicy);
	if (!conditions.ok) return conditions;
	const { DateLessThan, DateGreaterThan, IpAddress } = conditions.value;
	return ok(
		emptyFields({
			scheme: "cloudfront",
			provider: "cloudfront",
			key: key === "" ? null : key,
			signer: params.get("key-pair-id") || null,
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
	const policy = CUSTOM_POLICY.safeParse(json);
	if (!policy.success) {
		const issue = policy.error.issues[0];
		const field = issue?.path.join(".") || "the policy";
		return fail(
			"malformed",
			`Policy is not a CloudFront policy: ${field}: ${issue?.message ?? "invalid"}. It needs Statement[0].Condition.DateLessThan with a numeric AWS:EpochTime.`,
		);
	}
	const [statement] = policy.data.Statement;
	return statement
		? ok(statement.Condition)
		: fail(
				"malformed",
				"Policy has an empty Statement list: it needs Statement[0].Condition.DateLessThan.",
			);
}
