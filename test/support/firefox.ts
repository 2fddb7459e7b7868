/** Debian's Firefox ESR with the built extension installed, driven by puppeteer over WebDriver BiDi. */
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { FIREFOX_EXTENSION_ID } from "../../extension/manifest.ts";
import { assertLaunchable, createProfileDir } from "./browser.ts";

const FIREFOX = process.env.SIGNET_FIREFOX ?? "/usr/bin/firefox-esr";
/** The test build: dist/firefox with 127.0.0.1 granted at install (see extension/manifest.ts). */
export const FIREFOX_TEST_EXTENSION_DIR = resolve("dist/firefox-test");
/** Firefox picks a random moz-extension:// host per profile; the tests fix it to know the pages. */
const FIREFOX_EXTENSION_UUID = "5d1f3c2a-8e4b-4f6a-9c7d-2b0e1a3f4c5d";
const INSTALL = "apt-get install -y firefox-esr (or set SIGNET_FIREFOX)";

/**
 * Why the Firefox tests cannot run here, or null when they can. In CI (.ci/run installs Firefox)
 * a missing Firefox is no reason: the tests run and fail, saying what is missing.
 */
export const FIREFOX_SKIP_REASON =
	existsSync(FIREFOX) || isCi() ? null : `no Firefox at ${FIREFOX}: ${INSTALL}`;

function isCi(): boolean {
	const ci = process.env.CI ?? "";
	return ci !== "" && ci !== "0" && ci !== "false";
}

/**
 * Only the tests' 127.0.0.1 servers are reachable here, so what Firefox fetches on its own is
 * turned off: these on top of puppeteer's profile (updates, safe browsing, health report…) and the
 * remote agent's recommended prefs.
 */
const OFFLINE_PREFS = {
	// A release build honours this only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 (set below); without it,
	// remote settings poll firefox.settings.services.mozilla.com whatever the profile says.
	"services.settings.server": "data:,#remote-settings-dummy/v1",
	"toolkit.telemetry.enabled": false,
	"toolkit.telemetry.unified": false,
	"datareporting.policy.dataSubmissionEnabled": false,
	"network.captive-portal-service.enabled": false,
	"network.connectivity-service.enabled": false,
	"browser.region.network.url": "",
	"browser.region.update.enabled": false,
	"extensions.blocklist.enabled": false,
	"network.dns.disablePrefetch": true,
	"network.prefetch-next": false,
	"network.predictor.enabled": false,
};

/** Firefox suspends an idle background page after 30 s; tests make it 2 s to see it wake again. */
export const BACKGROUND_IDLE_MS = 2000;

export interface FirefoxExtension {
	browser: Browser;
	/** A new tab showing one of the extension's pages, loaded. */
	open(
		path: string,
		viewport?: { width: number; height: number },
	): Promise<Page>;
	/** Every host name Firefox looked up in DNS so far (from its MOZ_LOG=nsHostResolver log). */
	lookedUpHosts(): Promise<string[]>;
	close(): Promise<void>;
}

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
	const extensionDir = FIREFOX_TEST_EXTENSION_DIR;
	assertLaunchable({ browser: FIREFOX, install: INSTALL, extensionDir });
	const profile = await createProfileDir("firefox");
	const browser = await puppeteer.launch({
		browser: "firefox",
		executablePath: FIREFOX,
		headless: true,
		userDataDir: profile,
		// Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
		args: ["--remote-allow-system-access"],
		extraPrefsFirefox: {
			...OFFLINE_PREFS,
			"extensions.background.idle.timeout": BACKGROUND_IDLE_MS,
			"extensions.webextensions.uuids": JSON.stringify({
				[FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID,
			}),
		},
		env: {
			...process.env,
			MOZ_REMOTE_SETTINGS_DEVTOOLS: "1",
			MOZ_LOG: "sync,nsHostResolver:3",
			MOZ_LOG_FILE: join(profile, "dns"),
		},
	});
	try {
		await browser.installExtension(extensionDir);
	} catch (error) {
		await browser.close();
		throw error;
	}
	const url = (path: string) =>
		`moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
	return {
		browser,
		open: async (path, viewport = { width: 420, height: 760 }) => {
			const page = await browser.newPage();
			await page.setViewport(viewport);
			await navigate(page, url(path));
			return page;
		},
		lookedUpHosts: async () => {
			const logs = (await readdir(profile)).filter((f) => f.startsWith("dns"));
			// No log at all would make "no lookups" meaningless.
			if (!logs.includes("dns.moz_log"))
				throw new Error(`Firefox wrote no DNS log into ${profile}.`);
			const text = (
				await Promise.all(logs.map((f) => readFile(join(profile, f), "utf8")))
			).join("\n");
			const hosts = text.matchAll(/getaddrinfo for host \[([^\]]+)\]/g);
			return [...new Set([...hosts].map((match) => match[1] ?? ""))].sort();
		},
		close: async () => {
			await browser.close();
			await rm(profile, { recursive: true, force: true });
		},
	};
}

/**
 * page.goto() never settles on a moz-extension:// page: Firefox sends no load event for it over
 * BiDi. BiDi's own navigate waits for the document to be complete, so the tests use it.
 */
async function navigate(page: Page, url: string): Promise<void> {
	// Not in puppeteer's public types: the BiDi browsing context behind the page's main frame.
	const frame = page.mainFrame() as unknown as {
		browsingContext: { navigate(url: string, wait: "complete"): Promise<void> };
	};
	await frame.browsingContext.navigate(url, "complete");
}
