/**
 * Why a URL does not decode, as a reason and the values it names. The words for each reason live in
 * decode-messages.ts: the content script only badges what decodes, and leaves them out of its budget.
 */
import type { Result } from "../result.ts";

export type DecodeReason =
	| "not-a-url"
	| "no-host"
	| "not-http"
	| "no-signature"
	| "key-escape"
	| "object-path-escape"
	| "blob-escape"
	| "empty-access-id"
	| "no-expires"
	| "expires-not-epoch"
	| "bad-credential"
	| "bad-date"
	| "bad-lifetime"
	| "azure-time"
	| "azure-no-expiry"
	| "cloudfront-no-expiry"
	| "policy-base64"
	| "policy-json"
	| "policy-shape";

export interface Problem<C extends string> {
	ok: false;
	error: { code: C; reason: DecodeReason; values: string[] };
}

/** A Result whose failure is a Problem: give it to explain() (decode-messages.ts) for the words. */
export type Outcome<T, C extends string> =
	| Exclude<Result<T, C>, { ok: false }>
	| Problem<C>;

export function problem<C extends string>(
	code: C,
	reason: DecodeReason,
	...values: string[]
): Problem<C> {
	return { ok: false, error: { code, reason, values } };
}
