/** The session and revocation policies, judged by a real IAM policy simulator (@cloud-copilot/iam-simulate). */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables such as ${*} are the subject of these tests.
import {
	type EvaluationResult,
	runSimulation,
} from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import { SignetError } from "../../shared/errors.ts";
import {
	escapeIamResource,
	MAX_ROLE_POLICY_CHARS,
	MAX_SESSION_POLICY_CHARS,
	type PolicyDocument,
	parseRevocationPolicy,
	policySize,
	revocationPolicy,
	sessionPolicyFor,
} from "./iam-policies.ts";

const ROLE_ID = "AROAEXAMPLEROLEID";
const NOW = new Date("2030-01-01T12:00:00Z");
const ROLE_POLICY: PolicyDocument = {
	Version: "2012-10-17",
	Statement: [
		{
			Effect: "Allow",
			Action: ["s3:GetObject", "s3:PutObject"],
			Resource: "arn:aws:s3:::bucket/prefix/*",
		},
	],
};

interface Request {
	shareId?: string;
	action?: string;
	key?: string;
	issuedAt?: Date;
	sessionPolicy?: unknown;
	revocation?: PolicyDocument | null;
	context?: Record<string, string>;
}

/** Simulates a request by a session of role signet-reports (identity policy ROLE_POLICY). */
async function simulate(request: Request): Promise<EvaluationResult> {
	const shareId = request.shareId ?? "shr_1";
	const result = await runSimulation(
		{
			request: {
				principal: `arn:aws:sts::123456789012:assumed-role/signet-reports/signet-${shareId}`,
				action: request.action ?? "s3:GetObject",
				resource: {
					resource: `arn:aws:s3:::bucket/${request.key ?? "prefix/report.pdf"}`,
					accountId: "123456789012",
				},
				contextVariables: {
					"aws:userid": `${ROLE_ID}:signet-${shareId}`,
					"aws:TokenIssueTime": (request.issuedAt ?? NOW).toISOString(),
					...request.context,
				},
			},
			identityPolicies: [
				{ name: "role", policy: ROLE_POLICY },
				...(request.revocation
					? [{ name: "signet-revocations", policy: request.revocation }]
					: []),
			],
			sessionPolicy: request.sessionPolicy,
			serviceControlPolicies: [],
			resourceControlPolicies: [],
		},
		{},
	);
	if (result.resultType !== "single") {
		throw new Error(`simulation failed: ${JSON.stringify(result)}`);
	}
	return result.overallResult;
}

function session(shareId: string, expiresAt: string) {
	return {
		userId: `${ROLE_ID}:signet-${shareId}`,
		expiresAt: new Date(expiresAt),
	};
}

describe("sessionPolicyFor", () => {
	const getReport = JSON.parse(
		sessionPolicyFor({
			bucket: "bucket",
			key: "prefix/report.pdf",
			action: "get",
		}),
	);

	it("allows the one object and action", async () => {
		expect(await simulate({ sessionPolicy: getReport })).toBe("Allowed");
	});

	it("denies a sibling object and another action", async () => {
		expect(
			await simulate({ sessionPolicy: getReport, key: "prefix/other.pdf" }),
		).toBe("ImplicitlyDenied");
		expect(
			await simulate({ sessionPolicy: getReport, action: "s3:PutObject" }),
		).toBe("ImplicitlyDenied");
		expect(
			await simulate({ sessionPolicy: getReport, action: "s3:DeleteObject" }),
		).toBe("ImplicitlyDenied");
	});

	it("grants s3:PutObject only for put", async () => {
		const put = JSON.parse(
			sessionPolicyFor({
				bucket: "bucket",
				key: "prefix/upload.bin",
				action: "put",
			}),
		);
		expect(put.Statement).toEqual([
			{
				Effect: "Allow",
				Action: "s3:PutObject",
				Resource: "arn:aws:s3:::bucket/prefix/upload.bin",
			},
		]);
		expect(
			await simulate({
				sessionPolicy: put,
				key: "prefix/upload.bin",
				action: "s3:PutObject",
			}),
		).toBe("Allowed");
		expect(
			await simulate({ sessionPolicy: put, key: "prefix/upload.bin" }),
		).toBe("ImplicitlyDenied");
	});

	it("keeps a '*' in the key from matching other keys", async () => {
		const star = JSON.parse(
			sessionPolicyFor({ bucket: "bucket", key: "prefix/a*", action: "get" }),
		);
		expect(star.Statement[0].Resource).toBe("arn:aws:s3:::bucket/prefix/a${*}");
		expect(await simulate({ sessionPolicy: star, key: "prefix/abc" })).toBe(
			"ImplicitlyDenied",
		);
		// The control: left unescaped, the same key would have granted prefix/abc.
		const unescaped = structuredClone(star);
		unescaped.Statement[0].Resource = "arn:aws:s3:::bucket/prefix/a*";
		expect(
			await simulate({ sessionPolicy: unescaped, key: "prefix/abc" }),
		).toBe("Allowed");
	});

	it("keeps '?' literal and still grants the object named with it", async () => {
		const question = JSON.parse(
			sessionPolicyFor({ bucket: "bucket", key: "prefix/a?c", action: "get" }),
		);
		expect(await simulate({ sessionPolicy: question, key: "prefix/a?c" })).toBe(
			"Allowed",
		);
		expect(await simulate({ sessionPolicy: question, key: "prefix/abc" })).toBe(
			"ImplicitlyDenied",
		);
	});

	it("keeps '${…}' in a key from acting as a policy variable", async () => {
		const variable = JSON.parse(
			sessionPolicyFor({
				bucket: "bucket",
				key: "prefix/${aws:username}",
				action: "get",
			}),
		);
		expect(variable.Statement[0].Resource).toBe(
			"arn:aws:s3:::bucket/prefix/${$}{aws:username}",
		);
		const context = { "aws:username": "bob" };
		expect(
			await simulate({ sessionPolicy: variable, key: "prefix/bob", context }),
		).toBe("ImplicitlyDenied");
		expect(
			await simulate({
				sessionPolicy: variable,
				key: "prefix/${aws:username}",
				context,
			}),
		).toBe("Allowed");
	});

	it.each([
		["a*b?c$d", "a${*}b${?}c${$}d"],
		["${*}", "${$}{${*}}"],
		["plain/key.txt", "plain/key.txt"],
	])("escapes %s as %s", (key, escaped) => {
		expect(escapeIamResource(key)).toBe(escaped);
	});

	it("uses the role's partition", () => {
		const policy = sessionPolicyFor({
			bucket: "bucket",
			key: "k",
			action: "get",
			partition: "aws-cn",
		});
		expect(JSON.parse(policy).Statement[0].Resource).toBe(
			"arn:aws-cn:s3:::bucket/k",
		);
	});

	it("refuses a key whose policy exceeds STS's 2048 characters", () => {
		const fits = "k".repeat(MAX_SESSION_POLICY_CHARS - 120);
		expect(
			sessionPolicyFor({ bucket: "bucket", key: fits, action: "get" }).length,
		).toBeLessThan(MAX_SESSION_POLICY_CHARS);
		// 600 '*' become 2400 characters once escaped.
		const call = () =>
			sessionPolicyFor({
				bucket: "bucket",
				key: "*".repeat(600),
				action: "get",
			});
		expect(call).toThrow(SignetError);
		expect(call).toThrow(/2048/);
	});
});

describe("revocationPolicy", () => {
	it("denies the revoked session and lets another session through", async () => {
		const revocation = revocationPolicy({
			revokedSessions: [session("shr_1", "2030-01-01T12:30:00Z")],
			now: NOW,
		});
		expect(await simulate({ revocation, shareId: "shr_1" })).toBe(
			"ExplicitlyDenied",
		);
		expect(await simulate({ revocation, shareId: "shr_2" })).toBe("Allowed");
	});

	it("denies sessions issued before a revoke-all, not those issued after", async () => {
		const revocation = revocationPolicy({
			revokedSessions: [],
			revokeIssuedBefore: NOW,
			now: NOW,
		});
		const before = new Date(NOW.getTime() - 60_000);
		const after = new Date(NOW.getTime() + 60_000);
		expect(await simulate({ revocation, issuedAt: before })).toBe(
			"ExplicitlyDenied",
		);
		expect(await simulate({ revocation, issuedAt: after })).toBe("Allowed");
	});

	it("drops sessions that have already expired", () => {
		const document = revocationPolicy({
			revokedSessions: [
				session("shr_old", "2030-01-01T11:00:00Z"),
				session("shr_live", "2030-01-01T12:10:00Z"),
			],
			now: NOW,
		});
		const state = parseRevocationPolicy(JSON.stringify(document));
		expect(state.revokedSessions.map((s) => s.userId)).toEqual([
			`${ROLE_ID}:signet-shr_live`,
		]);
	});

	it("returns null when nothing is left to deny", () => {
		expect(
			revocationPolicy({
				revokedSessions: [session("shr_old", "2030-01-01T11:00:00Z")],
				revokeIssuedBefore: new Date("2029-12-31T00:00:00Z"),
				now: NOW,
			}),
		).toBeNull();
	});

	it("round-trips through parseRevocationPolicy, expiries rounded up", () => {
		const document = revocationPolicy({
			revokedSessions: [
				session("shr_a", "2030-01-01T12:10:00Z"),
				session("shr_b", "2030-01-01T15:59:00Z"),
			],
			revokeIssuedBefore: new Date("2030-01-01T11:59:59.200Z"),
			now: NOW,
		});
		expect(parseRevocationPolicy(JSON.stringify(document))).toEqual({
			revokeIssuedBefore: new Date("2030-01-01T12:00:00Z"),
			revokedSessions: [
				session("shr_a", "2030-01-01T13:00:00Z"),
				session("shr_b", "2030-01-01T16:00:00Z"),
			],
		});
	});

	it("packs many sessions into coarser groups to stay under IAM's limit", () => {
		const revokedSessions = Array.from({ length: 170 }, (_, i) =>
			session(
				`shr_${String(i).padStart(20, "0")}`,
				new Date(NOW.getTime() + i * 250_000).toISOString(),
			),
		);
		const document = revocationPolicy({ revokedSessions, now: NOW });
		expect(document).not.toBeNull();
		if (!document) return;
		expect(policySize(document)).toBeLessThanOrEqual(MAX_ROLE_POLICY_CHARS);
		// Hourly groups would need 13 statements and not fit.
		expect(document.Statement.length).toBeLessThan(13);
		const state = parseRevocationPolicy(JSON.stringify(document));
		expect(state.revokedSessions).toHaveLength(170);
		for (const entry of state.revokedSessions) {
			const original = revokedSessions.find((s) => s.userId === entry.userId);
			expect(entry.expiresAt.getTime()).toBeGreaterThanOrEqual(
				original?.expiresAt.getTime() ?? 0,
			);
		}
	});

	it("fails with revocation_failed, suggesting revoke-all, when it cannot fit", () => {
		const revokedSessions = Array.from({ length: 400 }, (_, i) =>
			session(`shr_${String(i).padStart(20, "0")}`, "2030-01-01T13:00:00Z"),
		);
		const call = () => revocationPolicy({ revokedSessions, now: NOW });
		expect(call).toThrow(
			expect.objectContaining({ code: "revocation_failed" }),
		);
		expect(call).toThrow(/10240.*Revoke all links/);
	});
});

describe("parseRevocationPolicy", () => {
	it.each([
		["not JSON", "{"],
		[
			"a foreign statement",
			JSON.stringify({
				Version: "2012-10-17",
				Statement: [
					{ Sid: "Mine", Effect: "Deny", Action: "s3:*", Resource: "*" },
				],
			}),
		],
		[
			"an Allow",
			JSON.stringify({
				Version: "2012-10-17",
				Statement: { Effect: "Allow", Action: "s3:*", Resource: "*" },
			}),
		],
	])("refuses %s", (_, json) => {
		expect(() => parseRevocationPolicy(json)).toThrow(
			expect.objectContaining({ code: "revocation_failed" }),
		);
	});

	it("accepts a single statement object and a single string value", () => {
		const json = JSON.stringify({
			Version: "2012-10-17",
			Statement: {
				Sid: "RevokedSessionsUntil20300101T130000Z",
				Effect: "Deny",
				Action: "s3:*",
				Resource: "*",
				Condition: { StringEquals: { "aws:userid": `${ROLE_ID}:signet-x` } },
			},
		});
		expect(parseRevocationPolicy(json)).toEqual({
			revokedSessions: [session("x", "2030-01-01T13:00:00Z")],
		});
	});
});
