/** Debian's Chromium with the built extension loaded, driven by Playwright (it cannot download browsers here). */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";

export const CHROMIUM = process.env.SIGNET_CHROMIUM ?? "/usr/bin/chromium";
/** The test build: dist/chrome with 127.0.0.1 pre-granted (see extension/manifest.ts). */
export const TEST_EXTENSION_DIR = resolve("dist/chrome-test");

/** Throws, saying what to do, when the browser or the built extension is missing. */
export function assertLaunchable(options: {
	browser: string;
	install: string;
	extensionDir: string;
}): void {
	if (!existsSync(options.browser)) {
		throw new Error(`No browser at ${options.browser}: ${options.install}.`);
	}
	if (!existsSync(join(options.extensionDir, "manifest.json"))) {
		throw new Error(
			`No built extension at ${options.extensionDir}: the test setup builds it (test/global-setup.ts).`,
		);
	}
}

/** A fresh, empty browser profile; the caller removes it on close. */
export function createProfileDir(browser: string): Promise<string> {
	return mkdtemp(join(tmpdir(), `signet-${browser}-`));
}

export interface ExtensionBrowser {
	context: BrowserContext;
	extensionId: string;
	serviceWorker: Worker;
	/** chrome-extension://ID/path */
	url(path: string): string;
	close(): Promise<void>;
}

export async function launchExtension(
	extensionDir = TEST_EXTENSION_DIR,
): Promise<ExtensionBrowser> {
	assertLaunchable({
		browser: CHROMIUM,
		install: "apt-get install -y chromium (or set SIGNET_CHROMIUM)",
		extensionDir,
	});
	const profile = await createProfileDir("chromium");
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: false,
		viewport: { width: 1100, height: 800 },
		args: [
			"--headless=new",
			"--no-sandbox",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--no-first-run",
			`--disable-extensions-except=${extensionDir}`,
			`--load-extension=${extensionDir}`,
		],
	});
	const serviceWorker =
		context.serviceWorkers()[0] ??
		(await context.waitForEvent("serviceworker"));
	const extensionId = new URL(serviceWorker.url()).host;
	return {
		context,
		extensionId,
		serviceWorker,
		url: (path) => `chrome-extension://${extensionId}/${path}`,
		close: async () => {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		},
	};
}
