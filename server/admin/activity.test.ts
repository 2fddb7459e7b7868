import { expect, it } from "vitest";
import { signInAdmin } from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";

it("lists the whole audit trail newest first, admin actions included, 100 a page", async () => {
	const test = await createTestApp();
	for (let i = 0; i < 120; i++) {
		await test.deps.store.audit.append({
			at: "2025-03-01T11:00:00.000Z",
			type: "share.visited",
			shareId: `sh_${i}`,
			actor: null,
			userAgent: "curl/8.5",
			clientIp: "198.51.100.1",
			detail: null,
		});
	}
	const admin = await signInAdmin(test);
	await admin.post("/admin/tokens", { user: "dave", role: "member" });
	const first = await (await admin.get("/admin/activity")).text();
	const events = [...first.matchAll(/data-event="([^"]+)"/g)].map((m) => m[1]);
	expect(events).toHaveLength(100);
	expect(events.slice(0, 2)).toEqual(["token.created", "admin.signed-in"]);
	expect(first).toContain('href="/admin/shares/sh_119"');
	const older = /href="(\/admin\/activity\?cursor=[^"]+)" rel="next"/.exec(
		first,
	)?.[1];
	const second = await (await admin.get(older ?? "")).text();
	expect(second.match(/data-event=/g)).toHaveLength(22);
});
