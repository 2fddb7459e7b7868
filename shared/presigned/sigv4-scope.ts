/** The credential scope of a SigV4 URL, read where it is written in the query. */
import { isDigits } from "./fields.ts";
import { decodeQueryComponent } from "./percent-decode.ts";
import type { CredentialScope } from "./query-auth.ts";
import type { QueryParams } from "./query-params.ts";

const TERMINATOR = "aws4_request";

/**
 * `AKID/20250101/us-east-1/s3/aws4_request`; SigV4a drops the region and names a region set.
 * Read in place from the value as written, where the SDK escapes the slashes as `%2F` and nothing
 * else: decoding it first and searching it again cost a sixth of a whole decode. A value with any
 * other escape, or with plain slashes, is decoded and read the same way.
 */
export function parseSigV4Scope(
	raw: string,
	params: QueryParams,
): CredentialScope | null {
	const asWritten =
		raw.includes("+") || raw.includes("/")
			? null
			: readScope(raw, ESCAPED_SLASH, params);
	return asWritten ?? readScope(decodeQueryComponent(raw), "/", params);
}

const ESCAPED_SLASH = "%2F";

/** The scope from the pieces between `slash`es; reading `%2F`s, null when another escape occurs. */
function readScope(
	value: string,
	slash: "/" | typeof ESCAPED_SLASH,
	params: QueryParams,
): CredentialScope | null {
	const width = slash.length;
	const keyEnd = slashAt(value, slash, 0);
	// Eight digits leave no room for another slash or escape: the next slash must follow them.
	const dateEnd = keyEnd + width + 8;
	if (
		keyEnd < 1 ||
		!isDigits(value, keyEnd + width, dateEnd) ||
		!isSlashAt(value, slash, dateEnd)
	)
		return null;
	const thirdEnd = slashAt(value, slash, dateEnd + width);
	if (thirdEnd < 0) return null;
	const fourthEnd = slashAt(value, slash, thirdEnd + width);
	if (fourthEnd === OTHER_ESCAPE) return null;
	const tail = (fourthEnd === -1 ? thirdEnd : fourthEnd) + width;
	if (
		value.length - tail !== TERMINATOR.length ||
		value.indexOf(TERMINATOR, tail) !== tail
	)
		return null;
	const signer = value.slice(0, keyEnd);
	if (fourthEnd === -1) {
		return {
			signer,
			region: params.get("X-Amz-Region-Set") ?? null,
			service: value.slice(dateEnd + width, thirdEnd),
		};
	}
	return {
		signer,
		region: value.slice(dateEnd + width, thirdEnd),
		service: value.slice(thirdEnd + width, fourthEnd),
	};
}

const OTHER_ESCAPE = -2;

/** Whether a slash, as `slash` is written, starts at `at`. */
function isSlashAt(value: string, slash: string, at: number): boolean {
	if (slash === "/") return value.charCodeAt(at) === 47 /* / */;
	return value.charCodeAt(at) === 37 /* % */ && isEscapedSlash(value, at);
}

/** Whether the `%` at `at` begins `%2F` (or `%2f`). */
function isEscapedSlash(value: string, at: number): boolean {
	return (
		value.charCodeAt(at + 1) === 50 /* 2 */ &&
		(value.charCodeAt(at + 2) | 32) === 102 /* f or F */
	);
}

/** Where the next slash starts, or -1; reading `%2F`s, OTHER_ESCAPE when another escape comes first. */
function slashAt(value: string, slash: string, from: number): number {
	if (slash === "/") return value.indexOf("/", from);
	const at = value.indexOf("%", from);
	if (at === -1) return -1;
	return isEscapedSlash(value, at) ? at : OTHER_ESCAPE;
}
