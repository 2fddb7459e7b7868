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
	// Hand-rolled for ASCII escapes (%2F, %20): decodeURIComponent costs more than the whole rest
	// of a decode. Anything beyond ASCII goes to decodeURIComponent for its UTF-8 checks.
	let decoded = "";
	let copied = 0;
	while (at !== -1) {
		const byte =
			(hexValue(raw.charCodeAt(at + 1)) << 4) |
			hexValue(raw.charCodeAt(at + 2));
		if (byte < 0) return null;
		if (byte >= 0x80) return decodeUtf8(raw);
		decoded += raw.slice(copied, at) + String.fromCharCode(byte);
		copied = at + 3;
		at = raw.indexOf("%", copied);
	}
	return decoded + raw.slice(copied);
}

function decodeUtf8(raw: string): string | null {
	try {
		return decodeURIComponent(raw);
	} catch {
		return null;
	}
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
