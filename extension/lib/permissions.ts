/** Host permissions, asked for only when the user turns something on (must run inside a click handler). */
import browser from "webextension-polyfill";

/**
 * Firefox match patterns cannot hold a port: there `http://127.0.0.1:8787/*` is accepted, granted
 * and registered, yet matches no URL (https://bugzilla.mozilla.org/show_bug.cgi?id=1362809).
 */
const PATTERNS_TAKE_PORTS = !browser.runtime
	.getURL("")
	.startsWith("moz-extension:");

/**
 * `https://signet.example.com/x` → `https://signet.example.com/*`; null for non-http(s) URLs.
 * In Firefox a port is dropped (`http://127.0.0.1:8787` → `http://127.0.0.1/*`, every port).
 */
export function originPattern(url: string): string | null {
	try {
		const parsed = new URL(url);
		const host = PATTERNS_TAKE_PORTS ? parsed.host : parsed.hostname;
		return parsed.protocol === "https:" || parsed.protocol === "http:"
			? `${parsed.protocol}//${host}/*`
			: null;
	} catch {
		return null;
	}
}

/** Asks the browser for access to the URL's origin; resolves false when the user declines. */
export async function requestOriginAccess(url: string): Promise<boolean> {
	const pattern = originPattern(url);
	if (!pattern) return false;
	try {
		return await browser.permissions.request({ origins: [pattern] });
	} catch {
		return false;
	}
}
