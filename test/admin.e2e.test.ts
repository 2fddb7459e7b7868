/**
 * The admin page in Debian's Chromium against the real backend over HTTP, a signature-checking S3
 * server and STS/IAM faked at their HTTP boundary: sign in, find a member's share and its visits,
 * revoke it, revoke a whole profile (checked in the IAM policy simulator), and the refusals.
 */

import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../server/node.ts";
import { createShareResponseSchema } from "../shared/api.ts";
import { type Backend, ROLE_ARN, startBackend } from "./support/backend.ts";
import { CHROMIUM } from "./support/browser.ts";
import type { FakeAws } from "./support/fake-aws.ts";
import { simulateSessionGet } from "./support/iam-simulator.ts";
import { screenshotPath } from "./support/screenshots.ts";

const VISITOR = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15";
let aws: FakeAws;
let server: RunningServer;
let backend: Backend;
let browser: Browser;
let page: Page;
const tokens = { admin: "", alice: "", bob: "" };

beforeAll(async () => {
	backend = await startBackend({
		objects: {
			"reports/2025/q1-revenue.csv": "month,revenue\nJan,1\n",
			"reports/2025/march/summary.pdf": "%PDF",
			"reports/board/minutes.pdf": "%PDF",
		},
		profiles: (base) => [
			{
				id: "reports",
				label: "Finance reports",
				...base,
				maxTtlSeconds: 604_800,
			},
			{
				id: "scoped",
				label: "Board papers",
				...base,
				credentials: { roleArn: ROLE_ARN },
			},
		],
		tokenLabel: (user) => `${user}'s laptop`,
	});
	({ aws, server } = backend);
	Object.assign(tokens, backend.tokens);
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			"--no-sandbox",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
	});
	page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
	await browser?.close();
	await backend?.close();
});

async function share(as: "alice" | "bob", body: object) {
	const response = await fetch(`${server.url}/api/shares`, {
		method: "POST",
		headers: {
			authorization: `Bearer ${tokens[as]}`,
			"content-type": "application/json",
		},
		body: JSON.stringify({ profile: "reports", ...body }),
	});
	expect(response.status).toBe(201);
	return createShareResponseSchema.parse(await response.json());
}

async function signIn(target: Page, token: string) {
	await target.goto(`${server.url}/admin`);
	expect(new URL(target.url()).pathname).toBe("/admin/sign-in");
	await target.fill("#token", token);
	await target.click("button[type=submit]");
}

/** Accepts the next window.confirm that admin.js asks. */
function acceptConfirm(target: Page) {
	target.once("dialog", (dialog) => void dialog.accept());
}

describe("the admin page in Chromium", () => {
	let managed: Awaited<ReturnType<typeof share>>;

	it("keeps a member out: their token gets a 403 page, not a session", async () => {
		const context = await browser.newContext();
		const member = await context.newPage();
		await signIn(member, tokens.alice);
		expect(await member.textContent("main")).toContain("for admins only");
		expect(await context.cookies()).toEqual([]);
		await member.goto(`${server.url}/admin/tokens`);
		expect(new URL(member.url()).pathname).toBe("/admin/sign-in");
		await context.close();
		const bearer = await fetch(`${server.url}/admin`, {
			headers: { authorization: `Bearer ${tokens.bob}` },
			redirect: "manual",
		});
		expect(bearer.status).toBe(403);
	});

	it("signs in and finds a share a member made through the API", async () => {
		managed = await share("alice", {
			key: "reports/2025/q1-revenue.csv",
			mode: "managed",
			maxDownloads: 10,
			ttlSeconds: 86_400,
			filename: "Q1 revenue.csv",
		});
		await share("bob", {
			key: "reports/2025/march/summary.pdf",
			ttlSeconds: 7 * 86_400,
		});
		await share("alice", {
			profile: "scoped",
			key: "reports/board/minutes.pdf",
		});
		const once = await share("bob", {
			key: "reports/board/minutes.pdf",
			mode: "managed",
			maxDownloads: 1,
			ttlSeconds: 900,
		});
		expect((await fetch(once.url)).status).toBe(200);
		const revoked = await share("alice", {
			key: "reports/2025/march/summary.pdf",
			ttlSeconds: 600,
		});
		await fetch(`${server.url}/api/shares/${revoked.share.id}`, {
			method: "DELETE",
			headers: { authorization: `Bearer ${tokens.alice}` },
		});
		for (const userAgent of [VISITOR, "Microsoft Excel/16.0"]) {
			const visit = await fetch(managed.url, {
				headers: { "user-agent": userAgent },
			});
			expect(visit.status).toBe(200);
			expect(await visit.text()).toBe("month,revenue\nJan,1\n");
		}

		await signIn(page, tokens.admin);
		await page.waitForURL(`${server.url}/admin`);
		const row = page.locator(`tr[data-share-id="${managed.share.id}"]`);
		await expect.poll(() => row.count()).toBe(1);
		expect(await row.textContent()).toMatch(
			/alice.*reports.*q1-revenue\.csv.*managed · get.*in 23 h 59 min.*2 \/ 10.*active/,
		);
		expect(await page.locator("tbody tr").count()).toBe(5);
		await page.screenshot({
			path: await screenshotPath("admin-shares.png"),
			fullPage: true,
		});

		await page.fill("#user", "alice");
		await page.selectOption("#status", "active");
		await page.click("form.filters button[type=submit]");
		await page.waitForURL(/user=alice/);
		expect(await page.locator("tbody tr").count()).toBe(2);
	});

	it("opens the share and shows its visits: time, user agent and client address", async () => {
		await page.click(`tr[data-share-id="${managed.share.id}"] td.object a`);
		await page.waitForURL(`${server.url}/admin/shares/${managed.share.id}`);
		const visits = page.locator('tr[data-event="share.visited"]');
		expect(await visits.count()).toBe(2);
		const lastVisit = (await visits.first().textContent()) ?? "";
		expect(lastVisit).toContain("Microsoft Excel/16.0");
		expect(await visits.nth(1).textContent()).toContain(VISITOR);
		expect(lastVisit).toContain("127.0.0.1");
		expect(lastVisit).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
		const html = await page.content();
		expect(html).not.toContain(new URL(managed.url).pathname.slice(3));
		await page.screenshot({
			path: await screenshotPath("admin-detail.png"),
			fullPage: true,
		});
	});

	it("revokes it after a confirmation, and its managed link answers 410", async () => {
		acceptConfirm(page);
		await page.click("button:has-text('Revoke…')");
		await page.waitForURL(/done=revoked/);
		expect(await page.textContent(".notice")).toContain(
			"the managed link now answers 410 Gone",
		);
		const gone = await fetch(managed.url);
		expect(gone.status).toBe(410);
		expect(await gone.text()).toContain("revoked");
	});

	it("revokes every share of a profile with a role: IAM denies every session issued before", async () => {
		const { share: direct } = await share("alice", {
			profile: "scoped",
			key: "reports/2025/q1-revenue.csv",
		});
		await page.goto(`${server.url}/admin/profiles`);
		acceptConfirm(page);
		await page.click('[data-profile="scoped"] button:has-text("Revoke all…")');
		await page.waitForURL(`${server.url}/admin/profiles/scoped/revoke-all`);
		const notice = (await page.textContent(".notice")) ?? "";
		expect(notice).toMatch(/2 shares revoked\./);
		expect(notice).toContain(`IAM now denies every session of ${ROLE_ARN}`);
		const policy =
			aws.rolePolicy("signet-scoped", "signet-revocations") ?? "{}";
		const minuteAgo = new Date(Date.now() - 60_000).toISOString();
		const minuteOn = new Date(Date.now() + 60_000).toISOString();
		expect(await simulate(direct.id, policy, minuteAgo)).toBe(
			"ExplicitlyDenied",
		);
		expect(await simulate("shr_later", policy, minuteOn)).toBe("Allowed");
		await page.goto(`${server.url}/admin/shares/${direct.id}`);
		expect(await page.textContent("main")).toContain("Revoked");
	});

	it("refuses a forged POST that carries the session cookie but not the CSRF token", async () => {
		const { share: target } = await share("bob", {
			key: "reports/board/minutes.pdf",
			mode: "managed",
		});
		const cookies = await page.context().cookies();
		const session = cookies.find((c) => c.name === "signet_session");
		expect(session).toMatchObject({
			httpOnly: true,
			sameSite: "Strict",
			path: "/admin",
		});
		const forged = await fetch(
			`${server.url}/admin/shares/${target.id}/revoke`,
			{
				method: "POST",
				headers: {
					cookie: `signet_session=${session?.value}`,
					"content-type": "application/x-www-form-urlencoded",
				},
				body: "confirm=yes",
				redirect: "manual",
			},
		);
		expect(forged.status).toBe(403);
		expect(await forged.text()).toContain("Nothing was changed");
		const stored = await server.store.shares.get(target.id);
		expect(stored?.revokedAt).toBeNull();
	});

	it("signs out, after which the admin page asks to sign in again", async () => {
		await page.goto(`${server.url}/admin`);
		await page.click("button:has-text('Sign out')");
		await page.waitForURL(/\/admin\/sign-in/);
		expect(await page.textContent("main")).toContain("You are signed out.");
		await page.goto(`${server.url}/admin/tokens`);
		expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
	});
});

function simulate(shareId: string, revocationPolicy: string, issuedAt: string) {
	return simulateSessionGet({
		roleName: "signet-scoped",
		shareId,
		objectArn: "arn:aws:s3:::acme/reports/2025/q1-revenue.csv",
		allowedResource: "arn:aws:s3:::acme/reports/*",
		revocationPolicy,
		issuedAt,
	});
}
