import { describe, expect, it } from "vitest";
import { createShareResponseSchema } from "../../shared/api.ts";
import { signInAdmin, textOf } from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";

async function withShare(body: object) {
	const test = await createTestApp();
	const response = await test.call("POST", "/api/shares", {
		body: { profile: "reports", key: "reports/q1.pdf", ...body },
	});
	const made = createShareResponseSchema.parse(await response.json());
	const admin = await signInAdmin(test);
	const href = `/admin/shares/${made.share.id}`;
	return { test, admin, made, href };
}

describe("GET /admin/shares/:id", () => {
	it("shows every field and the audit trail: created, each visit with user agent and address, refusals", async () => {
		const { test, admin, made, href } = await withShare({
			mode: "managed",
			maxDownloads: 1,
			filename: "Q1.pdf",
			note: "for the board",
		});
		const path = new URL(made.url).pathname;
		await test.app.request(path, { headers: { "user-agent": "Firefox/133" } });
		await test.app.request(path, { headers: { "user-agent": "curl/8.5" } });
		const text = await textOf(await admin.get(href));
		for (const expected of [
			made.share.id,
			"acme-reports/reports/q1.pdf",
			"managed, download (GET)",
			"Q1.pdf",
			"for the board",
			"1 / 1",
			"exhausted",
			"Visited",
			"Firefox/133",
			"203.0.113.7",
			"Refused",
			"curl/8.5",
			"Created",
		]) {
			expect(text).toContain(expected);
		}
		// The lifetime in words first, the exact seconds after: "for 1 h (3600 s)".
		expect(text).toMatch(
			/managed get of acme-reports\/reports\/q1\.pdf for \d+ (?:s|min|h|days?)\b.* \(\d+ s\)/,
		);
		const rows = [
			...(await (await admin.get(href)).text()).matchAll(
				/data-event="([^"]+)"/g,
			),
		].map((m) => m[1]);
		expect(rows).toEqual(["share.refused", "share.visited", "share.created"]);
	});

	it("never renders the link, its token, or any hash", async () => {
		const { test, admin, made, href } = await withShare({ mode: "managed" });
		const direct = await withShare({});
		const share = await test.deps.store.shares.get(made.share.id);
		const html = await (await admin.get(href)).text();
		expect(html).not.toContain(new URL(made.url).pathname.slice(3));
		expect(html).not.toContain(share?.linkTokenHash);
		const directShare = await direct.test.deps.store.shares.get(
			direct.made.share.id,
		);
		const directHtml = await (await direct.admin.get(direct.href)).text();
		expect(directHtml).not.toContain(directShare?.signatureHash);
		expect(directHtml).not.toContain(
			new URL(direct.made.url).searchParams.get("X-Amz-Signature"),
		);
	});
});

describe("POST /admin/shares/:id/revoke", () => {
	it("asks first when not confirmed (no script), and changes nothing", async () => {
		const { test, admin, made, href } = await withShare({ mode: "managed" });
		const response = await admin.post(`${href}/revoke`);
		expect(response.status).toBe(200);
		const text = await textOf(response);
		expect(text).toContain("Revoke this share?");
		expect(text).toContain("The managed link will answer 410 Gone at once.");
		expect((await test.deps.store.shares.get(made.share.id))?.revokedAt).toBe(
			null,
		);
	});

	it("revokes a managed link once confirmed: it answers 410, and the page and the trail say who did it", async () => {
		const { test, admin, made, href } = await withShare({ mode: "managed" });
		const response = await admin.post(`${href}/revoke`, { confirm: "yes" });
		expect(response.status).toBe(303);
		expect(response.headers.get("location")).toBe(`${href}?done=revoked`);
		expect((await test.app.request(new URL(made.url).pathname)).status).toBe(
			410,
		);
		const text = await textOf(await admin.get(`${href}?done=revoked`));
		expect(text).toContain(
			"Revoked. Revoked: the managed link now answers 410 Gone.",
		);
		expect(text).toMatch(/Revoked \d{4}-\d\d-\d\d [\d:]+ UTC by admin/);
		const trail = await test.deps.store.audit.list({
			shareId: made.share.id,
			limit: 5,
		});
		expect(trail.items.find((e) => e.type === "share.revoked")).toMatchObject({
			actor: "admin",
		});
	});

	it("denies a per-share STS session through the revoker", async () => {
		const { test, admin, made, href } = await withShare({
			profile: "scoped",
			key: "shared/plan.pdf",
		});
		await admin.post(`${href}/revoke`, { confirm: "yes" });
		expect(test.deps.revoked.map((r) => r.sessionUserId)).toEqual([
			`AROAEXAMPLEROLEID:signet-${made.share.id}`,
		]);
	});

	it("says plainly that S3 still honours a long-term-key URL", async () => {
		const { admin, href } = await withShare({});
		await admin.post(`${href}/revoke`, { confirm: "yes" });
		const html = await (await admin.get(`${href}?done=revoked`)).text();
		expect(html).toContain('class="notice warn"');
		expect(html).toContain("S3 will honour this URL until it expires");
	});

	it("answers 404 for a share that does not exist", async () => {
		const { admin } = await withShare({});
		const response = await admin.post("/admin/shares/shr_nope/revoke", {
			confirm: "yes",
		});
		expect(response.status).toBe(404);
	});
});
