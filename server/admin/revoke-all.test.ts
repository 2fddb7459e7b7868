import { describe, expect, it } from "vitest";
import { createShareResponseSchema } from "../../shared/api.ts";
import { signInAdmin, textOf } from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";
import { aShare, at } from "../adapters/store-contract.ts";
import { PolicyTooLargeError } from "../revocation/iam-policies.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function share(test: TestApp, as: "alice" | "bob", body: object) {
	const response = await test.call("POST", "/api/shares", {
		as,
		body: { profile: "reports", key: "reports/q1.pdf", ...body },
	});
	return createShareResponseSchema.parse(await response.json()).share;
}

describe("POST /admin/profiles/:id/revoke-all", () => {
	it("asks first, then denies every earlier session of the role and revokes every share of the profile", async () => {
		const test = await createTestApp();
		const scoped = { profile: "scoped", key: "shared/a.pdf" };
		const direct = await share(test, "alice", scoped);
		const managed = await share(test, "bob", { ...scoped, mode: "managed" });
		const other = await share(test, "alice", {});
		const admin = await signInAdmin(test);

		const ask = await admin.post("/admin/profiles/scoped/revoke-all");
		expect(await textOf(ask)).toContain("Revoke every share of 'scoped'?");
		expect(test.deps.revokedBefore).toEqual([]);

		const done = await admin.post("/admin/profiles/scoped/revoke-all", {
			confirm: "yes",
		});
		expect(done.status).toBe(200);
		const text = await textOf(done);
		expect(text).toContain("2 shares revoked.");
		expect(text).toContain("IAM now denies every session");
		expect(test.deps.revokedBefore).toHaveLength(1);
		expect(test.deps.revokedBefore[0]?.before.toISOString()).toBe(
			"2025-03-01T12:00:00.000Z",
		);
		for (const id of [direct.id, managed.id])
			expect((await test.deps.store.shares.get(id))?.revokedBy).toBe("admin");
		expect((await test.deps.store.shares.get(other.id))?.revokedAt).toBeNull();
		const events = await test.deps.store.audit.list({ limit: 1 });
		expect(events.items[0]).toMatchObject({
			type: "shares.revoked-all",
			actor: "admin",
		});
		// The share's own page shows the revocation, though revoke-all wrote one summary event.
		const detail = await admin.get(`/admin/shares/${direct.id}`);
		expect(
			(await detail.text()).match(/data-event="share.revoked"/g),
		).toHaveLength(1);
	});

	it("says that direct links of a profile without a role keep working until they expire", async () => {
		const test = await createTestApp();
		await share(test, "alice", {});
		const admin = await signInAdmin(test);
		const text = await textOf(
			await admin.post("/admin/profiles/reports/revoke-all", {
				confirm: "yes",
			}),
		);
		expect(text).toContain("1 share revoked.");
		expect(text).toContain("S3 honours them until they expire");
		expect(test.deps.revokedBefore).toEqual([]);
	});

	it("answers 404 for a profile that is not configured", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const response = await admin.post("/admin/profiles/nope/revoke-all", {
			confirm: "yes",
		});
		expect(response.status).toBe(404);
	});
});

describe("POST /admin/users/:user/revoke-all", () => {
	it("revokes every share of the user and reports what it could not stop, and why", async () => {
		const test = await createTestApp();
		const managed = await share(test, "alice", { mode: "managed" });
		const longTerm = await share(test, "alice", {});
		const session = await share(test, "alice", {
			profile: "scoped",
			key: "shared/a.pdf",
		});
		const bobs = await share(test, "bob", {});
		for (const extra of [
			aShare({ id: "sh_expired", user: "alice", effectiveExpiresAt: at(-1) }),
			aShare({
				id: "sh_revoked",
				user: "alice",
				revokedAt: at(-5),
				revokedBy: "alice",
			}),
			aShare({
				id: "sh_unconfigured",
				user: "alice",
				profileId: "retired",
				sessionUserId: "AROAEXAMPLEROLEID:signet-sh_unconfigured",
				sessionExpiresAt: at(30),
				effectiveExpiresAt: at(30),
			}),
		])
			await test.deps.store.shares.create(extra);
		const admin = await signInAdmin(test);

		const ask = await textOf(await admin.post("/admin/users/alice/revoke-all"));
		expect(ask).toContain("Revoke every share of alice?");
		expect(
			(await test.deps.store.shares.get(managed.id))?.revokedAt,
		).toBeNull();

		const text = await textOf(
			await admin.post("/admin/users/alice/revoke-all", { confirm: "yes" }),
		);
		expect(text).toContain("4 shares revoked.");
		for (const line of [
			"Managed links, now answering 410 Gone: 1",
			"Direct links stopped, IAM denying their own STS session: 1",
			"Already expired, nothing to stop: 1",
			"Recorded, but S3 honours them until they expire: 1",
			"Could not be revoked: 1",
			`${longTerm.id} acme-reports/reports/q1.pdf Signed with a long-term access key, which cannot be revoked per URL: S3 honours it until 2025-03-01 13:00:00 UTC.`,
			"sh_unconfigured",
			"Profile 'retired' is no longer configured",
		])
			expect(text).toContain(line);
		expect(test.deps.revoked.map((r) => r.sessionUserId)).toEqual([
			`AROAEXAMPLEROLEID:signet-${session.id}`,
		]);
		const stored = async (id: string) => test.deps.store.shares.get(id);
		expect((await stored("sh_unconfigured"))?.revokedAt).toBeNull();
		expect((await stored("sh_revoked"))?.revokedBy).toBe("alice");
		expect((await stored(bobs.id))?.revokedAt).toBeNull();
		expect((await stored("sh_expired"))?.revocation).toContain(
			"nothing left to stop",
		);
		const summary = await test.deps.store.audit.list({ limit: 1 });
		expect(summary.items[0]).toMatchObject({
			type: "shares.revoked-all",
			actor: "admin",
			detail: expect.stringMatching(/^user alice: 4 revoked .* 1 failed$/),
		});
	});

	it("denies all of a user's STS sessions of one profile in one IAM change, and audits each share", async () => {
		const test = await createTestApp();
		const sessions = [];
		for (const key of ["shared/a.pdf", "shared/b.pdf", "shared/c.pdf"])
			sessions.push(await share(test, "alice", { profile: "scoped", key }));
		const admin = await signInAdmin(test);
		const text = await textOf(
			await admin.post("/admin/users/alice/revoke-all", { confirm: "yes" }),
		);
		expect(text).toContain(
			"Direct links stopped, IAM denying their own STS session: 3",
		);
		expect(test.deps.revokeCalls).toBe(1);
		expect(test.deps.revoked.map((r) => r.sessionUserId).sort()).toEqual(
			sessions.map((made) => `AROAEXAMPLEROLEID:signet-${made.id}`).sort(),
		);
		for (const made of sessions) {
			const trail = await test.deps.store.audit.list({
				shareId: made.id,
				limit: 10,
			});
			expect(trail.items.map((event) => event.type)).toContain("share.revoked");
			expect((await test.deps.store.shares.get(made.id))?.revocation).toContain(
				"IAM now denies",
			);
		}
	});

	it("denies one by one what does not fit one policy change, and says which did not fit", async () => {
		const test = await createTestApp();
		const made = [];
		for (const key of ["shared/a.pdf", "shared/b.pdf", "shared/c.pdf"])
			made.push(await share(test, "alice", { profile: "scoped", key }));
		// A role policy with room for two more sessions.
		let room = 2;
		test.deps.revoker.revokeSessions = async ({ sessions }) => {
			if (sessions.length > room)
				throw new PolicyTooLargeError("Cannot deny that many sessions.");
			room -= sessions.length;
		};
		const admin = await signInAdmin(test);
		const text = await textOf(
			await admin.post("/admin/users/alice/revoke-all", { confirm: "yes" }),
		);
		expect(text).toContain(
			"Direct links stopped, IAM denying their own STS session: 2",
		);
		expect(text).toContain("Could not be revoked: 1");
		expect(text).toContain("Cannot deny that many sessions.");
		const revoked = [];
		for (const { id } of made)
			revoked.push((await test.deps.store.shares.get(id))?.revokedAt ?? null);
		expect(revoked.filter((at) => at !== null)).toHaveLength(2);
	});

	it("says when a user has nothing left to revoke, and refuses a name that is not one", async () => {
		const test = await createTestApp();
		const admin = await signInAdmin(test);
		const none = await admin.post("/admin/users/carol/revoke-all", {
			confirm: "yes",
		});
		expect(await textOf(none)).toContain("Nothing to revoke.");
		const bad = await admin.post("/admin/users/a%20b/revoke-all", {
			confirm: "yes",
		});
		expect(bad.status).toBe(400);
	});
});
