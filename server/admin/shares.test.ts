import { describe, expect, it } from "vitest";
import { signInAdmin, textOf } from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";
import { aShare, at } from "../adapters/store-contract.ts";
import type { ShareRecord } from "../ports.ts";

const rowIds = (html: string) =>
	[...html.matchAll(/data-share-id="([^"]+)"/g)].map((m) => m[1]);

async function withShares(shares: ShareRecord[]) {
	const test = await createTestApp();
	for (const share of shares) await test.deps.store.shares.create(share);
	const admin = await signInAdmin(test);
	const page = async (query = "") => (await admin.get(`/admin${query}`)).text();
	return { test, admin, page };
}

/** 120 shares, one a minute, newest last: every third bob's, every fifth in "invoices". */
const many = Array.from({ length: 120 }, (_, i) =>
	aShare({
		id: `sh_${String(i).padStart(3, "0")}`,
		user: i % 3 === 0 ? "bob" : "alice",
		profileId: i % 5 === 0 ? "invoices" : "reports",
		key: `reports/${i}.csv`,
		createdAt: at(-200 + i),
		revokedAt: i % 10 === 0 ? at(-1) : null,
	}),
);
const newestFirst = many.map((s) => s.id).reverse();

describe("GET /admin: every share", () => {
	it("lists everyone's shares newest first, 50 a page, with a Next page link that follows the cursor", async () => {
		const { page } = await withShares(many);
		const first = await page();
		expect(rowIds(first)).toEqual(newestFirst.slice(0, 50));
		const next = /href="(\/admin\?cursor=[^"]+)" rel="next"/.exec(first)?.[1];
		expect(next).toBeDefined();
		const second = await page(next?.slice(6).replaceAll("&amp;", "&"));
		expect(rowIds(second)).toEqual(newestFirst.slice(50, 100));
		expect(second).toContain("← First page");
	});

	it("searches users, keys and profiles, and filters by status, profile and user, paging within the filter", async () => {
		const { page } = await withShares(many);
		const ids = (keep: (s: ShareRecord) => boolean) =>
			many
				.filter(keep)
				.map((s) => s.id)
				.reverse();
		expect(rowIds(await page("?q=reports/11"))).toEqual(
			ids((s) => s.key.startsWith("reports/11")),
		);
		expect(rowIds(await page("?status=revoked"))).toEqual(
			ids((s) => s.revokedAt !== null),
		);
		expect(rowIds(await page("?profile=invoices&user=bob"))).toEqual(
			ids((s) => s.profileId === "invoices" && s.user === "bob"),
		);
		const bobs = await page("?user=bob&q=&status=");
		expect(rowIds(bobs)).toEqual(ids((s) => s.user === "bob"));
		const next = /href="([^"]+)" rel="next"/.exec(
			await page("?user=alice"),
		)?.[1];
		expect(next?.replaceAll("&amp;", "&")).toMatch(
			/^\/admin\?user=alice&cursor=/,
		);
	});

	it("keeps the filters in the form and offers revoke-all for the user filtered on", async () => {
		const { page } = await withShares(many);
		const html = await page("?user=bob&status=active&q=csv");
		expect(html).toContain('<option value="active" selected="">');
		expect(html).toContain('value="csv"');
		expect(html).toContain('action="/admin/users/bob/revoke-all"');
	});

	it("shows status, mode, downloads and a live countdown to the real end of each share", async () => {
		const { page } = await withShares([
			aShare({
				id: "sh_m",
				mode: "managed",
				maxDownloads: 5,
				downloads: 2,
				effectiveExpiresAt: at(45),
				expiryCertainty: "upper-bound",
				createdAt: at(-10),
			}),
		]);
		const html = await page();
		// Created to the minute in the table, the exact instant in its machine-readable form.
		expect(html).toContain(
			'<time datetime="2025-03-01T11:50:00.000Z" title="2025-03-01T11:50:00.000Z">2025-03-01 11:50 UTC</time>',
		);
		expect(html).toContain('data-expires-at="2025-03-01T12:45:00.000Z"');
		expect(html).toContain("in 45 min");
		expect(html).toContain("at most");
		expect(html).toContain('<span class="badge active">active</span>');
		expect(html).toMatch(/<span>2 \/ 5<\/span>/);
	});

	it("says so when there are no shares, or none match", async () => {
		const { page, admin } = await withShares([]);
		expect(await page()).toContain("No shares yet.");
		expect(await textOf(await admin.get("/admin?user=nobody"))).toContain(
			"No shares match these filters.",
		);
	});

	it("escapes whatever a key or user name holds", async () => {
		const { page } = await withShares([
			aShare({ key: 'reports/<script>alert("x")</script>.csv', user: "<b>" }),
		]);
		const html = await page();
		expect(html).not.toContain("<script>alert");
		expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
		expect(html).not.toContain("<b>");
	});
});
