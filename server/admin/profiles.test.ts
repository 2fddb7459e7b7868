import { expect, it } from "vitest";
import { signInAdmin, textOf } from "../../test/support/admin-client.ts";
import { createTestApp } from "../../test/support/app-deps.ts";

it("shows what each profile allows and whether its direct links can be revoked", async () => {
	const test = await createTestApp();
	const admin = await signInAdmin(test);
	const text = await textOf(await admin.get("/admin/profiles"));
	for (const expected of [
		"Finance reports (reports)",
		"acme-reports in eu-west-1",
		"reports/",
		"download upload",
		"default 1 h (3600 s), at most 7 days (604800 s)",
		"everyone (admins always)",
		"the backend's own identity (long-term keys)",
		"no: S3 honours a direct URL until it expires",
		"role arn:aws:iam::123456789012:role/signet-scoped , per-share sessions of up to 1 h (3600 s)",
		"yes, one by one",
		"carol (admins always)",
	])
		expect(text).toContain(expected);
	const html = await (await admin.get("/admin/profiles")).text();
	expect(html).toContain('action="/admin/profiles/scoped/revoke-all"');
});
