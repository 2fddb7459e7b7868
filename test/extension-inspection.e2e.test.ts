/**
 * Page inspection in Chromium with the built extension: turned on for a site through the background
 * (setSiteInspection → registered content script), badges with the right colours, the hover card,
 * links added later, no second copy, turned off again — and no request to any host but the page's.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	CONTENT_SCRIPT_MESSAGES,
	MESSAGES,
} from "../extension/lib/message-schemas.ts";
import { parseBasicDateTime } from "../shared/presigned/fields.ts";
import { presign } from "./support/aws-presign.ts";
import {
	type ExtensionBrowser,
	launchExtension,
	TEST_EXTENSION_DIR,
} from "./support/browser.ts";
import { countBadges, readBadgeAfter } from "./support/page-probes.ts";
import { screenshotPath } from "./support/screenshots.ts";
import {
	HTML,
	linkItem,
	serveSite,
	type TestSite,
	teamReportUrl,
} from "./support/test-site.ts";

const SCRIPT = "content/inspect-page.js";
const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64"><rect width="160" height="64" rx="6" fill="#f6f8fa"/><path d="M10 54 L40 38 L70 44 L100 20 L130 28 L150 12" stroke="#0969da" stroke-width="3" fill="none"/></svg>`;

let browser: ExtensionBrowser;
let site: TestSite;
let origin = "";
let page: Page;
const requests: string[] = [];

async function testPage(): Promise<string> {
	const [valid, amber, red, expired, temporary, image, ...later] =
		await Promise.all([
			teamReportUrl("2025/q1-report.pdf", 7200),
			teamReportUrl("2025/q2-draft.docx", 600),
			teamReportUrl("exports/customers.csv", 120),
			teamReportUrl("2024/q4-report.pdf", 3600, 3 * 86_400),
			teamReportUrl("scratch/notes.txt", 7200, 0, true),
			// The image is fetched, so it points at this page's server (path-style), not at AWS.
			presign({
				bucket: "team-reports",
				key: "charts/revenue.svg",
				endpoint: origin,
				forcePathStyle: true,
				expiresIn: 3600,
				signingDate: new Date(),
			}),
			...Array.from({ length: 50 }, (_, i) =>
				teamReportUrl(`later/file-${i}.bin`, 7200),
			),
		]);
	return `<!doctype html><html><head><meta charset="utf-8"><title>Team reports</title>
<style>body{font:15px/1.6 system-ui,sans-serif;margin:32px 40px;color:#1f2328;max-width:720px}h1{font-size:22px;margin:0 0 4px}
p.lead{color:#59636e;margin:0 0 16px}ul{padding-left:20px}li{margin:6px 0}.note{color:#59636e;font-size:13px}
a{color:#0969da}a + span, li span{margin-left:6px} #more{columns:3;font-size:13px;margin-top:12px}</style></head>
<body><h1>Team reports</h1><p class="lead">Download links shared in this week's update.</p><ul>
${linkItem("valid", valid, "Q1 report.pdf", "shared today, for 2 hours")}
${linkItem("amber", amber, "Q2 draft.docx", "10-minute link")}
${linkItem("red", red, "customers.csv", "2-minute link")}
${linkItem("expired", expired, "Q4 report.pdf", "from last week")}
${linkItem("temporary", temporary, "notes.txt", "signed with temporary credentials")}
${linkItem("plain", "https://example.com/about", "About this folder", "not presigned")}
</ul><img id="chart" alt="Revenue chart" src="${image.replaceAll("&", "&amp;")}" width="160" height="64">
<p id="tight" style="font:12px/1 system-ui,sans-serif;color:#59636e">Mirror (set solid, line-height 1): <a id="mirror" href="${valid.replaceAll("&", "&amp;")}&amp;mirror=1">q1-report.pdf</a></p>
<ul id="more"></ul>
<script>setTimeout(() => { for (const [i, href] of ${JSON.stringify(later)}.entries()) {
	const li = document.createElement("li"), a = document.createElement("a"); a.href = href; a.textContent = "later-" + i + ".bin";
	li.append(a); document.getElementById("more").append(li);
} }, 500);</script></body></html>`;
}

/** Colour class and text of the badge right after `selector`, read from its shadow root. */
function badgeAfter(selector: string) {
	return page.evaluate(readBadgeAfter, selector);
}

const badgeCount = () => page.evaluate(countBadges);

/** Sends a message to the background the way the options page does, from an extension page. */
async function sendFromExtension(type: string, payload: unknown) {
	const extensionPage = await browser.context.newPage();
	await extensionPage.goto(browser.url("popup/index.html"));
	const reply = await extensionPage.evaluate(
		([type, payload]) => chrome.runtime.sendMessage({ type, payload }),
		[type, payload] as const,
	);
	await extensionPage.close();
	return reply as { ok: boolean; error?: { message: string } };
}

/** 3,000 presigned links, one per line: more than the page's viewport segments watch one by one. */
async function longPage(): Promise<string> {
	const url = await teamReportUrl("2025/archive.zip", 7200);
	const items = Array.from({ length: LONG_PAGE_LINKS }, (_, i) =>
		linkItem(`n${i}`, `${url}&part=${i}`, `archive part ${i}`),
	);
	return `<!doctype html><meta charset="utf-8"><title>Archive</title><style>li{height:24px}</style><ul>${items.join("")}</ul>`;
}
const LONG_PAGE_LINKS = 3000;

beforeAll(async () => {
	let html = "";
	let long = "";
	site = await serveSite((path) =>
		path.startsWith("/team-reports/charts/")
			? { type: "image/svg+xml", body: CHART }
			: path === "/"
				? { type: HTML, body: html }
				: path === "/long"
					? { type: HTML, body: long }
					: undefined,
	);
	origin = site.origin;
	[html, long] = await Promise.all([testPage(), longPage()]);
	browser = await launchExtension();
	browser.context.on("request", (request) => requests.push(request.url()));
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

describe("page inspection", () => {
	it("carries the decoder but not its failure messages: it only badges what decodes", async () => {
		const code = await readFile(join(TEST_EXTENSION_DIR, SCRIPT), "utf8");
		expect(code).toContain("temporary-credentials");
		// decode-messages.ts: decode() explains failures, the script calls decodeQuietly() only.
		expect(code).not.toContain("is not an ISO 8601 UTC time");
		expect(code).not.toContain("percent-escape");
	});

	it("registers the inspection script for exactly the site turned on", async () => {
		expect(
			await sendFromExtension("setSiteInspection", { origin, enabled: true }),
		).toMatchObject({ ok: true });
		const registered = await browser.serviceWorker.evaluate(() =>
			chrome.scripting.getRegisteredContentScripts(),
		);
		expect(registered).toEqual([
			expect.objectContaining({
				id: "signet-inspect",
				js: [SCRIPT],
				matches: [`${origin}/*`],
				runAt: "document_idle",
			}),
		]);
	});

	it("marks each presigned link with its expiry colour, and leaves plain links alone", async () => {
		page = await browser.context.newPage();
		await page.goto(`${origin}/`);
		await page.waitForFunction(
			() => document.getElementsByTagName("signet-badge").length >= 6,
		);
		expect(await badgeAfter("#valid")).toEqual({
			level: "ok",
			text: "1 h 59 min",
		});
		expect(await badgeAfter("#amber")).toEqual({
			level: "soon",
			text: "9 min",
		});
		expect(await badgeAfter("#red")).toEqual({
			level: "urgent",
			text: "1 min",
		});
		expect(await badgeAfter("#expired")).toEqual({
			level: "expired",
			text: "expired",
		});
		expect(await badgeAfter("#temporary")).toEqual({
			level: "ok",
			text: "≤ 1 h 59 min",
		});
		expect(await badgeAfter("#chart")).toEqual({
			level: "soon",
			text: "59 min",
		});
		expect(await badgeAfter("#plain")).toBeNull();
	});

	it("marks links the page adds later", async () => {
		await page.waitForFunction(
			() => document.querySelectorAll("#more signet-badge").length === 50,
		);
		expect(await badgeCount()).toBe(57);
	});

	it("shows the hover card with the object and a live expiry, and opens the inspector from it", async () => {
		await page.hover("#amber + signet-badge");
		const card = page.locator("signet-card .c");
		await expect.poll(() => card.isVisible()).toBe(true);
		const text = await card.textContent();
		expect(text).toContain("team-reports/2025/q2-draft.docx");
		expect(text).toMatch(/expires in 9 min \d+ s/);
		expect(text).toContain("eu-west-1");
		expect(text).toContain("AKIAIOSFODNN7EXAMPLE · long-term key");
		// Times in UTC to the minute, as the popup and the inspector give them: X-Amz-Date + 600 s.
		const signed = new URL(
			(await page.getAttribute("#amber", "href")) ?? "",
		).searchParams.get("X-Amz-Date");
		const at = (ms: number) =>
			`${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
		const signedMs = parseBasicDateTime(signed ?? "") ?? Number.NaN;
		expect(text).toContain(`Signed at${at(signedMs)}`);
		expect(text).toContain(`Expires${at(signedMs + 600_000)}`);

		await page.mouse.move(600, 20);
		await expect.poll(() => card.isVisible()).toBe(false);
		await page.hover("#temporary + signet-badge");
		await expect.poll(() => card.textContent()).toContain("scratch/notes.txt");
		const temporary = await card.textContent();
		expect(temporary).toMatch(/expires in 1 h 59 min at the latest/);
		expect(temporary).toContain("ASIAIOSFODNN7EXAMPLE · temporary credentials");
		expect(temporary).toContain("Signed with temporary credentials");
		await page.screenshot({
			path: await screenshotPath("badges.png"),
			clip: { x: 0, y: 0, width: 760, height: 600 },
		});

		const inspector = browser.context.waitForEvent("page");
		await card.getByRole("button", { name: "Open in inspector" }).click();
		const opened = await inspector;
		expect(opened.url()).toContain(browser.url("inspector/index.html?url="));
		expect(
			decodeURIComponent(new URL(opened.url()).searchParams.get("url") ?? ""),
		).toContain("scratch/notes.txt");
		await opened.close();
	});

	it("follows links whose address changes: a badge comes, or goes", async () => {
		await page.evaluate(() => {
			const link = (id: string) =>
				document.getElementById(id) as HTMLAnchorElement;
			link("plain").href = `${link("valid").href}&copy=1`;
			link("red").href = "https://example.com/customers.csv";
		});
		await expect
			.poll(() => badgeAfter("#plain"))
			.toMatchObject({ level: "ok" });
		await expect.poll(() => badgeAfter("#red")).toBeNull();
	});

	it("does not start a second copy when the page is inspected again", async () => {
		await browser.serviceWorker.evaluate(
			async ([url, file]) => {
				const [tab] = await chrome.tabs.query({ url });
				await chrome.scripting.executeScript({
					target: { tabId: tab?.id ?? -1 },
					files: [file],
				});
			},
			[`${origin}/*`, SCRIPT] as const,
		);
		await page.waitForTimeout(300);
		expect(await badgeCount()).toBe(57);
	});

	it("opens the card from the keyboard, loading it first on a page that has not shown it yet", async () => {
		const fresh = await browser.context.newPage();
		try {
			await fresh.goto(`${origin}/`);
			const pill = fresh.locator("#valid + signet-badge .b");
			await pill.focus();
			await fresh.keyboard.press("Enter");
			// Still there once the focus moved into it (the badge's focusout asked to hide it in 300 ms).
			await fresh.waitForTimeout(600);
			const button = fresh
				.locator("signet-card .c")
				.getByRole("button", { name: "Open in inspector" });
			await expect.poll(() => button.isVisible()).toBe(true);
			await expect
				.poll(() => button.evaluate((element) => element.matches(":focus")))
				.toBe(true);
			expect(await fresh.locator("signet-card .c").textContent()).toContain(
				"2025/q1-report.pdf",
			);
		} finally {
			await fresh.close();
		}
	});

	it("answers a page's content script what it needs (card, inspector, not too often) and nothing else", async () => {
		// A tab of its own (the card test just opened the inspector from the first one).
		const fresh = await browser.context.newPage();
		await fresh.goto(`${origin}/`);
		await fresh.waitForFunction(countBadges);
		// The content script's isolated world, where a compromised page renderer could forge messages.
		const cdp = await browser.context.newCDPSession(fresh);
		const worlds: { id: number; origin: string }[] = [];
		cdp.on("Runtime.executionContextCreated", ({ context }) =>
			worlds.push(context),
		);
		await cdp.send("Runtime.enable");
		const world = worlds.find(
			(context) =>
				context.origin === `chrome-extension://${browser.extensionId}`,
		);
		expect(world).toBeDefined();
		const ask = async (type: string, payload = {}) =>
			(
				await cdp.send("Runtime.evaluate", {
					contextId: world?.id,
					expression: `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`,
					awaitPromise: true,
					returnByValue: true,
				})
			).result.value;
		for (const type of Object.keys(MESSAGES)) {
			if (CONTENT_SCRIPT_MESSAGES.has(type as keyof typeof MESSAGES)) continue;
			expect(await ask(type), type).toMatchObject({
				ok: false,
				error: { code: "forbidden" },
			});
		}
		expect(await ask("loadCard")).toEqual({ ok: true, value: null });
		// The inspector, once per tab every few seconds: a page cannot flood the browser with tabs.
		const url = `${origin}/inspect-me?X-Amz-Signature=abc`;
		const opened = browser.context.waitForEvent("page");
		expect(await ask("openInspector", { url })).toEqual({
			ok: true,
			value: null,
		});
		expect(await ask("openInspector", { url })).toMatchObject({
			ok: false,
			error: { code: "too_many_requests" },
		});
		await (await opened).close();
		await cdp.detach();
		await fresh.close();
	});

	it("on a long page, badges the links near the viewport, and more as the user scrolls there", async () => {
		const long = await browser.context.newPage();
		try {
			await long.goto(`${origin}/long`);
			const badged = (id: string) =>
				long.evaluate(readBadgeAfter, `#${id}`).then(Boolean);
			const count = () => long.evaluate(countBadges);
			await expect.poll(() => badged("n0")).toBe(true);
			// 800 px of viewport and as much again below it: 34 lines of 24 px each, and a segment more.
			await long.waitForTimeout(500);
			const first = await count();
			expect(first).toBeGreaterThanOrEqual(60);
			expect(first).toBeLessThan(300);
			expect(await badged("n1500")).toBe(false);

			for (const id of ["n1500", `n${LONG_PAGE_LINKS - 1}`]) {
				await long.evaluate(
					(id) =>
						document.getElementById(id)?.scrollIntoView({ block: "center" }),
					id,
				);
				await expect.poll(() => badged(id)).toBe(true);
			}
			// Jumped over, never near the viewport: the way down has none. Three places seen, about
			// 100 lines each (the viewport and one above and below it): nowhere near 3,000 badges.
			expect(await badged("n800")).toBe(false);
			expect(await count()).toBeLessThan(500);
		} finally {
			await long.close();
		}
	});

	it("removes every badge when the site is turned off, and unregisters the script", async () => {
		// Badges never make a line taller (that would move, and repaint, everything below it).
		const layout = () =>
			page.evaluate(() => [
				document.documentElement.scrollHeight,
				(document.getElementById("tight") as HTMLElement).offsetHeight,
			]);
		const withBadges = await layout();
		expect(
			await sendFromExtension("setSiteInspection", { origin, enabled: false }),
		).toMatchObject({ ok: true });
		await page.waitForFunction(
			() => document.querySelectorAll("signet-badge, signet-card").length === 0,
		);
		expect(await layout()).toEqual(withBadges);
		expect(
			await browser.serviceWorker.evaluate(() =>
				chrome.scripting.getRegisteredContentScripts(),
			),
		).toEqual([]);
	});

	it("sent no request anywhere but the page's own server", () => {
		const pageRequests = requests.filter(
			(url) => !url.startsWith("chrome-extension://"),
		);
		expect(pageRequests.length).toBeGreaterThan(0);
		for (const url of pageRequests) expect(new URL(url).origin).toBe(origin);
	});
});
