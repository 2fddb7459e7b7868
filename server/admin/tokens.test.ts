import { describe, expect, it } from "vitest";
import { signInAdmin, textOf } from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";
import { verifyToken } from "../tokens.ts";

const TOKEN = /sgt_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/g;

describe("/admin/tokens", () => {
	it("lists every token with id, user, role, label and dates, never a value or a hash", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const html = await (await admin.get("/admin/tokens")).text();
		for (const record of await test.deps.store.tokens.list()) {
			expect(html).toContain(`data-token-id="${record.id}"`);
			expect(html).not.toContain(record.secretHash);
		}
		expect(html.match(TOKEN)).toBeNull();
		expect(await textOf(await admin.get("/admin/tokens"))).toContain(
			"(yours, this session)",
		);
	});

	it("creates a token and shows its value once, on the answer to the form only", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const response = await admin.post("/admin/tokens", {
			user: "dave",
			role: "member",
			label: "Dave's laptop",
		});
		expect(response.status).toBe(200);
		expect(response.headers.get("cache-control")).toBe("no-store");
		const html = await response.text();
		const shown = html.match(TOKEN) ?? [];
		expect(shown).toHaveLength(1);
		const record = await verifyToken(test.deps.store.tokens, shown[0] ?? "");
		expect(record).toMatchObject({
			user: "dave",
			role: "member",
			label: "Dave's laptop",
		});
		expect(html).toContain("it is shown only this once");
		const list = await (await admin.get("/admin/tokens")).text();
		expect(list).toContain(`data-token-id="${record?.id}"`);
		expect(list.match(TOKEN)).toBeNull();
		const events = await test.deps.store.audit.list({ limit: 1 });
		expect(events.items[0]).toMatchObject({
			type: "token.created",
			actor: "admin",
			detail: `token ${record?.id} for dave (member), "Dave's laptop"`,
		});
		expect(JSON.stringify(events.items)).not.toContain(shown[0]);
	});

	it("refuses a user name that is not one, saying which field", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const response = await admin.post("/admin/tokens", {
			user: "a b",
			role: "member",
		});
		expect(response.status).toBe(400);
		expect(await textOf(response)).toContain("user: use 1 to 100 letters");
	});

	it("revokes a token after confirmation, and its bearer is refused from then on", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const aliceId = test.tokens.alice.slice(4, 16);
		const ask = await admin.post(`/admin/tokens/${aliceId}/revoke`);
		expect(await textOf(ask)).toContain(`Revoke alice's token ${aliceId}?`);
		expect((await test.call("GET", "/api/me")).status).toBe(200);

		const response = await admin.post(`/admin/tokens/${aliceId}/revoke`, {
			confirm: "yes",
		});
		expect(response.headers.get("location")).toBe(
			`/admin/tokens?revoked=${aliceId}`,
		);
		expect((await test.call("GET", "/api/me")).status).toBe(401);
		expect(
			await textOf(await admin.get(`/admin/tokens?revoked=${aliceId}`)),
		).toContain(
			`Token revoked. alice's token ${aliceId} is refused from now on.`,
		);
		const events = await test.deps.store.audit.list({ limit: 1 });
		expect(events.items[0]).toMatchObject({
			type: "token.revoked",
			actor: "admin",
			detail: `token ${aliceId} of alice (member)`,
		});
		const missing = await admin.post("/admin/tokens/nope/revoke", {
			confirm: "yes",
		});
		expect(missing.status).toBe(404);
	});
});
