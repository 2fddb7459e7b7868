import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	createShareResponseSchema,
	meSchema,
	profileViewSchema,
} from "../shared/api.ts";
import { createTestApp } from "../test/support/app-deps.ts";

describe("the API around shares", () => {
	it("says who the caller is", async () => {
		const { call } = await createTestApp();
		expect(
			meSchema.parse(
				await (await call("GET", "/api/me", { as: "admin" })).json(),
			),
		).toMatchObject({
			user: "admin",
			role: "admin",
		});
	});

	it("lists only the profiles a member may use", async () => {
		const { call } = await createTestApp();
		const { profiles } = (await (
			await call("GET", "/api/profiles")
		).json()) as { profiles: unknown[] };
		expect(profiles.map((p) => profileViewSchema.parse(p).id)).toEqual([
			"reports",
			"scoped",
		]);
	});

	it("refuses a revoked or forged token", async () => {
		const { app, deps, tokens } = await createTestApp();
		const id = tokens.bob.split("_")[1] ?? "";
		await deps.store.tokens.revoke(id, "2025-03-01T12:00:00Z");
		const revoked = await app.request("/api/me", {
			headers: { authorization: `Bearer ${tokens.bob}` },
		});
		expect(revoked.status).toBe(401);
		const forged = `${tokens.alice.slice(0, -4)}AAAA`;
		const response = await app.request("/api/me", {
			headers: { authorization: `Bearer ${forged}` },
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			error: {
				code: "unauthorized",
				message: "This API token is not valid or was revoked.",
			},
		});
	});

	it("allows CORS only for the configured extension origin", async () => {
		const { app } = await createTestApp();
		const preflight = (origin: string) =>
			app.request("/api/shares", {
				method: "OPTIONS",
				headers: {
					origin,
					"access-control-request-method": "POST",
					"access-control-request-headers": "authorization",
				},
			});
		const allowed = await preflight(
			"chrome-extension://abcdefghijklmnopabcdefghijklmnop",
		);
		expect(allowed.headers.get("access-control-allow-origin")).toBe(
			"chrome-extension://abcdefghijklmnopabcdefghijklmnop",
		);
		const other = await preflight("https://evil.example");
		expect(other.headers.get("access-control-allow-origin")).toBeNull();
	});

	it("keeps signatures and tokens out of every log line", async () => {
		const { call, deps, tokens } = await createTestApp();
		const made = createShareResponseSchema.parse(
			await (
				await call("POST", "/api/shares", {
					body: { profile: "scoped", key: "shared/a.pdf" },
				})
			).json(),
		);
		await call("POST", "/api/lookup", { body: { url: made.url } });
		await call("GET", `/api/nothing?X-Amz-Signature=${"a".repeat(64)}`);
		const logs = deps.logs.join("\n");
		const signature =
			new URL(made.url).searchParams.get("X-Amz-Signature") ?? "missing";
		const sessionToken =
			new URL(made.url).searchParams.get("X-Amz-Security-Token") ?? "missing";
		for (const secret of [
			signature,
			sessionToken,
			tokens.alice,
			"a".repeat(64),
		]) {
			expect(logs).not.toContain(secret);
		}
		expect(logs).toContain("POST /api/shares 201");
	});

	it("never answers 500 to arbitrary request bodies", async () => {
		const { call } = await createTestApp();
		const value = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.double(),
			fc.boolean(),
			fc.constant(null),
			fc.array(fc.string()),
		);
		const body = fc.oneof(
			fc.record(
				{
					profile: fc.oneof(
						fc.constantFrom("reports", "scoped", "payroll"),
						value,
					),
					key: fc.oneof(
						fc.constantFrom(
							"reports/a.txt",
							"reports/../x",
							"shared/a",
							"%2e%2e",
						),
						fc.string({ unit: "binary" }),
						value,
					),
					ttlSeconds: fc.oneof(fc.integer({ min: -10, max: 700_000 }), value),
					mode: fc.oneof(fc.constantFrom("direct", "managed"), value),
					action: fc.oneof(fc.constantFrom("get", "put"), value),
					filename: fc.oneof(fc.string({ unit: "binary" }), value),
					contentType: fc.oneof(fc.constantFrom("text/csv", "a/b; x=y"), value),
					maxDownloads: fc.oneof(fc.integer({ min: -1, max: 5 }), value),
					note: value,
				},
				{ requiredKeys: [] },
			),
			fc.jsonValue(),
		);
		await fc.assert(
			fc.asyncProperty(body, async (payload) => {
				const response = await call("POST", "/api/shares", { body: payload });
				expect(response.status).toBeLessThan(500);
				const json = (await response.json()) as {
					error?: { code: string; message: string };
				};
				if (response.status >= 400) expect(json.error?.message).toBeTruthy();
			}),
			{ numRuns: 400 },
		);
	});
});
