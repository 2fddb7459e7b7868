/**
 * The built extension in Firefox ESR against the real backend and a signature-checking S3 server:
 * background script, sign-in, share, inspector and page inspection, all through the extension's own
 * pages, clicked and typed into. Skipped only where no Firefox is installed outside CI.
 *
 * Permissions: the test build lists 127.0.0.1 in host_permissions, which Firefox (127+) grants at
 * install, so the extension's own permissions.request() calls for 127.0.0.1 resolve at once, as for
 * a user who already allowed the host. For a host not yet granted Firefox shows its own prompt,
 * browser UI outside any page that WebDriver BiDi cannot click: that path stays untested here.
 */
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presign } from "./support/aws-presign.ts";
import { type Backend, BUCKET, startBackend } from "./support/backend.ts";
import {
	BACKGROUND_IDLE_MS,
	FIREFOX_SKIP_REASON,
	type FirefoxExtension,
	launchFirefoxExtension,
} from "./support/firefox.ts";
import { readBadgeAfter } from "./support/page-probes.ts";
import { LOCAL_LONG_TERM } from "./support/s3-server.ts";
import { screenshotPath } from "./support/screenshots.ts";
import {
	HTML,
	linkItem,
	serveSite,
	type TestSite,
	teamReportUrl,
} from "./support/test-site.ts";

const README = "This object lives in the local demo bucket.\n";

if (FIREFOX_SKIP_REASON)
	console.warn(
		`[signet] Firefox extension tests skipped: ${FIREFOX_SKIP_REASON}`,
	);

/** Text of the first element matching `selector`, or null while there is none. */
const textOf = (page: Page, selector: string) =>
	page.$eval(selector, (element) => element.textContent).catch(() => null);

describe.skipIf(FIREFOX_SKIP_REASON !== null)(
	`the extension in Firefox${FIREFOX_SKIP_REASON ? ` (skipped: ${FIREFOX_SKIP_REASON})` : ""}`,
	() => {
		let backend: Backend;
		let firefox: FirefoxExtension;
		let site: TestSite;
		let siteHtml = "";

		beforeAll(async () => {
			backend = await startBackend({
				objects: { "reports/README.txt": README },
				profiles: (base) => [
					{ id: "reports", label: "Reports", ...base, maxTtlSeconds: 604_800 },
				],
			});
			site = await serveSite((path) =>
				path === "/" ? { type: HTML, body: siteHtml } : undefined,
			);
			siteHtml = await pageWithLinks();
			firefox = await launchFirefoxExtension();
		}, 60_000);

		afterAll(async () => {
			await firefox?.close();
			await site?.close();
			await backend?.close();
		});

		async function signIn(token: string): Promise<Page> {
			const page = await firefox.open("options/index.html", {
				width: 900,
				height: 760,
			});
			await page.locator("#backend").fill(backend.server.url);
			await page.locator("#token").fill(token);
			await page.locator("button[type=submit]").click();
			return page;
		}

		it("runs its background script, which answers the pages, with 127.0.0.1 granted at install", async () => {
			const page = await firefox.open("options/index.html");
			const background = await page.evaluate(async () => {
				const window = await chrome.runtime.getBackgroundPage();
				return window?.location.pathname;
			});
			// Firefox runs an MV3 background as an event page (background.scripts), not a service worker.
			expect(background).toBe("/_generated_background_page.html");
			expect(
				await page.evaluate(() =>
					chrome.runtime.sendMessage({ type: "getSettings", payload: {} }),
				),
			).toMatchObject({ ok: true, value: { signedIn: false } });
			expect(
				await page.evaluate(() => chrome.permissions.getAll()),
			).toMatchObject({ origins: ["http://127.0.0.1/*"] });
			await page.close();
		});

		it("ships a page policy without Firefox's upgrade-insecure-requests, so http:// hosts on the LAN stay http://", async () => {
			// Firefox's default MV3 policy for extension pages would send an http:// backend or an http://
			// MinIO URL ("Check now") over https://. Only loopback exists here, which Firefox never
			// upgrades, so this reads the policy Firefox installed rather than watching a request.
			const page = await firefox.open("options/index.html");
			const policy = await page.evaluate(
				() => chrome.runtime.getManifest().content_security_policy,
			);
			expect(policy).toEqual({ extension_pages: "script-src 'self'" });
			await page.close();
		});

		it("wakes its background page again after Firefox suspended it for being idle", async () => {
			const page = await firefox.open("options/index.html");
			// The background page's time origin changes when Firefox starts it anew.
			const startedAt = () =>
				page.evaluate(
					async () =>
						(await chrome.runtime.getBackgroundPage())?.performance.timeOrigin,
				);
			const first = await startedAt();
			await new Promise((done) => setTimeout(done, BACKGROUND_IDLE_MS + 2000));
			expect(
				await page.evaluate(() =>
					chrome.runtime.sendMessage({ type: "getSettings", payload: {} }),
				),
			).toMatchObject({ ok: true });
			expect(await startedAt()).toBeGreaterThan(
				first ?? Number.POSITIVE_INFINITY,
			);
			await page.close();
		});

		it("shows the backend's refusal of a wrong token", async () => {
			const page = await signIn(`${backend.tokens.alice.slice(0, -4)}xxxx`);
			await expect
				.poll(() => textOf(page, ".error"))
				.toContain("refused your API token");
			await page.close();
		});

		it("signs in from the options page with the backend URL and a token", async () => {
			const page = await signIn(backend.tokens.alice);
			await expect.poll(() => textOf(page, "main")).toContain("as alice");
			expect(await textOf(page, "main")).toContain(backend.server.url);
			await page.close();
		});

		it("shares an object from the popup: the copied URL downloads it from S3, and the countdown runs", async () => {
			const page = await firefox.open(
				`popup/index.html?bucket=${BUCKET}&key=reports/README.txt`,
			);
			await page.waitForSelector("#key");
			expect(await page.$eval("input#key", (input) => input.value)).toBe(
				"reports/README.txt",
			);
			await page.select("#ttl", "custom");
			await page.locator("#custom-minutes").fill("5");
			await page.locator("#create").click();
			await page.waitForSelector("#share-url");
			const url = await page.$eval("input#share-url", (input) => input.value);
			await expect.poll(() => textOf(page, "#copy-state")).toContain("Copied");
			const download = await fetch(url);
			expect(download.status).toBe(200);
			expect(await download.text()).toBe(README);
			const before = await textOf(page, "#countdown");
			expect(before).toMatch(
				/^expires in 4 min (5\d|[1-9]) s$|^expires in 5 min$/,
			);
			await new Promise((done) => setTimeout(done, 2100));
			const after = await textOf(page, "#countdown");
			expect(after).not.toBe(before);
			expect(after).toMatch(/^expires in 4 min \d+ s$/);
			await page.screenshot({
				path: await screenshotPath("firefox-popup.png"),
			});
			await page.close();
		});

		it("decodes a presigned URL in the inspector, and explains why S3 refuses it", async () => {
			const expired = await presign({
				bucket: BUCKET,
				key: "reports/README.txt",
				endpoint: backend.s3.endpoint,
				forcePathStyle: true,
				credentials: LOCAL_LONG_TERM,
				signingDate: new Date(Date.now() - 120_000),
				expiresIn: 60,
			});
			const page = await firefox.open(
				`inspector/index.html?url=${encodeURIComponent(expired)}`,
				{ width: 1000, height: 900 },
			);
			await expect.poll(() => textOf(page, "main")).toContain("README.txt");
			const details = await textOf(page, "main");
			expect(details).toContain(LOCAL_LONG_TERM.accessKeyId);
			expect(details).toContain("us-east-1");
			await page.locator(".actions button.primary").click(); // "Check now"
			await page.waitForSelector("section.verdict");
			const verdict = await textOf(page, "section.verdict");
			expect(verdict).toContain("Expired");
			expect(verdict).toContain("403");
			await page.close();
		});

		it("marks presigned links on a site turned on in the options, with a hover card, and leaves plain links alone", async () => {
			const options = await firefox.open("options/index.html", {
				width: 900,
				height: 760,
			});
			await options
				.locator("input[placeholder='https://intranet.example.com']")
				.fill(site.origin);
			await options.locator("form.row button[type=submit]").click(); // "Turn on"
			await expect
				.poll(() => textOf(options, "#inspected-sites"))
				.toContain(site.origin);
			await options.close();

			const page = await firefox.browser.newPage();
			await page.goto(`${site.origin}/`);
			await page.waitForFunction(
				() => document.getElementsByTagName("signet-badge").length === 3,
			);
			const badgeAfter = (selector: string) =>
				page.evaluate(readBadgeAfter, selector);
			expect(await badgeAfter("#valid")).toEqual({
				level: "ok",
				text: "1 h 59 min",
			});
			expect(await badgeAfter("#soon")).toEqual({
				level: "soon",
				text: "9 min",
			});
			expect(await badgeAfter("#expired")).toEqual({
				level: "expired",
				text: "expired",
			});
			expect(await badgeAfter("#plain")).toBeNull();

			const card = () =>
				page.evaluate(() =>
					document
						.querySelector("signet-card")
						?.shadowRoot?.querySelector(".c")
						?.textContent?.trim(),
				);
			expect(await card()).toBeUndefined();
			await page.hover("#soon + signet-badge");
			await expect.poll(card).toContain("team-reports/2025/q2-draft.docx");
			expect(await card()).toMatch(/expires in 9 min \d+ s/);
			await page.close();
		});

		it("looked up no host name: Firefox stayed on 127.0.0.1 throughout", async () => {
			expect(await firefox.lookedUpHosts()).toEqual([]);
		});
	},
);

/** Links at a realistic S3 host, never fetched: two alive, one expired, one not presigned. */
async function pageWithLinks(): Promise<string> {
	const [valid, soon, expired] = await Promise.all([
		teamReportUrl("2025/q1-report.pdf", 7200),
		teamReportUrl("2025/q2-draft.docx", 600),
		teamReportUrl("2024/q4-report.pdf", 3600, 3 * 86_400),
	]);
	return `<!doctype html><html><head><meta charset="utf-8"><title>Team reports</title></head>
<body><h1>Team reports</h1><ul>
${linkItem("valid", valid, "Q1 report.pdf")}
${linkItem("soon", soon, "Q2 draft.docx")}
${linkItem("expired", expired, "Q4 report.pdf")}
${linkItem("plain", "https://example.com/about", "About this folder")}
</ul></body></html>`;
}
