/** The IAM revoker against a fake IAM over real HTTP; the policy it leaves is judged by the IAM simulator. */
import { afterEach, describe, expect, it } from "vitest";
import {
	type FakeAws,
	type FakeAwsOptions,
	startFakeAws,
} from "../../test/support/fake-aws.ts";
import { simulateSessionGet } from "../../test/support/iam-simulator.ts";
import { type Profile, profileSchema } from "../config.ts";
import { parseRevocationPolicy } from "../revocation/iam-policies.ts";
import { createWebCrypto } from "../signing/signing-crypto.ts";
import { createIamRevoker } from "./iam-revoker.ts";

const ROLE_ARN = "arn:aws:iam::123456789012:role/team/signet-reports";
const ROLE_ID = "AROAEXAMPLEROLEID";
const BASE = {
	accessKeyId: "ASIASIGNETBASE000001",
	secretAccessKey: "baseSecretMustNeverLeak0000000000000001",
	sessionToken: "baseSessionTokenMustNeverLeak//////EXAMPLE",
};
const NOW = new Date("2030-01-01T12:00:00Z");
let now = NOW;
const clock = { now: () => now };
let fake: FakeAws | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
	now = NOW;
});

const profile: Profile = profileSchema.parse({
	id: "reports",
	label: "Reports",
	bucket: "bucket",
	region: "eu-west-1",
	credentials: { roleArn: ROLE_ARN },
});

async function revoker(options: FakeAwsOptions = {}, policyName?: string) {
	fake = await startFakeAws({ callers: [BASE], ...options });
	const revoke = createIamRevoker({
		baseCredentials: async () => BASE,
		crypto: createWebCrypto(),
		iamEndpoint: fake.endpoint,
		clock,
		...(policyName ? { policyName } : {}),
	});
	return { fake, revoke };
}

function userId(shareId: string): string {
	return `${ROLE_ID}:signet-${shareId}`;
}

function revokeSession(
	revoke: ReturnType<typeof createIamRevoker>,
	shareId: string,
	expiresAt = new Date(NOW.getTime() + 1800_000),
) {
	return revoke.revokeSessions({
		profile,
		sessions: [{ sessionUserId: userId(shareId), sessionExpiresAt: expiresAt }],
		now,
	});
}

function stored(fake: FakeAws, policyName = "signet-revocations") {
	const json = fake.rolePolicy("signet-reports", policyName);
	return json === undefined ? undefined : parseRevocationPolicy(json);
}

/** Whether the role's session for shareId, issued at issuedAt, may get an object under the stored policy. */
function canGet(fake: FakeAws, shareId: string, issuedAt = NOW) {
	return simulateSessionGet({
		roleName: "signet-reports",
		shareId,
		objectArn: "arn:aws:s3:::bucket/prefix/q1.pdf",
		allowedResource: "arn:aws:s3:::bucket/prefix/*",
		revocationPolicy: fake.rolePolicy("signet-reports", "signet-revocations"),
		issuedAt: issuedAt.toISOString(),
	});
}

describe("revokeSessions", () => {
	it("writes a Deny that the simulator applies to the revoked session only", async () => {
		const { fake, revoke } = await revoker();
		await revokeSession(revoke, "shr_1");
		expect(await canGet(fake, "shr_1")).toBe("ExplicitlyDenied");
		expect(await canGet(fake, "shr_2")).toBe("Allowed");
		const put = fake.requests.find((r) => r.action === "PutRolePolicy");
		expect(put?.params).toMatchObject({
			RoleName: "signet-reports",
			PolicyName: "signet-revocations",
		});
	});

	it("merges with what is already on the role", async () => {
		const { fake, revoke } = await revoker();
		await revokeSession(revoke, "shr_1");
		await revokeSession(revoke, "shr_2");
		expect(stored(fake)?.revokedSessions.map((s) => s.userId)).toEqual([
			userId("shr_1"),
			userId("shr_2"),
		]);
		expect(await canGet(fake, "shr_1")).toBe("ExplicitlyDenied");
		expect(await canGet(fake, "shr_2")).toBe("ExplicitlyDenied");
		expect(fake.requests.map((r) => r.action)).toEqual([
			"GetRolePolicy",
			"PutRolePolicy",
			"GetRolePolicy",
			"PutRolePolicy",
		]);
	});

	it("denies a batch of sessions with one read and one write of the policy", async () => {
		const { fake, revoke } = await revoker();
		const expiresAt = new Date(NOW.getTime() + 1800_000);
		await revoke.revokeSessions({
			profile,
			sessions: ["shr_1", "shr_2", "shr_3"].map((id) => ({
				sessionUserId: userId(id),
				sessionExpiresAt: expiresAt,
			})),
			now,
		});
		expect(fake.requests.map((r) => r.action)).toEqual([
			"GetRolePolicy",
			"PutRolePolicy",
		]);
		for (const id of ["shr_1", "shr_2", "shr_3"])
			expect(await canGet(fake, id)).toBe("ExplicitlyDenied");
		expect(await canGet(fake, "shr_4")).toBe("Allowed");
	});

	it("keeps both of two concurrent revocations", async () => {
		const { fake, revoke } = await revoker();
		await Promise.all(
			["shr_1", "shr_2", "shr_3", "shr_4"].map((id) =>
				revokeSession(revoke, id),
			),
		);
		expect(stored(fake)?.revokedSessions).toHaveLength(4);
		for (const id of ["shr_1", "shr_2", "shr_3", "shr_4"]) {
			expect(await canGet(fake, id)).toBe("ExplicitlyDenied");
		}
	});

	it("prunes sessions that have expired since they were revoked", async () => {
		const { fake, revoke } = await revoker();
		await revokeSession(revoke, "shr_old", new Date(NOW.getTime() + 600_000));
		now = new Date(NOW.getTime() + 7200_000);
		await revokeSession(revoke, "shr_new", new Date(now.getTime() + 600_000));
		expect(stored(fake)?.revokedSessions.map((s) => s.userId)).toEqual([
			userId("shr_new"),
		]);
	});

	it("deletes the policy once nothing is left to deny", async () => {
		const { fake, revoke } = await revoker();
		await revokeSession(revoke, "shr_old", new Date(NOW.getTime() + 600_000));
		now = new Date(NOW.getTime() + 7200_000);
		await revokeSession(revoke, "shr_gone", new Date(NOW.getTime() + 600_000));
		expect(stored(fake)).toBeUndefined();
		expect(fake.requests.at(-1)?.action).toBe("DeleteRolePolicy");
	});

	it("uses the configured policy name", async () => {
		const { fake, revoke } = await revoker({}, "custom-deny");
		await revokeSession(revoke, "shr_1");
		expect(stored(fake, "custom-deny")?.revokedSessions).toHaveLength(1);
	});
});

describe("revokeSessionsIssuedBefore", () => {
	it("denies sessions issued before, allows those issued after, keeps entries", async () => {
		const { fake, revoke } = await revoker();
		await revokeSession(revoke, "shr_1");
		await revoke.revokeSessionsIssuedBefore({ profile, before: NOW, now });
		expect(await canGet(fake, "shr_2", new Date(NOW.getTime() - 1000))).toBe(
			"ExplicitlyDenied",
		);
		expect(await canGet(fake, "shr_2", new Date(NOW.getTime() + 5000))).toBe(
			"Allowed",
		);
		expect(await canGet(fake, "shr_1", new Date(NOW.getTime() + 5000))).toBe(
			"ExplicitlyDenied",
		);
	});

	it("never moves the cut-off back", async () => {
		const { fake, revoke } = await revoker();
		await revoke.revokeSessionsIssuedBefore({ profile, before: NOW, now });
		const earlier = new Date(NOW.getTime() - 3600_000);
		await revoke.revokeSessionsIssuedBefore({ profile, before: earlier, now });
		expect(stored(fake)?.revokeIssuedBefore).toEqual(NOW);
	});
});

describe("failures", () => {
	function expectNoSecret(error: unknown) {
		const text = [
			String(error),
			JSON.stringify(error),
			String((error as Error).cause),
		].join("\n");
		expect(text).not.toContain(BASE.secretAccessKey);
		expect(text).not.toContain(BASE.sessionToken);
	}

	it("refuses a profile without a role: long-term keys cannot be revoked per URL", async () => {
		const { fake, revoke } = await revoker();
		const plain = profileSchema.parse({
			id: "plain",
			label: "Plain",
			bucket: "bucket",
			region: "eu-west-1",
		});
		const attempt = revoke.revokeSessions({
			profile: plain,
			sessions: [{ sessionUserId: userId("shr_1"), sessionExpiresAt: NOW }],
			now,
		});
		await expect(attempt).rejects.toMatchObject({ code: "bad_request" });
		await expect(attempt).rejects.toThrow(/long-term keys/);
		expect(fake.requests).toEqual([]);
	});

	it("wraps an IAM refusal as revocation_failed, naming role and code, without secrets", async () => {
		const { revoke } = await revoker({
			fail: (request) =>
				request.action === "PutRolePolicy"
					? {
							status: 403,
							code: "AccessDenied",
							message: `denied for ${BASE.sessionToken}`,
						}
					: undefined,
		});
		const error = await revokeSession(revoke, "shr_1").then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		expect(error).toMatchObject({ code: "revocation_failed", status: 502 });
		expect(error?.message).toContain(ROLE_ARN);
		expect(error?.message).toContain("AccessDenied (HTTP 403)");
		expectNoSecret(error);
	});

	it("refuses to overwrite a policy of that name that Signet did not write", async () => {
		const { fake, revoke } = await revoker();
		const foreign = JSON.stringify({
			Version: "2012-10-17",
			Statement: [
				{
					Sid: "Mine",
					Effect: "Deny",
					Action: "s3:DeleteObject",
					Resource: "*",
				},
			],
		});
		fake.setRolePolicy("signet-reports", "signet-revocations", foreign);
		await expect(revokeSession(revoke, "shr_1")).rejects.toMatchObject({
			code: "revocation_failed",
		});
		expect(fake.rolePolicy("signet-reports", "signet-revocations")).toBe(
			foreign,
		);
	});

	it("lets the queue go on after a failed revocation", async () => {
		let failures = 1;
		const { fake, revoke } = await revoker({
			fail: (request) =>
				request.action === "PutRolePolicy" && failures-- > 0
					? {
							status: 400,
							code: "MalformedPolicyDocument",
							message: "Syntax errors in policy.",
						}
					: undefined,
		});
		const results = await Promise.allSettled([
			revokeSession(revoke, "shr_1"),
			revokeSession(revoke, "shr_2"),
		]);
		expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
		expect(stored(fake)?.revokedSessions.map((s) => s.userId)).toEqual([
			userId("shr_2"),
		]);
	});

	it("fails when built without a clock", () => {
		expect(() => createIamRevoker({} as never)).toThrow(
			/Missing option `clock`/,
		);
	});
});
