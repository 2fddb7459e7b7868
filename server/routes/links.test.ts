import { describe, expect, it } from "vitest";
import { createShareResponseSchema } from "../../shared/api.ts";
import { decode } from "../../shared/presigned/decode.ts";
import { createTestApp } from "../../test/support/app-deps.ts";

async function managedLink(body: object = {}) {
	const test = await createTestApp();
	const response = await test.call("POST", "/api/shares", {
		body: {
			profile: "reports",
			key: "reports/q1.pdf",
			mode: "managed",
			ttlSeconds: 600,
			...body,
		},
	});
	const made = createShareResponseSchema.parse(await response.json());
	const path = new URL(made.url).pathname;
	const visit = () =>
		test.app.request(path, { headers: { "user-agent": "curl/8.5" } });
	return { ...test, made, path, visit };
}

describe("GET /s/:token", () => {
	it("redirects to a freshly signed URL valid for a minute, and writes the visit to the audit trail", async () => {
		const { visit, deps, made } = await managedLink({ filename: "Q1.pdf" });
		const response = await visit();
		expect(response.status).toBe(302);
		expect(response.headers.get("cache-control")).toBe("no-store");
		const target = decode(response.headers.get("location") ?? "");
		expect(target.ok && target.value).toMatchObject({
			bucket: "acme-reports",
			key: "reports/q1.pdf",
			signedAtMs: Date.parse("2025-03-01T12:00:00Z"),
			expiresAtMs: Date.parse("2025-03-01T12:01:00Z"),
			responseOverrides: {
				"response-content-disposition": 'attachment; filename="Q1.pdf"',
			},
		});
		const audit = await deps.store.audit.list({
			shareId: made.share.id,
			limit: 10,
		});
		expect(audit.items[0]).toMatchObject({
			type: "share.visited",
			userAgent: "curl/8.5",
			clientIp: "203.0.113.7",
		});
	});

	it("never signs past the share's own end", async () => {
		const { visit, deps } = await managedLink();
		deps.advance(590);
		const target = decode((await visit()).headers.get("location") ?? "");
		expect(target.ok && target.value.expiresAtMs).toBe(
			Date.parse("2025-03-01T12:10:00Z"),
		);
	});

	it("counts downloads and answers 410 once the limit is reached", async () => {
		const { visit, call, made } = await managedLink({ maxDownloads: 2 });
		expect((await visit()).status).toBe(302);
		expect((await visit()).status).toBe(302);
		const refused = await visit();
		expect(refused.status).toBe(410);
		expect(await refused.text()).toContain("download limit");
		const share = (await (
			await call("GET", `/api/shares/${made.share.id}`)
		).json()) as { share: { status: string; downloads: number } };
		expect(share.share).toMatchObject({ status: "exhausted", downloads: 2 });
	});

	it("answers 410 after revocation and after expiry, saying which", async () => {
		const revoked = await managedLink();
		await revoked.call("DELETE", `/api/shares/${revoked.made.share.id}`);
		const gone = await revoked.visit();
		expect(gone.status).toBe(410);
		expect(await gone.text()).toContain("revoked");

		const expired = await managedLink();
		expired.deps.advance(601);
		const late = await expired.visit();
		expect(late.status).toBe(410);
		expect(await late.text()).toContain("expired");
		const audit = await expired.deps.store.audit.list({
			shareId: expired.made.share.id,
			limit: 10,
		});
		expect(audit.items[0]).toMatchObject({
			type: "share.refused",
			detail: "expired",
		});
	});

	it("answers 404 for tokens that are not ours, without a hint", async () => {
		const { app } = await managedLink();
		for (const path of ["/s/x", `/s/${"A".repeat(43)}`, "/s/..%2f..%2fetc"]) {
			expect((await app.request(path)).status).toBe(404);
		}
	});

	it("keeps the token out of the request log", async () => {
		const { visit, deps, path } = await managedLink();
		await visit();
		const token = path.slice(3);
		expect(deps.logs.join("\n")).not.toContain(token);
		expect(
			deps.logs.some((line) => line.startsWith("GET /s/REDACTED 302")),
		).toBe(true);
	});
});
