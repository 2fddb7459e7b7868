/**
 * The built extension in Chromium against the real backend and a signature-checking S3 server:
 * sign in, share, count down, revoke, inspect, the context menus; and no AWS secret anywhere in the
 * extension.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROME_EXTENSION_ID } from "../extension/manifest.ts";
import { parseConfig } from "../server/config.ts";
import { type RunningServer, startServer } from "../server/node.ts";
import { issueToken } from "../server/tokens.ts";
import { presign } from "./support/aws-presign.ts";
import {
	type ExtensionBrowser,
	launchExtension,
	TEST_EXTENSION_DIR,
} from "./support/browser.ts";
import {
	LOCAL_LONG_TERM,
	type S3Server,
	startS3Server,
} from "./support/s3-server.ts";
import { screenshotPath } from "./support/screenshots.ts";
import { HTML, serveSite } from "./support/test-site.ts";

const README = "This object lives in the local demo bucket.\n";
let s3: S3Server;
let server: RunningServer;
let browser: ExtensionBrowser;
let dataDir: string;
let token = "";

beforeAll(async () => {
	s3 = await startS3Server({
		buckets: [
			{
				name: "demo",
				objects: { "README.txt": README, "reports/q1.csv": "a,b\n" },
			},
		],
	});
	process.env.AWS_ACCESS_KEY_ID = LOCAL_LONG_TERM.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY = LOCAL_LONG_TERM.secretAccessKey;
	dataDir = await mkdtemp(join(tmpdir(), "signet-ext-"));
	server = await startServer({
		config: parseConfig({
			extensionOrigins: [`chrome-extension://${CHROME_EXTENSION_ID}`],
			profiles: [
				{
					id: "demo",
					label: "Demo bucket",
					bucket: "demo",
					region: "us-east-1",
					endpoint: s3.endpoint,
					maxTtlSeconds: 604_800,
				},
			],
		}),
		dataDir,
		host: "127.0.0.1",
		port: 0,
		log: () => {},
	});
	token = (
		await issueToken(server.store.tokens, {
			user: "alice",
			role: "member",
			now: new Date(),
		})
	).token;
	browser = await launchExtension();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
	await s3?.close();
	await rm(dataDir, { recursive: true, force: true });
});

async function open(
	path: string,
	size = { width: 420, height: 760 },
): Promise<Page> {
	const page = await browser.context.newPage();
	await page.setViewportSize(size);
	await page.goto(browser.url(path));
	return page;
}

async function signIn(withToken: string): Promise<Page> {
	const page = await open("options/index.html", { width: 900, height: 760 });
	await page.fill("#backend", server.url);
	await page.fill("#token", withToken);
	await page.click("button[type=submit]");
	return page;
}

describe("the extension", () => {
	it("has the id its manifest key promises", () => {
		expect(browser.extensionId).toBe(CHROME_EXTENSION_ID);
	});

	it("shows the backend's refusal of a wrong token", async () => {
		const page = await signIn(`${token.slice(0, -4)}xxxx`);
		await expect
			.poll(() => page.textContent(".error"))
			.toContain("refused your API token");
		await page.close();
	});

	it("signs in with a good token", async () => {
		const page = await signIn(token);
		await expect.poll(() => page.textContent("main")).toContain("as alice");
		await page.close();
	});

	it("shares an object from the popup: the copied URL downloads it, and the countdown runs", async () => {
		const page = await open("popup/index.html?bucket=demo&key=README.txt");
		await page.waitForSelector("#key");
		expect(await page.inputValue("#key")).toBe("README.txt");
		await page.selectOption("#ttl", "custom");
		await page.fill("#custom-minutes", "5");
		await page.click("#create");
		await page.waitForSelector("#share-url");
		const url = await page.inputValue("#share-url");
		await expect
			.poll(() => page.textContent("#copy-state"))
			.toContain("Copied");
		const download = await fetch(url);
		expect(download.status).toBe(200);
		expect(await download.text()).toBe(README);
		const before = await page.textContent("#countdown");
		expect(before).toMatch(
			/^expires in 4 min (5\d|[1-9]) s$|^expires in 5 min$/,
		);
		await page.waitForTimeout(2100);
		const after = await page.textContent("#countdown");
		expect(after).not.toBe(before);
		expect(after).toMatch(/^expires in 4 min \d+ s$/);
		await page.screenshot({ path: await screenshotPath("popup-share.png") });
		await page.close();
	});

	it("revokes a managed link from My shares, after which it answers 410", async () => {
		const page = await open("popup/index.html?bucket=demo&key=reports/q1.csv");
		await page.waitForSelector("#mode");
		await page.selectOption("#mode", "managed");
		await page.click("#create");
		const url = await (await page.waitForSelector("#share-url")).inputValue();
		expect((await fetch(url, { redirect: "manual" })).status).toBe(302);
		await page.click("text=My shares");
		const row = page
			.locator(".share-row", { hasText: "reports/q1.csv" })
			.first();
		await row.locator("button.revoke").click();
		await row.locator(".confirm button.danger").click();
		await expect
			.poll(() => row.locator(".status").textContent())
			.toBe("revoked");
		expect(await page.textContent(".notice")).toContain("410");
		expect(await row.locator(".row.muted").textContent()).toMatch(
			/^managed · 1 download(?!s)/,
		);
		await page.screenshot({
			path: await screenshotPath("popup-my-shares.png"),
		});
		expect((await fetch(url)).status).toBe(410);
		await page.close();
	});

	describe("prefill from the page in front", () => {
		const PAGE = `<!doctype html><p>This quarter's numbers: <code id="where">s3://demo/reports/q1.csv</code></p>`;

		/** Selects the s3:// text on `page` and opens the popup as the toolbar button would over it. */
		async function popupOver(page: Page): Promise<Page> {
			await page.locator("#where").waitFor();
			await page.evaluate(() => {
				const range = document.createRange();
				range.selectNodeContents(document.getElementById("where") as Node);
				getSelection()?.addRange(range);
			});
			await page.bringToFront();
			// A tab behind the page, which stays its window's active tab: the popup reads the same
			// as when it opens over the page.
			const popupOpened = browser.context.waitForEvent("page");
			await browser.serviceWorker.evaluate(
				async ([url, pageUrl]) => {
					const [tab] = await chrome.tabs.query({ url: pageUrl });
					await chrome.tabs.create({
						url,
						active: false,
						windowId: tab?.windowId,
					});
				},
				[browser.url("popup/index.html"), page.url()] as const,
			);
			return popupOpened;
		}

		it("prefills the share form from s3:// text selected on the page in front", async () => {
			const site = await serveSite(() => ({ type: HTML, body: PAGE }));
			const page = await browser.context.newPage();
			try {
				await page.goto(`${site.origin}/`);
				const popup = await popupOver(page);
				await expect
					.poll(() => popup.locator("#key").inputValue())
					.toBe("reports/q1.csv");
				expect(await popup.locator("#profile").inputValue()).toBe("demo");
				await popup.close();
			} finally {
				await page.close();
				await site.close();
			}
		});

		it("reads a page that is still loading without waiting for it to finish", async () => {
			// The page's text arrives, and the response never ends.
			const server = createServer((_, response) => {
				response.writeHead(200, { "content-type": HTML }).write(PAGE);
			});
			await new Promise<void>((listening) =>
				server.listen(0, "127.0.0.1", listening),
			);
			const page = await browser.context.newPage();
			try {
				const { port } = server.address() as AddressInfo;
				await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "commit" });
				const popup = await popupOver(page);
				await expect
					.poll(() => popup.locator("#key").inputValue())
					.toBe("reports/q1.csv");
				await popup.close();
			} finally {
				await page.close();
				server.closeAllConnections();
				server.close();
			}
		});
	});

	describe("context menus", () => {
		/** What a right-click on a page would send: Chrome dispatches the event, the background acts. */
		const click = (info: Record<string, string>) =>
			browser.serviceWorker.evaluate(
				(info) =>
					(
						chrome.contextMenus.onClicked as unknown as {
							dispatch(info: object, tab?: object): void;
						}
					).dispatch({
						editable: false,
						pageUrl: "https://example.com/",
						...info,
					}),
				info,
			);
		const opened = async (info: Record<string, string>) => {
			const page = browser.context.waitForEvent("page");
			await click(info);
			const next = await page;
			await next.waitForLoadState();
			return next;
		};

		it("offers Share with Signet and Inspect presigned URL (update fails for a menu never made)", async () => {
			const exists = (id: string) =>
				browser.serviceWorker.evaluate(
					(id) =>
						chrome.contextMenus.update(id, {}).then(
							() => true,
							() => false,
						),
					id,
				);
			// Made on install, a moment after the browser starts.
			for (const id of [
				"signet-share-link",
				"signet-share-selection",
				"signet-inspect-link",
			])
				await expect.poll(() => exists(id)).toBe(true);
			expect(await exists("signet-no-such-menu")).toBe(false);
		});

		it("Share with Signet on an S3 link opens the share form with its bucket and key", async () => {
			const page = await opened({
				menuItemId: "signet-share-link",
				linkUrl: "https://demo.s3.us-east-1.amazonaws.com/reports/q1.csv",
			});
			expect(page.url()).toBe(
				browser.url("popup/index.html?bucket=demo&key=reports%2Fq1.csv"),
			);
			await expect
				.poll(() => page.locator("#key").inputValue())
				.toBe("reports/q1.csv");
			await page.close();
		});

		it("Share with Signet on selected text says why when it names no S3 object", async () => {
			const good = await opened({
				menuItemId: "signet-share-selection",
				selectionText: "s3://demo/README.txt",
			});
			await expect
				.poll(() => good.locator("#key").inputValue())
				.toBe("README.txt");
			await good.close();
			const bad = await opened({
				menuItemId: "signet-share-selection",
				selectionText: "quarterly numbers",
			});
			await expect
				.poll(() => bad.textContent(".error"))
				.toContain(
					"'quarterly numbers' is not an S3 object: use s3://bucket/key",
				);
			await bad.close();
		});

		it("Inspect presigned URL opens the inspector on the link", async () => {
			const url = await presign({
				bucket: "demo",
				key: "reports/q1.csv",
				endpoint: s3.endpoint,
				forcePathStyle: true,
				credentials: LOCAL_LONG_TERM,
				expiresIn: 600,
			});
			const page = await opened({
				menuItemId: "signet-inspect-link",
				linkUrl: url,
			});
			expect(page.url()).toContain(browser.url("inspector/index.html?url="));
			await expect
				.poll(() => page.textContent("body"))
				.toContain("reports/q1.csv");
			await page.close();
		});
	});

	it("explains in the inspector why an expired URL fails", async () => {
		const expired = await presign({
			bucket: "demo",
			key: "README.txt",
			endpoint: s3.endpoint,
			forcePathStyle: true,
			credentials: LOCAL_LONG_TERM,
			signingDate: new Date(Date.now() - 120_000),
			expiresIn: 60,
		});
		const page = await open(
			`inspector/index.html?url=${encodeURIComponent(expired)}`,
			{ width: 1000, height: 900 },
		);
		await expect.poll(() => page.textContent("body")).toContain("README.txt");
		await page.click('button:has-text("Check now")');
		const verdict = page.locator("section.verdict");
		await verdict.waitFor();
		expect(await verdict.textContent()).toContain("Expired");
		expect(await verdict.textContent()).toContain("403");
		await page.screenshot({
			path: await screenshotPath("inspector.png"),
			fullPage: true,
		});
		await page.close();
	});

	it("keeps no AWS secret in its files or its storage", async () => {
		const storage = await browser.serviceWorker.evaluate(() =>
			chrome.storage.local.get(null),
		);
		const texts = [JSON.stringify(storage)];
		for (const file of await readdir(TEST_EXTENSION_DIR, { recursive: true })) {
			if (/\.(js|json|html|css)$/.test(file))
				texts.push(await readFile(join(TEST_EXTENSION_DIR, file), "utf8"));
		}
		const everything = texts.join("\n");
		expect(JSON.stringify(storage)).toContain("sgt_");
		expect(everything).not.toMatch(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/);
		expect(everything).not.toContain(LOCAL_LONG_TERM.secretAccessKey);
		expect(everything).not.toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
		expect(everything).not.toMatch(/aws_secret_access_key|secretAccessKey/i);
	});
});
