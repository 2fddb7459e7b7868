import { describe, expect, it } from "vitest";
import {
	csrfOf,
	postForm,
	signInAdmin,
	textOf,
} from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";
import { ADMIN_CSP } from "../admin/errors.tsx";
import { sha256Hex } from "../secrets.ts";

const cookieOf = (response: Response) =>
	response.headers.get("set-cookie") ?? "";

describe("signing in to /admin", () => {
	it("exchanges an admin token for an HttpOnly, SameSite=Strict session cookie on /admin, for 8 hours", async () => {
		const test = await createTestApp();
		const response = await postForm(test, "/admin/sign-in", {
			token: test.tokens.admin,
		});
		expect(response.status).toBe(303);
		expect(response.headers.get("location")).toBe("/admin");
		const cookie = cookieOf(response);
		expect(cookie).toMatch(/^signet_session=[A-Za-z0-9_-]{43};/);
		for (const flag of [
			"HttpOnly",
			"SameSite=Strict",
			"Path=/admin",
			"Max-Age=28800",
			"Secure",
		]) {
			expect(cookie).toContain(flag);
		}
	});

	it("marks the cookie Secure only when the request or the public URL is https", async () => {
		const test = await createTestApp();
		test.deps.publicUrl = "http://127.0.0.1:8787";
		const plain = await postForm(test, "/admin/sign-in", {
			token: test.tokens.admin,
		});
		expect(cookieOf(plain)).not.toContain("Secure");
		const tls = await test.app.request(
			"https://signet.example.com/admin/sign-in",
			{
				method: "POST",
				headers: { "content-type": "application/x-www-form-urlencoded" },
				body: new URLSearchParams({ token: test.tokens.admin }).toString(),
			},
		);
		expect(cookieOf(tls)).toContain("Secure");
	});

	it("stores only a SHA-256 of the session id, and writes the sign-in to the audit trail", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const session = await test.deps.store.sessions.get(
			await sha256Hex(admin.sessionId),
		);
		expect(session).toMatchObject({
			user: "admin",
			expiresAt: "2025-03-01T20:00:00.000Z",
		});
		expect(JSON.stringify(session)).not.toContain(admin.sessionId);
		const events = await test.deps.store.audit.list({ limit: 5 });
		expect(events.items[0]).toMatchObject({
			type: "admin.signed-in",
			actor: "admin",
			clientIp: "203.0.113.7",
		});
	});

	it("refuses a member's token with a 403 page saying the admin page is for admins only", async () => {
		const test = await createTestApp();
		const response = await postForm(test, "/admin/sign-in", {
			token: test.tokens.alice,
		});
		expect(response.status).toBe(403);
		expect(cookieOf(response)).toBe("");
		expect(await response.text()).toContain("for admins only");
	});

	it("refuses an unknown or revoked token with a sentence, and no cookie", async () => {
		const test = await createTestApp();
		const wrong = await postForm(test, "/admin/sign-in", {
			token: `sgt_AAAAAAAAAAAA_${"A".repeat(43)}`,
		});
		expect(wrong.status).toBe(401);
		expect(await wrong.text()).toContain(
			"This API token is not valid or was revoked.",
		);
		expect(cookieOf(wrong)).toBe("");
	});

	it("returns to the admin page asked for, but never to another site", async () => {
		const test = await createTestApp();
		const signIn = (next: string) =>
			postForm(test, "/admin/sign-in", { token: test.tokens.admin, next });
		expect((await signIn("/admin/tokens?x=1")).headers.get("location")).toBe(
			"/admin/tokens?x=1",
		);
		for (const next of ["https://evil.example", "//evil.example", "/api/me"]) {
			expect((await signIn(next)).headers.get("location")).toBe("/admin");
		}
	});
});

describe("sessions", () => {
	it("sends anyone without a session to sign in, remembering where they were going", async () => {
		const test = await createTestApp();
		for (const path of ["/admin", "/admin/tokens", "/admin/shares/x"]) {
			const response = await test.app.request(path);
			expect(response.status).toBe(303);
			expect(response.headers.get("location")).toBe(
				`/admin/sign-in?next=${encodeURIComponent(path)}`,
			);
		}
		const unknown = await test.app.request("/admin", {
			headers: { cookie: `signet_session=${"x".repeat(43)}` },
		});
		expect(unknown.headers.get("location")).toMatch(/^\/admin\/sign-in/);
	});

	it("ends a session after 8 hours", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		test.deps.advance(8 * 3600 - 1);
		expect((await admin.get("/admin")).status).toBe(200);
		test.deps.advance(1);
		const expired = await admin.get("/admin");
		expect(expired.status).toBe(303);
		expect(expired.headers.get("location")).toMatch(/^\/admin\/sign-in/);
		expect(
			await test.deps.store.sessions.get(await sha256Hex(admin.sessionId)),
		).toBeNull();
	});

	it("ends a session when the token it signed in with is revoked", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const tokenId = test.tokens.admin.slice(4, 16);
		await test.deps.store.tokens.revoke(tokenId, "2025-03-01T12:00:01.000Z");
		expect((await admin.get("/admin")).status).toBe(303);
	});

	it("signs out: the session is deleted, the cookie cleared, and the next visit asks to sign in", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const response = await admin.post("/admin/sign-out");
		expect(response.status).toBe(303);
		expect(response.headers.get("location")).toBe("/admin/sign-in?signed-out");
		expect(cookieOf(response)).toMatch(/signet_session=;.*Max-Age=0/);
		expect(
			await test.deps.store.sessions.get(await sha256Hex(admin.sessionId)),
		).toBeNull();
		expect((await admin.get("/admin")).status).toBe(303);
		const page = await test.app.request("/admin/sign-in?signed-out");
		expect(await page.text()).toContain("You are signed out.");
	});

	it("answers a member showing their API token with 403 on every admin page and action", async () => {
		const test = await createTestApp();
		const headers = { authorization: `Bearer ${test.tokens.alice}` };
		for (const [method, path] of [
			["GET", "/admin"],
			["GET", "/admin/tokens"],
			["GET", "/admin/profiles"],
			["POST", "/admin/tokens"],
			["POST", "/admin/profiles/reports/revoke-all"],
			["POST", "/admin/users/bob/revoke-all"],
		] as const) {
			const response = await test.app.request(path, { method, headers });
			expect(response.status, `${method} ${path}`).toBe(403);
			expect(await response.text()).toContain("for admins only");
		}
	});
});

describe("CSRF", () => {
	it("refuses a POST without the session's CSRF token, or with a wrong one, and changes nothing", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const other = await signInAdmin(test);
		expect(other.csrf).not.toBe(admin.csrf);
		for (const csrf of [null, "", "x".repeat(43), other.csrf]) {
			const response = await admin.post(
				"/admin/tokens",
				{ user: "mallory", role: "admin" },
				{ csrf },
			);
			expect(response.status).toBe(403);
			expect(await response.text()).toContain("Nothing was changed");
		}
		expect(
			(await test.deps.store.tokens.list()).map((t) => t.user),
		).not.toContain("mallory");
	});

	it("refuses a form sent from another site, even with the token", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const response = await admin.post(
			"/admin/tokens",
			{ user: "mallory", role: "admin" },
			{ headers: { "sec-fetch-site": "cross-site" } },
		);
		expect(response.status).toBe(403);
	});

	it("puts the session's CSRF token in every state-changing form", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const page = await (await admin.get("/admin/tokens")).text();
		const forms = page.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
		expect(forms.length).toBeGreaterThan(3);
		for (const form of forms) expect(csrfOf(form)).toBe(admin.csrf);
	});
});

describe("every admin response", () => {
	it("carries the strict CSP, no caching and no framing", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const responses = [
			await test.app.request("/admin/sign-in"),
			await test.app.request("/admin"),
			await test.app.request("/admin/assets/admin.js"),
			await test.app.request("/admin/assets/admin.css"),
			await admin.get("/admin"),
			await admin.get("/admin/tokens"),
			await admin.get("/admin/profiles"),
			await admin.get("/admin/activity"),
			await admin.get("/admin/shares/shr_missing"),
			await admin.get("/admin/no-such-page"),
			await admin.get("/admin?status=nonsense"),
			await admin.post("/admin/tokens", {}, { csrf: null }),
		];
		for (const response of responses) {
			expect(response.headers.get("content-security-policy")).toBe(ADMIN_CSP);
			expect(response.headers.get("x-frame-options")).toBe("DENY");
		}
		expect(responses[4]?.headers.get("cache-control")).toBe("no-store");
	});

	it("turns errors into pages that say what is wrong", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const missing = await admin.get("/admin/shares/shr_missing");
		expect(missing.status).toBe(404);
		expect(missing.headers.get("content-type")).toContain("text/html");
		expect(await textOf(missing)).toContain("There is no share 'shr_missing'.");
		const bad = await admin.get("/admin?status=nonsense");
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain("status:");
		const cursor = await admin.get("/admin?cursor=garbage");
		expect(cursor.status).toBe(400);
		expect(await textOf(cursor)).toContain(
			"The cursor is not one this list handed out.",
		);
	});

	it("serves its script and style as files, with no inline script or style in any page", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const script = await test.app.request("/admin/assets/admin.js");
		expect(script.headers.get("content-type")).toContain("text/javascript");
		expect(await script.text()).toContain("data-expires-at");
		for (const path of ["/admin", "/admin/tokens", "/admin/profiles"]) {
			const page = await (await admin.get(path)).text();
			expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
			expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
		}
	});

	it("keeps the API's bearer-token check off the admin page", async () => {
		const test = await createTestApp();
		const response = await test.app.request("/admin/sign-in");
		expect(response.status).toBe(200);
		expect(await response.text()).toContain("Admin API token");
	});
});
