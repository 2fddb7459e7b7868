/** Percent-decoding by hand, as decodeURIComponent does it but without its cost on Node 20. */

/** Query decoding as browsers and S3 do it: `+` is a space; a broken escape is kept as written. */
export function decodeQueryComponent(raw: string): string {
	const spaced = raw.includes("+") ? raw.replaceAll("+", " ") : raw;
	return spaced.includes("%") ? (percentDecode(spaced) ?? spaced) : spaced;
}

/** The smallest code point each UTF-8 sequence length may encode: anything less is an overlong form. */
const SMALLEST_BY_LENGTH = [0, 0, 0x80, 0x800, 0x10000];

/** Percent-decodes a path or key; `+` stays `+`. Null when an escape is broken (`%zz`, bad UTF-8). */
export function percentDecode(raw: string): string | null {
	let at = raw.indexOf("%");
	if (at === -1) return raw;
	// Hand-rolled: decodeURIComponent cost more than the whole rest of a decode on Node 20.
	let decoded = "";
	let copied = 0;
	while (at !== -1) {
		if (at > copied) decoded += raw.slice(copied, at);
		// The search found a `%` at `at`: only the two digits after it are left to read.
		const lead = hexByte(raw, at);
		let length = 1;
		if (lead < 0) return null;
		if (lead < 0x80) {
			// fromCharCode of one byte is a cached one-character string in V8: no allocation.
			decoded += String.fromCharCode(lead);
		} else {
			length = sequenceLength(lead);
			const codePoint =
				length === 0 ? -1 : utf8CodePoint(raw, at, lead, length);
			if (codePoint < 0) return null;
			decoded += String.fromCodePoint(codePoint);
		}
		copied = at + 3 * length;
		at = nextEscape(raw, copied);
	}
	return copied < raw.length ? decoded + raw.slice(copied) : decoded;
}

/** How many bytes a UTF-8 sequence starting with `lead` has; 0 when no sequence starts so. */
function sequenceLength(lead: number): number {
	if (lead >= 0xc2 && lead <= 0xdf) return 2;
	if (lead >= 0xe0 && lead <= 0xef) return 3;
	return lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/** The code point of the `length`-byte sequence escaped at `at`, or -1 when it is not UTF-8. */
function utf8CodePoint(
	raw: string,
	at: number,
	lead: number,
	length: number,
): number {
	let codePoint = lead & (0xff >> (length + 1));
	for (let i = 1; i < length; i++) {
		const next = escapedByte(raw, at + 3 * i);
		if (next < 0 || (next & 0xc0) !== 0x80) return -1;
		codePoint = (codePoint << 6) | (next & 0x3f);
	}
	// Overlong forms and UTF-16 surrogates are not UTF-8 (RFC 3629 section 3).
	const isValid =
		codePoint >= (SMALLEST_BY_LENGTH[length] ?? 0) &&
		codePoint <= 0x10ffff &&
		(codePoint < 0xd800 || codePoint > 0xdfff);
	return isValid ? codePoint : -1;
}

/** Where the next `%` is from `from`: a run of escapes (`%C3%BC%20`) goes on without a search. */
function nextEscape(raw: string, from: number): number {
	// Bounds first: reading past the end, as after a value ending in `%22`, deoptimised this function.
	if (from >= raw.length) return -1;
	return raw.charCodeAt(from) === 37 /* % */ ? from : raw.indexOf("%", from);
}

/** The byte written as `%XX` at `at`, or a negative number when there is no valid escape there. */
function escapedByte(raw: string, at: number): number {
	return raw.charCodeAt(at) === 37 /* % */ ? hexByte(raw, at) : -1;
}

/** The byte of the two hex digits after the `%` at `at`; negative when they are not hex. */
function hexByte(raw: string, at: number): number {
	return (
		(hexValue(raw.charCodeAt(at + 1)) << 4) | hexValue(raw.charCodeAt(at + 2))
	);
}

/** 0–15 for a hex digit; a large negative number otherwise, so a shifted pair stays negative. */
function hexValue(code: number): number {
	if (code >= 48 && code <= 57) return code - 48;
	const lower = code | 32;
	return lower >= 97 && lower <= 102 ? lower - 87 : -256;
}
