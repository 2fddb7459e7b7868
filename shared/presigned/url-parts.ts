/**
 * Splits a URL into the raw pieces the decoders need, without `new URL()`: the WHATWG parser
 * resolves `..` and `%2e%2e` path segments, which would change the object key a URL really names.
 */
import { ok } from "../result.ts";
import { type Outcome, problem } from "./problem.ts";
import { QueryParams } from "./query-params.ts";

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

export function splitUrl(input: string): Outcome<UrlParts, "not-a-url"> {
	// indexOf rather than one big regex, and as few slices as can be: this runs for every link on a page.
	const text = input.trim();
	const schemeEnd = text.indexOf("://");
	const protocol = schemeEnd < 1 ? null : protocolOf(text, schemeEnd);
	if (protocol === null) {
		return problem("not-a-url", "not-a-url");
	}
	const hashAt = text.indexOf("#");
	const end = hashAt === -1 ? text.length : hashAt;
	const queryAt = text.indexOf("?");
	const pathEnd = queryAt === -1 || queryAt > end ? end : queryAt;
	const authorityStart = schemeEnd + 3;
	let pathStart = text.indexOf("/", authorityStart);
	if (pathStart === -1 || pathStart > pathEnd) pathStart = pathEnd;
	// The host follows the last `@` of the authority, rarely present: searched in the authority
	// alone, and with forward indexOf (lastIndexOf is a slow runtime call on Node 20).
	let authority = text.slice(authorityStart, pathStart);
	if (authority.indexOf("@") !== -1)
		authority = authority.slice(authority.lastIndexOf("@") + 1);
	const hostPort = authority.toLowerCase();
	const portAt = hostPort.indexOf(":") === -1 ? -1 : hostPort.lastIndexOf(":");
	const hasPort = portAt !== -1 && portAt > hostPort.lastIndexOf("]");
	const hostname = hasPort ? hostPort.slice(0, portAt) : hostPort;
	if (hostname === "") {
		return problem("not-a-url", "no-host");
	}
	return ok({
		protocol,
		hostname,
		port: hasPort ? hostPort.slice(portAt + 1) : "",
		rawPath: text.slice(pathStart, pathEnd),
		params: new QueryParams(text, pathEnd === end ? end : pathEnd + 1, end),
	});
}

/** `https:` for `https://…`; null when what precedes `://` is no scheme. */
function protocolOf(text: string, schemeEnd: number): string | null {
	const scheme = text.slice(0, schemeEnd);
	// Constant strings for the usual two: no regex, no lower-casing, no concatenation.
	if (scheme === "https") return "https:";
	if (scheme === "http") return "http:";
	return SCHEME.test(scheme) ? `${scheme.toLowerCase()}:` : null;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function isLoopback(hostname: string): boolean {
	return LOOPBACK.test(hostname);
}
