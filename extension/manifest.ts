/** The extension's manifest for Chrome and Firefox: minimal permissions, hosts asked for only when needed. */
import { defineManifest } from "@crxjs/vite-plugin";
import pkg from "../package.json" with { type: "json" };

export type Browser = "chrome" | "firefox";

/** Public key of the Chrome build, so its id (and so its origin) is the same on every machine. */
const CHROME_KEY =
	"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxjLIc9f7pwF3ESMKkliAtSRl2cdV7NGluDURx2cHG42vz7jzXouM4yuzGuPYKGYXuVOf4doByiDg4F5DcK0+hXEMGwBP+2Ij69IBUMYJv74pY437W/hc5TnF/hrmITJTGLQYKiGuUkDN7fzwxzYyjMU3ltO1vG0eHeOJy5Z5e8xhGyUFTuBX82UIXOsBIEYvi7FwTSISEyxIIYn2PnjDleXOKAbsuUzeO59TomzCkZC9ENvEYkuyQuOInIq5i30iqQyKfwUDhVe2qK6Kpo48WrG2teguXbuHjINw9eOf4K6ertR2gGPE+1ylgYrdGQkV/GOadpq8Otx5pOi1NwA2VQIDAQAB";
export const CHROME_EXTENSION_ID = "limdhmhbgkfddbphghecndlfeomapknm";
export const FIREFOX_EXTENSION_ID = "signet@signet.invalid";

export interface ManifestOptions {
	browser: Browser;
	/**
	 * Hosts granted at install. Empty for users: the backend origin and sites to inspect are optional
	 * permissions asked for when the user turns them on. Browser tests pre-grant their 127.0.0.1
	 * servers, because no automation can click the browser's own permission prompt.
	 */
	grantedHosts?: string[];
}

export function manifestFor({ browser, grantedHosts = [] }: ManifestOptions) {
	return defineManifest({
		manifest_version: 3,
		name: "Signet",
		version: pkg.version,
		description:
			"Share links for private S3 objects, and the truth about any presigned URL.",
		icons: {
			16: "icons/icon-16.png",
			32: "icons/icon-32.png",
			48: "icons/icon-48.png",
			128: "icons/icon-128.png",
		},
		action: {
			default_popup: "popup/index.html",
			default_title: "Signet",
			default_icon: { 16: "icons/icon-16.png", 32: "icons/icon-32.png" },
		},
		options_ui: { page: "options/index.html", open_in_tab: true },
		background:
			browser === "firefox"
				? { scripts: ["background/index.ts"], type: "module" }
				: { service_worker: "background/index.ts", type: "module" },
		// clipboardWrite: the new link is copied as soon as it is made, without a second click.
		permissions: [
			"storage",
			"contextMenus",
			"scripting",
			"activeTab",
			"clipboardWrite",
		],
		host_permissions: grantedHosts,
		optional_host_permissions: ["http://*/*", "https://*/*"],
		...(browser === "firefox"
			? {
					// Firefox's default adds upgrade-insecure-requests, which turns every http:// request
					// but loopback into https://: an http:// backend on the LAN, or "Check now" on an
					// http:// MinIO URL, would fail there and work in Chrome.
					content_security_policy: { extension_pages: "script-src 'self'" },
					browser_specific_settings: {
						gecko: {
							id: FIREFOX_EXTENSION_ID,
							// 140 (an ESR) is the first to read data_collection_permissions.
							strict_min_version: "140.0",
							// Signet sends nothing anywhere but the user's own backend.
							data_collection_permissions: { required: ["none"] },
						},
						// Firefox for Android reads data_collection_permissions from 142.
						gecko_android: { strict_min_version: "142.0" },
					},
				}
			: { key: CHROME_KEY, minimum_chrome_version: "120" }),
	});
}
