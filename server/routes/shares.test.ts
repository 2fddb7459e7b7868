import { describe, expect, it } from "vitest";
import {
	createShareResponseSchema,
	revokeResponseSchema,
	sharePageSchema,
} from "../../shared/api.ts";
import { decode } from "../../shared/presigned/decode.ts";
import { createTestApp } from "../../test/support/app-deps.ts";

async function created(response: Response) {
	expect(response.status).toBe(201);
	return createShareResponseSchema.parse(await response.json());
}

describe("POST /api/shares", () => {
	it("signs a direct GET for the profile's bucket and tells the whole expiry truth", async () => {
		const { call } = await createTestApp();
		const body = await created(
			await call("POST", "/api/shares", {
				body: { profile: "reports", key: "reports/q1.pdf", ttlSeconds: 900 },
			}),
		);
		const url = decode(body.url);
		expect(url.ok && url.value).toMatchObject({
			bucket: "acme-reports",
			key: "reports/q1.pdf",
			region: "eu-west-1",
			operation: "GetObject",
			expiresAtMs: Date.parse("2025-03-01T12:15:00Z"),
		});
		expect(body.share).toMatchObject({
			user: "alice",
			mode: "direct",
			status: "active",
			effectiveExpiresAt: "2025-03-01T12:15:00.000Z",
			expiryCertainty: "exact",
			credentialType: "long-term",
			revocable: false,
		});
		expect(body.warnings.map((w) => w.code)).toEqual(["not-revocable"]);
	});

	it("uses the profile's default lifetime and sets the download name", async () => {
		const { call } = await createTestApp();
		const body = await created(
			await call("POST", "/api/shares", {
				body: {
					profile: "reports",
					key: "reports/q1.pdf",
					filename: "Q1 résumé.pdf",
				},
			}),
		);
		const url = decode(body.url);
		expect(url.ok && url.value.expiresAtMs).toBe(
			Date.parse("2025-03-01T13:00:00Z"),
		);
		expect(
			url.ok && url.value.responseOverrides["response-content-disposition"],
		).toBe(
			`attachment; filename="Q1 r_sum_.pdf"; filename*=UTF-8''Q1%20r%C3%A9sum%C3%A9.pdf`,
		);
	});

	it("clamps a lifetime to the per-share session and says so", async () => {
		const { call } = await createTestApp();
		const body = await created(
			await call("POST", "/api/shares", {
				body: { profile: "scoped", key: "shared/plan.pdf", ttlSeconds: 86_400 },
			}),
		);
		expect(body.share).toMatchObject({
			effectiveExpiresAt: "2025-03-01T13:00:00.000Z",
			expiryCertainty: "exact",
			credentialType: "temporary",
			revocable: true,
		});
		expect(body.warnings.map((w) => w.code)).toEqual(["lifetime-clamped"]);
		const url = decode(body.url);
		expect(url.ok && url.value).toMatchObject({
			hasSessionToken: true,
			expiresAtMs: Date.parse("2025-03-01T13:00:00Z"),
		});
	});

	it("returns a managed link on the public URL, not an S3 URL", async () => {
		const { call } = await createTestApp();
		const body = await created(
			await call("POST", "/api/shares", {
				body: {
					profile: "reports",
					key: "reports/q1.pdf",
					mode: "managed",
					maxDownloads: 2,
				},
			}),
		);
		expect(body.url).toMatch(
			/^https:\/\/signet\.example\.com\/s\/[A-Za-z0-9_-]{43}$/,
		);
		expect(body.share).toMatchObject({
			mode: "managed",
			maxDownloads: 2,
			downloads: 0,
			revocable: true,
		});
	});

	it.each([
		[
			{ profile: "reports", key: "reports/../payroll/x" },
			400,
			"key_outside_prefix",
		],
		[
			{ profile: "reports", key: "reports-secret/x" },
			400,
			"key_outside_prefix",
		],
		[
			{ profile: "reports", key: "reports/%2e%2e/x" },
			400,
			"key_outside_prefix",
		],
		[
			{ profile: "reports", key: "s3://acme-payroll/reports/x" },
			400,
			"key_outside_prefix",
		],
		[
			{ profile: "reports", key: "reports/x", ttlSeconds: 604_801 },
			400,
			"bad_request",
		],
		[
			{ profile: "scoped", key: "shared/x", ttlSeconds: 90_000 },
			400,
			"ttl_too_long",
		],
		[
			{ profile: "scoped", key: "shared/x", action: "put" },
			400,
			"action_not_allowed",
		],
		[
			{ profile: "reports", key: "reports/x", mode: "managed", action: "put" },
			400,
			"mode_not_allowed",
		],
		[
			{ profile: "reports", key: "reports/x", maxDownloads: 3 },
			400,
			"bad_request",
		],
		[{ profile: "payroll", key: "x" }, 403, "profile_not_allowed"],
		[{ profile: "nope", key: "x" }, 403, "profile_not_allowed"],
		[{ profile: "reports", key: "reports/x", extra: true }, 400, "bad_request"],
		[{ profile: "reports" }, 400, "bad_request"],
	])("refuses %j with %i %s", async (body, status, code) => {
		const { call } = await createTestApp();
		const response = await call("POST", "/api/shares", { body });
		expect(response.status).toBe(status);
		const json = (await response.json()) as {
			error: { code: string; message: string };
		};
		expect(json.error.code).toBe(code);
		expect(json.error.message.length).toBeGreaterThan(10);
	});

	it("answers bad JSON and missing tokens with clear errors", async () => {
		const { call } = await createTestApp();
		const bad = await call("POST", "/api/shares", { raw: "{not json" });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({
			error: {
				code: "bad_request",
				message: "The request body is not valid JSON.",
			},
		});
		const anonymous = await call("POST", "/api/shares", { as: null, body: {} });
		expect(anonymous.status).toBe(401);
	});
});

describe("reading and revoking shares", () => {
	async function share(
		call: Awaited<ReturnType<typeof createTestApp>>["call"],
		as: "alice" | "bob",
		body: object,
	) {
		return created(
			await call("POST", "/api/shares", {
				as,
				body: { profile: "reports", key: "reports/a.txt", ...body },
			}),
		);
	}

	it("lists only the caller's own shares, newest first; admins may list everyone's", async () => {
		const { call, deps } = await createTestApp();
		await share(call, "alice", {});
		deps.advance(1);
		await share(call, "alice", { key: "reports/b.txt" });
		await share(call, "bob", {});
		const mine = sharePageSchema.parse(
			await (await call("GET", "/api/shares")).json(),
		);
		expect(mine.shares.map((s) => s.key)).toEqual([
			"reports/b.txt",
			"reports/a.txt",
		]);
		const everyone = sharePageSchema.parse(
			await (await call("GET", "/api/shares?user=*", { as: "admin" })).json(),
		);
		expect(everyone.shares).toHaveLength(3);
		expect((await call("GET", "/api/shares?user=bob")).status).toBe(403);
	});

	it("hides and protects another member's share", async () => {
		const { call } = await createTestApp();
		const bobs = await share(call, "bob", {});
		expect((await call("GET", `/api/shares/${bobs.share.id}`)).status).toBe(
			404,
		);
		expect((await call("DELETE", `/api/shares/${bobs.share.id}`)).status).toBe(
			404,
		);
		expect(
			(await call("GET", `/api/shares/${bobs.share.id}`, { as: "bob" })).status,
		).toBe(200);
	});

	it("revokes a per-share session through the revoker", async () => {
		const { call, deps } = await createTestApp();
		const made = await created(
			await call("POST", "/api/shares", {
				body: { profile: "scoped", key: "shared/x.pdf" },
			}),
		);
		const response = revokeResponseSchema.parse(
			await (await call("DELETE", `/api/shares/${made.share.id}`)).json(),
		);
		expect(response.share.status).toBe("revoked");
		expect(response.message).toContain("IAM now denies");
		expect(deps.revoked.map((r) => r.sessionUserId)).toEqual([
			`AROAEXAMPLEROLEID:signet-${made.share.id}`,
		]);
		// A Deny lost to a concurrent writer is applied again by revoking again.
		const again = revokeResponseSchema.parse(
			await (await call("DELETE", `/api/shares/${made.share.id}`)).json(),
		);
		expect(again.message).toContain("applied again");
		expect(again.share.revokedAt).toBe(response.share.revokedAt);
		expect(deps.revokeCalls).toBe(2);
		// Once the session is over, there is nothing left to deny.
		deps.advance(7200);
		await call("DELETE", `/api/shares/${made.share.id}`);
		expect(deps.revokeCalls).toBe(2);
	});

	it("names every earlier revoked session of the role again, so a Deny lost to a concurrent write comes back", async () => {
		const { call, deps } = await createTestApp();
		const first = await created(
			await call("POST", "/api/shares", {
				body: { profile: "scoped", key: "shared/a.pdf" },
			}),
		);
		const second = await created(
			await call("POST", "/api/shares", {
				body: { profile: "scoped", key: "shared/b.pdf" },
			}),
		);
		await call("DELETE", `/api/shares/${first.share.id}`);
		deps.revoked.length = 0;
		await call("DELETE", `/api/shares/${second.share.id}`);
		expect(deps.revokeCalls).toBe(2);
		expect(deps.revoked.map((r) => r.sessionUserId)).toEqual([
			`AROAEXAMPLEROLEID:signet-${second.share.id}`,
			`AROAEXAMPLEROLEID:signet-${first.share.id}`,
		]);
	});

	it("says honestly that a long-term-key URL stays valid after revoking", async () => {
		const { call, deps } = await createTestApp();
		const made = await share(call, "alice", {});
		const response = revokeResponseSchema.parse(
			await (await call("DELETE", `/api/shares/${made.share.id}`)).json(),
		);
		expect(response.message).toContain(
			"S3 will honour this URL until it expires at 2025-03-01 13:00:00 UTC",
		);
		expect(deps.revoked).toEqual([]);
		const again = revokeResponseSchema.parse(
			await (await call("DELETE", `/api/shares/${made.share.id}`)).json(),
		);
		expect(again.message).toContain("Already revoked");
	});

	it("recognises its own URLs by signature and by managed token", async () => {
		const { call } = await createTestApp();
		const direct = await share(call, "alice", {});
		const managed = await share(call, "alice", { mode: "managed" });
		for (const url of [direct.url, managed.url]) {
			const found = (await (
				await call("POST", "/api/lookup", { body: { url } })
			).json()) as { known: boolean };
			expect(found.known).toBe(true);
		}
		const other = (await (
			await call("POST", "/api/lookup", {
				as: "bob",
				body: { url: direct.url },
			})
		).json()) as {
			share: unknown;
			message: string;
		};
		expect(other.share).toBeNull();
		const unknown = (await (
			await call("POST", "/api/lookup", {
				body: { url: "https://example.com/x" },
			})
		).json()) as {
			known: boolean;
		};
		expect(unknown.known).toBe(false);
	});
});
