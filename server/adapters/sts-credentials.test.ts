/** The STS credential source against a fake STS over real HTTP (and its credentials against a real S3 server). */
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import {
	type FakeAws,
	type FakeAwsOptions,
	startFakeAws,
} from "../../test/support/fake-aws.ts";
import {
	createS3Client,
	LOCAL_TEMPORARY,
	startS3Server,
} from "../../test/support/s3-server.ts";
import { type Profile, profileSchema } from "../config.ts";
import type { ShareCredentialRequest } from "../ports.ts";
import { sessionPolicyFor } from "../revocation/iam-policies.ts";
import { createNodeCrypto } from "../signing/node-crypto.ts";
import {
	type BaseCredentialIdentity,
	createStsCredentialSource,
} from "./sts-credentials.ts";

const ROLE_ARN = "arn:aws:iam::123456789012:role/signet-reports";
const BASE_LONG_TERM = {
	accessKeyId: "AKIASIGNETBASE000001",
	secretAccessKey: "baseLongTermSecretMustNeverLeak00000001",
};
const BASE_TEMPORARY = {
	accessKeyId: "ASIASIGNETBASE000001",
	secretAccessKey: "baseTemporarySecretMustNeverLeak0000001",
	sessionToken: "baseSessionTokenMustNeverLeak//////////EXAMPLE",
	expiration: new Date("2030-01-01T18:00:00Z"),
};

let now = new Date("2030-01-01T12:00:00Z");
const clock = { now: () => now };
let fake: FakeAws | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
	now = new Date("2030-01-01T12:00:00Z");
});

function profile(credentials: Partial<Profile["credentials"]> = {}): Profile {
	return profileSchema.parse({
		id: "reports",
		label: "Reports",
		bucket: "bucket",
		region: "eu-west-1",
		prefix: "reports/",
		credentials: { roleArn: ROLE_ARN, ...credentials },
	});
}

async function source(
	options: FakeAwsOptions = {},
	base: BaseCredentialIdentity = BASE_LONG_TERM,
) {
	fake = await startFakeAws({ now: clock.now, callers: [base], ...options });
	const credentials = createStsCredentialSource({
		baseCredentials: async () => base,
		crypto: createNodeCrypto(),
		stsEndpoint: fake.endpoint,
		clock,
	});
	return { fake, credentials };
}

function share(
	p: Profile,
	overrides: Partial<ShareCredentialRequest> = {},
): ShareCredentialRequest {
	return {
		profile: p,
		shareId: "shr_1",
		key: "reports/q1.pdf",
		action: "get",
		lifetimeSeconds: 1200,
		...overrides,
	};
}

function secondsFromNow(date: Date | null): number | null {
	return date === null ? null : (date.getTime() - now.getTime()) / 1000;
}

describe("without a role", () => {
	it("signs with long-term base keys, no expiry, and calls no STS", async () => {
		const { fake, credentials } = await source();
		const p = profileSchema.parse({
			id: "plain",
			label: "P",
			bucket: "bucket",
			region: "eu-west-1",
		});
		const signing = await credentials.forShare(share(p));
		expect(signing).toEqual({
			...BASE_LONG_TERM,
			expiresAt: null,
			sessionUserId: null,
			kind: "long-term",
		});
		expect(await credentials.forProfile(p, 60)).toEqual(signing);
		expect(fake.requests).toEqual([]);
	});

	it("reports temporary base credentials with their expiry", async () => {
		const { credentials } = await source({}, BASE_TEMPORARY);
		const p = profileSchema.parse({
			id: "plain",
			label: "P",
			bucket: "bucket",
			region: "eu-west-1",
		});
		expect(await credentials.forShare(share(p))).toMatchObject({
			sessionToken: BASE_TEMPORARY.sessionToken,
			expiresAt: BASE_TEMPORARY.expiration,
			kind: "temporary",
		});
	});
});

describe("per-share sessions", () => {
	it("assumes the role as signet-<shareId> with a policy for that one object", async () => {
		const { fake, credentials } = await source({
			requireExternalId: "ext-123",
		});
		const p = profile({ externalId: "ext-123" });
		const signing = await credentials.forShare(
			share(p, { key: "reports/a*.pdf", action: "put" }),
		);
		expect(fake.assumeRoleCalls).toEqual([
			{
				roleArn: ROLE_ARN,
				roleSessionName: "signet-shr_1",
				durationSeconds: 1260,
				externalId: "ext-123",
				policy: sessionPolicyFor({
					bucket: "bucket",
					key: "reports/a*.pdf",
					action: "put",
				}),
				error: null,
			},
		]);
		expect(signing).toMatchObject({
			accessKeyId: expect.stringMatching(/^ASIA/),
			sessionToken: expect.stringMatching(/^FakeSessionToken/),
			sessionUserId: "AROAEXAMPLEROLEID:signet-shr_1",
			kind: "per-share-session",
		});
		expect(secondsFromNow(signing.expiresAt)).toBe(1260);
		expect(fake.requests[0]).toMatchObject({
			accessKeyId: BASE_LONG_TERM.accessKeyId,
			signatureProblem: null,
		});
	});

	it("assumes a new session for every share", async () => {
		const { fake, credentials } = await source();
		await credentials.forShare(share(profile(), { shareId: "shr_a" }));
		await credentials.forShare(share(profile(), { shareId: "shr_b" }));
		expect(fake.assumeRoleCalls.map((c) => c.roleSessionName)).toEqual([
			"signet-shr_a",
			"signet-shr_b",
		]);
	});

	it.each([
		{
			lifetime: 60,
			roleMax: 3600,
			base: BASE_LONG_TERM,
			expected: 900,
			why: "STS's 900 s minimum",
		},
		{
			lifetime: 3000,
			roleMax: 3600,
			base: BASE_LONG_TERM,
			expected: 3060,
			why: "lifetime + 60 s",
		},
		{
			lifetime: 86_400,
			roleMax: 3600,
			base: BASE_LONG_TERM,
			expected: 3600,
			why: "the role's maximum",
		},
		{
			lifetime: 86_400,
			roleMax: 43_200,
			base: BASE_LONG_TERM,
			expected: 43_200,
			why: "a 12 h role maximum",
		},
		{
			lifetime: 86_400,
			roleMax: 43_200,
			base: BASE_TEMPORARY,
			expected: 3600,
			why: "1 h for role chaining",
		},
	])(
		"asks for $expected s for a $lifetime s link ($why)",
		async ({ lifetime, roleMax, base, expected }) => {
			const { fake, credentials } = await source(
				{ maxSessionSeconds: roleMax },
				base,
			);
			const signing = await credentials.forShare(
				share(profile({ maxSessionSeconds: roleMax }), {
					lifetimeSeconds: lifetime,
				}),
			);
			expect(
				fake.assumeRoleCalls.map((c) => [c.durationSeconds, c.error]),
			).toEqual([[expected, null]]);
			expect(secondsFromNow(signing.expiresAt)).toBe(expected);
		},
	);

	it("refuses a share id that cannot name a session, before calling STS", async () => {
		const { fake, credentials } = await source();
		await expect(
			credentials.forShare(share(profile(), { shareId: "x".repeat(60) })),
		).rejects.toMatchObject({
			code: "internal",
		});
		await expect(
			credentials.forShare(share(profile(), { shareId: "a b" })),
		).rejects.toThrow(/cannot name/);
		expect(fake.requests).toEqual([]);
	});

	it("hands out credentials that a SigV4-checking S3 server accepts", async () => {
		const s3 = await startS3Server({
			buckets: [{ name: "bucket", objects: { "reports/q1.pdf": "quarterly" } }],
		});
		try {
			now = new Date();
			const { credentials } = await source({ credentials: LOCAL_TEMPORARY });
			const signing = await credentials.forShare(share(profile()));
			const client = createS3Client(s3, signing);
			const object = await client.send(
				new GetObjectCommand({ Bucket: "bucket", Key: "reports/q1.pdf" }),
			);
			expect(await object.Body?.transformToString()).toBe("quarterly");
			client.destroy();
		} finally {
			await s3.close();
		}
	});
});

describe("shared sessions", () => {
	const sharedProfile = () => profile({ session: "shared" });

	it("assumes one session per profile, without a session policy, for as long as the role allows", async () => {
		const { fake, credentials } = await source();
		const first = await credentials.forShare(
			share(sharedProfile(), { shareId: "shr_a" }),
		);
		const second = await credentials.forShare(
			share(sharedProfile(), { shareId: "shr_b" }),
		);
		const managed = await credentials.forProfile(sharedProfile(), 60);
		expect(second).toEqual(first);
		expect(managed).toEqual(first);
		expect(first).toMatchObject({
			kind: "shared-session",
			sessionUserId: null,
		});
		expect(fake.assumeRoleCalls).toEqual([
			expect.objectContaining({
				roleSessionName: "signet-shared-reports",
				durationSeconds: 3600,
				policy: undefined,
			}),
		]);
	});

	it("refreshes the session before it would end before the link", async () => {
		const { fake, credentials } = await source();
		const first = await credentials.forShare(
			share(sharedProfile(), { lifetimeSeconds: 1200 }),
		);
		now = new Date(now.getTime() + 2000_000); // 1600 s left: enough for 1200 s + 60 s
		expect(
			await credentials.forShare(
				share(sharedProfile(), { lifetimeSeconds: 1200 }),
			),
		).toEqual(first);
		now = new Date(now.getTime() + 400_000); // 1200 s left: not enough
		const refreshed = await credentials.forShare(
			share(sharedProfile(), { lifetimeSeconds: 1200 }),
		);
		expect(refreshed.sessionToken).not.toBe(first.sessionToken);
		expect(secondsFromNow(refreshed.expiresAt)).toBe(3600);
		expect(fake.assumeRoleCalls).toHaveLength(2);
	});

	it("keeps managed re-signing on a session that outlives minSeconds", async () => {
		const { fake, credentials } = await source();
		await credentials.forProfile(sharedProfile(), 60);
		now = new Date(now.getTime() + 3400_000); // 200 s left
		await credentials.forProfile(sharedProfile(), 60);
		expect(fake.assumeRoleCalls).toHaveLength(1);
		now = new Date(now.getTime() + 100_000); // 100 s left, 60 + 60 s needed
		await credentials.forProfile(sharedProfile(), 60);
		expect(fake.assumeRoleCalls).toHaveLength(2);
	});

	it("reuses a nearly fresh session when no session could cover the link", async () => {
		const { fake, credentials } = await source();
		await credentials.forShare(
			share(sharedProfile(), { lifetimeSeconds: 86_400 }),
		);
		now = new Date(now.getTime() + 200_000);
		await credentials.forShare(
			share(sharedProfile(), { lifetimeSeconds: 86_400 }),
		);
		expect(fake.assumeRoleCalls).toHaveLength(1);
		now = new Date(now.getTime() + 200_000); // 3200 s left: 400 s less than a fresh one
		await credentials.forShare(
			share(sharedProfile(), { lifetimeSeconds: 86_400 }),
		);
		expect(fake.assumeRoleCalls).toHaveLength(2);
	});

	it("lets concurrent callers share one AssumeRole", async () => {
		const { fake, credentials } = await source();
		const all = await Promise.all(
			Array.from({ length: 5 }, (_, i) =>
				i % 2
					? credentials.forProfile(sharedProfile(), 60)
					: credentials.forShare(share(sharedProfile())),
			),
		);
		expect(new Set(all.map((c) => c.sessionToken)).size).toBe(1);
		expect(fake.assumeRoleCalls).toHaveLength(1);
	});

	it("uses the shared session, never a per-share one, for managed links of a per-share profile", async () => {
		const { fake, credentials } = await source();
		const managed = await credentials.forProfile(profile(), 60);
		expect(managed.kind).toBe("shared-session");
		expect(fake.assumeRoleCalls).toEqual([
			expect.objectContaining({
				roleSessionName: "signet-shared-reports",
				policy: undefined,
			}),
		]);
	});

	it("caps the shared session at 1 h when chaining from temporary credentials", async () => {
		const { fake, credentials } = await source(
			{ maxSessionSeconds: 43_200 },
			BASE_TEMPORARY,
		);
		await credentials.forProfile(
			profile({ maxSessionSeconds: 43_200, session: "shared" }),
			60,
		);
		expect(
			fake.assumeRoleCalls.map((c) => [c.durationSeconds, c.error]),
		).toEqual([[3600, null]]);
	});

	it("forgets a profile's session after a revoke-all, and retries after a failure", async () => {
		let failing = true;
		const { fake, credentials } = await source({
			fail: () =>
				failing
					? {
							status: 400,
							code: "RegionDisabledException",
							message: "STS is not activated",
						}
					: undefined,
		});
		await expect(credentials.forProfile(sharedProfile(), 60)).rejects.toThrow(
			/RegionDisabledException/,
		);
		failing = false;
		const first = await credentials.forProfile(sharedProfile(), 60);
		credentials.forget("reports");
		const second = await credentials.forProfile(sharedProfile(), 60);
		expect(second.sessionToken).not.toBe(first.sessionToken);
		expect(fake.assumeRoleCalls).toHaveLength(3);
	});
});

describe("STS failures", () => {
	const secrets = [
		BASE_LONG_TERM.secretAccessKey,
		BASE_TEMPORARY.secretAccessKey,
		BASE_TEMPORARY.sessionToken,
	];

	function expectNoSecret(error: unknown) {
		const text = [
			String(error),
			JSON.stringify(error),
			String((error as Error).cause),
			(error as Error).stack,
		].join("\n");
		for (const secret of secrets) expect(text).not.toContain(secret);
	}

	async function failure(promise: Promise<unknown>): Promise<Error> {
		const error = await promise.then(
			() => {
				throw new Error("expected a failure");
			},
			(e: unknown) => e as Error,
		);
		return error;
	}

	it("names the role and the STS code, and cuts out secrets STS echoes", async () => {
		const { credentials } = await source(
			{
				fail: () => ({
					status: 403,
					code: "AccessDenied",
					message: `Not authorized with key ${BASE_TEMPORARY.secretAccessKey} and token ${BASE_TEMPORARY.sessionToken}`,
				}),
			},
			BASE_TEMPORARY,
		);
		const error = await failure(credentials.forShare(share(profile())));
		expect(error).toMatchObject({
			name: "SignetError",
			code: "upstream_failed",
			status: 502,
		});
		expect(error.message).toContain(ROLE_ARN);
		expect(error.message).toContain("AccessDenied (HTTP 403)");
		expectNoSecret(error);
	});

	it("explains a duration the role does not allow", async () => {
		const { credentials } = await source({ maxSessionSeconds: 3600 });
		const error = await failure(
			credentials.forShare(
				share(profile({ maxSessionSeconds: 7200 }), { lifetimeSeconds: 7000 }),
			),
		);
		expect(error.message).toMatch(/ValidationError.*MaxSessionDuration/);
		expectNoSecret(error);
	});

	it("reports a wrong external id as the role's AccessDenied", async () => {
		const { credentials } = await source(
			{ requireExternalId: "right" },
			BASE_TEMPORARY,
		);
		const error = await failure(
			credentials.forShare(share(profile({ externalId: "wrong" }))),
		);
		expect(error.message).toMatch(/AccessDenied.*sts:AssumeRole/);
		expectNoSecret(error);
	});

	it("reports STS refusing a signature made with a wrong secret, without the secret", async () => {
		const wrong = {
			...BASE_LONG_TERM,
			secretAccessKey: "wrongSecretMustNeverLeak0000000000000001",
		};
		const { fake, credentials } = await source(
			{ callers: [BASE_LONG_TERM] },
			wrong,
		);
		const error = await failure(credentials.forShare(share(profile())));
		expect(error.message).toContain("SignatureDoesNotMatch (HTTP 403)");
		expect(fake.requests.map((r) => r.signatureProblem)).toEqual([
			"SignatureDoesNotMatch",
		]);
		expect(String(error) + String(error.cause)).not.toContain(
			wrong.secretAccessKey,
		);
	});

	it("signs with the session token of temporary base credentials", async () => {
		const { fake, credentials } = await source({}, BASE_TEMPORARY);
		await credentials.forShare(share(profile()));
		expect(fake.requests).toEqual([
			expect.objectContaining({
				accessKeyId: BASE_TEMPORARY.accessKeyId,
				hasSessionToken: true,
				signatureProblem: null,
			}),
		]);
	});

	it("tries once more when STS throttles, then fails with its code", async () => {
		let throttles = 1;
		const { fake, credentials } = await source({
			fail: () =>
				throttles-- > 0
					? { status: 400, code: "Throttling", message: "Rate exceeded" }
					: undefined,
		});
		await credentials.forShare(share(profile()));
		expect(fake.assumeRoleCalls.map((c) => c.error)).toEqual([
			"Throttling",
			null,
		]);
		throttles = 2;
		const error = await failure(
			credentials.forShare(share(profile(), { shareId: "shr_2" })),
		);
		expect(error.message).toContain("Throttling (HTTP 400): Rate exceeded");
	});

	it("wraps an unreachable STS without leaking secrets", async () => {
		const { fake, credentials } = await source({}, BASE_TEMPORARY);
		await fake.close();
		const error = await failure(credentials.forShare(share(profile())));
		expect(error).toMatchObject({ code: "upstream_failed" });
		expect(error.message).toContain(ROLE_ARN);
		expectNoSecret(error);
	});
});

describe("base credentials", () => {
	it("wraps a provider that finds none as upstream_failed", async () => {
		fake = await startFakeAws();
		const credentials = createStsCredentialSource({
			baseCredentials: () =>
				Promise.reject(
					Object.assign(
						new Error("Could not load credentials from any providers"),
						{
							name: "CredentialsProviderError",
						},
					),
				),
			crypto: createNodeCrypto(),
			stsEndpoint: fake.endpoint,
			clock,
		});
		const plain = profileSchema.parse({
			id: "plain",
			label: "P",
			bucket: "bucket",
			region: "eu-west-1",
		});
		for (const p of [plain, profile()]) {
			await expect(credentials.forShare(share(p))).rejects.toMatchObject({
				name: "SignetError",
				code: "upstream_failed",
				message: expect.stringContaining("CredentialsProviderError"),
			});
		}
		expect(fake.requests).toEqual([]);
	});
});

describe("options", () => {
	it("fails when built without a clock or with a bad endpoint", () => {
		expect(() => createStsCredentialSource({} as never)).toThrow(
			/Missing option `clock`/,
		);
		expect(() =>
			createStsCredentialSource({
				clock,
				stsEndpoint: "not a url",
			} as never),
		).toThrow(/stsEndpoint/);
	});
});
