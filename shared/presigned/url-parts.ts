/**
 * Splits a URL into the raw pieces the decoders need, without `new URL()`: the WHATWG parser
 * resolves `..` and `%2e%2e` path segments, which would change the object key a URL really names.
 */
import { fail, ok, type Result } from "../result.ts";

export interface UrlParts {
	protocol: string;
	/** Lower-cased host name without port; IPv6 keeps its brackets. */
	hostname: string;
	port: string;
	/** Path exactly as written, still percent-encoded, starting with `/` (or empty). */
	rawPath: string;
	params: QueryParams;
}

const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

export function splitUrl(input: string): Result<UrlParts, "not-a-url"> {
	// indexOf rather than one big regex: this runs for every link on a page being inspected.
	const text = input.trim();
	const schemeEnd = text.indexOf("://");
	if (schemeEnd < 1 || !SCHEME.test(text.slice(0, schemeEnd))) {
		return fail(
			"not-a-url",
			"Not a URL: expected something like https://host/path?query.",
		);
	}
	const hashAt = text.indexOf("#");
	const end = hashAt === -1 ? text.length : hashAt;
	const queryAt = text.indexOf("?");
	const pathEnd = queryAt === -1 || queryAt > end ? end : queryAt;
	const authorityStart = schemeEnd + 3;
	let pathStart = text.indexOf("/", authorityStart);
	if (pathStart === -1 || pathStart > pathEnd) pathStart = pathEnd;
	const authority = text.slice(authorityStart, pathStart);
	const hostPort = authority
		.slice(authority.lastIndexOf("@") + 1)
		.toLowerCase();
	const portAt = hostPort.lastIndexOf(":");
	const hasPort = portAt > hostPort.lastIndexOf("]");
	const hostname = hasPort ? hostPort.slice(0, portAt) : hostPort;
	if (hostname === "") {
		return fail("not-a-url", "Not a URL: it names no host.");
	}
	return ok({
		protocol: `${text.slice(0, schemeEnd).toLowerCase()}:`,
		hostname,
		port: hasPort ? hostPort.slice(portAt + 1) : "",
		rawPath: text.slice(pathStart, pathEnd),
		params: parseQuery(pathEnd === end ? "" : text.slice(pathEnd + 1, end)),
	});
}

/**
 * Query parameters by lower-cased name; values are percent-decoded when read, and the first of
 * duplicates wins. Parallel arrays searched with indexOf, not a Map: a presigned URL has about ten
 * parameters, and hashing every freshly sliced name cost more than the whole scan.
 */
export class QueryParams {
	private readonly names: string[] = [];
	private readonly rawValues: string[] = [];

	add(name: string, rawValue: string): void {
		if (!this.names.includes(name)) {
			this.names.push(name);
			this.rawValues.push(rawValue);
		}
	}

	has(name: string): boolean {
		return this.names.includes(name);
	}

	get(name: string): string | undefined {
		const at = this.names.indexOf(name);
		return at === -1
			? undefined
			: decodeQueryComponent(this.rawValues[at] ?? "");
	}

	/** `[name, decoded value]` of every parameter whose name starts with `prefix`. */
	withPrefix(prefix: string): [string, string][] {
		const found: [string, string][] = [];
		for (let i = 0; i < this.names.length; i++) {
			const name = this.names[i] ?? "";
			if (name.startsWith(prefix))
				found.push([name, decodeQueryComponent(this.rawValues[i] ?? "")]);
		}
		return found;
	}
}

function parseQuery(query: string): QueryParams {
	const params = new QueryParams();
	let start = 0;
	while (start < query.length) {
		let end = query.indexOf("&", start);
		if (end === -1) end = query.length;
		let eq = query.indexOf("=", start);
		if (eq === -1 || eq > end) eq = end;
		if (eq > start) {
			params.add(
				decodeQueryComponent(query.slice(start, eq)).toLowerCase(),
				query.slice(eq + 1, end),
			);
		}
		start = end + 1;
	}
	return params;
}

/** Query decoding as browsers and S3 do it: `+` is a space; a broken escape is kept as written. */
export function decodeQueryComponent(raw: string): string {
	const spaced = raw.includes("+") ? raw.replaceAll("+", " ") : raw;
	return spaced.includes("%") ? (percentDecode(spaced) ?? spaced) : spaced;
}

/** Percent-decodes a path or key; `+` stays `+`. Null when an escape is broken (`%zz`, bad UTF-8). */
export function percentDecode(raw: string): string | null {
	let at = raw.indexOf("%");
	if (at === -1) return raw;
	// Hand-rolled: decodeURIComponent cost more than the whole rest of a decode on Node 20.
	let decoded = "";
	let copied = 0;
	while (at !== -1) {
		decoded += raw.slice(copied, at);
		const lead = escapedByte(raw, at);
		const length =
			lead < 0x80
				? 1
				: lead >= 0xc2 && lead <= 0xdf
					? 2
					: lead >= 0xe0 && lead <= 0xef
						? 3
						: lead >= 0xf0 && lead <= 0xf4
							? 4
							: 0;
		if (lead < 0 || length === 0) return null;
		let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
		for (let i = 1; i < length; i++) {
			const next = escapedByte(raw, at + 3 * i);
			if (next < 0 || (next & 0xc0) !== 0x80) return null;
			codePoint = (codePoint << 6) | (next & 0x3f);
		}
		// Overlong forms and UTF-16 surrogates are not UTF-8 (RFC 3629 section 3).
		const smallest = [0, 0, 0x80, 0x800, 0x10000][length] ?? 0;
		if (
			codePoint < smallest ||
			codePoint > 0x10ffff ||
			(codePoint >= 0xd800 && codePoint <= 0xdfff)
		) {
			return null;
		}
		decoded += String.fromCodePoint(codePoint);
		copied = at + 3 * length;
		at = raw.indexOf("%", copied);
	}
	return decoded + raw.slice(copied);
}

/** The byte written as `%XX` at `at`, or a negative number when there is no valid escape there. */
function escapedByte(raw: string, at: number): number {
	if (raw.charCodeAt(at) !== 37 /* % */) return -1;
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

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function isLoopback(hostname: string): boolean {
	return LOOPBACK.test(hostname);
}
