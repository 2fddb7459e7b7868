/** Host permissions, asked for only when the user turns something on (must run inside a click handler). */
import browser from "webextension-polyfill";

/** `https://signet.example.com/x` → `https://signet.example.com/*`; null for non-http(s) URLs. */
export function originPattern(url: string): string | null {
	try {
		const parsed = new URL(url);
		return parsed.protocol === "https:" || parsed.protocol === "http:"
			? `${parsed.origin}/*`
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
