/** RFC 3986 escaping exactly as the AWS SDK's escapeUri does it, for canonical requests and URLs. */

/** "%XX" for each ASCII code the SDK escapes, "" for the unreserved ones (A-Z a-z 0-9 - . _ ~). */
const ASCII_ESCAPES = Array.from({ length: 128 }, (_, code) =>
	/[\w.~-]/.test(String.fromCharCode(code))
		? ""
		: `%${code.toString(16).toUpperCase().padStart(2, "0")}`,
);
const SLASH = 47;

/**
 * The SDK's escapeUri (encodeURIComponent, then !'()* as well) in one pass that copies runs of
 * unreserved characters: encodeURIComponent plus a regex replace cost ~1 µs per key on Node 20.
 * `keepSlash` gives the SDK's key path, each `/`-separated segment escaped and nothing normalised:
 * S3 keys may hold `//`, `.` and `..`, and S3 signs the path as sent (uriEscapePath: false).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */
export function escapeUri(value: string, keepSlash = false): string {
	let escaped = "";
	let copiedTo = 0;
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 128) {
			const percent = ASCII_ESCAPES[code];
			if (!percent || (keepSlash && code === SLASH)) continue;
			escaped += value.slice(copiedTo, i) + percent;
			copiedTo = i + 1;
		} else {
			// UTF-8 for a whole non-ASCII run; like the SDK, this throws on a lone surrogate.
			let end = i + 1;
			while (end < value.length && value.charCodeAt(end) >= 128) end++;
			escaped +=
				value.slice(copiedTo, i) + encodeURIComponent(value.slice(i, end));
			copiedTo = end;
			i = end - 1;
		}
	}
	return copiedTo === 0 ? value : escaped + value.slice(copiedTo);
}
