/** In-memory AppDeps for route tests: memory store, the real signer, credentials and a revoker we can watch. */
import { createMemoryStore } from "../../server/adapters/memory-store.ts";
import { createS3Signer } from "../../server/adapters/s3-signer.ts";
import { createApp } from "../../server/app.ts";
import { parseConfig } from "../../server/config.ts";
import type {
	AppDeps,
	CredentialSource,
	Revoker,
	SigningCredentials,
} from "../../server/ports.ts";
import { createNodeCrypto } from "../../server/signing/node-crypto.ts";
import { issueToken } from "../../server/tokens.ts";

export const TEST_CONFIG = {
	extensionOrigins: ["chrome-extension://abcdefghijklmnopabcdefghijklmnop"],
	profiles: [
		{
			id: "reports",
			label: "Finance reports",
			bucket: "acme-reports",
			region: "eu-west-1",
			prefix: "reports/",
			actions: ["get", "put"],
			maxTtlSeconds: 604_800,
			defaultTtlSeconds: 3600,
		},
		{
			id: "scoped",
			label: "Per-share sessions",
			bucket: "acme-scoped",
			region: "us-east-1",
			prefix: "shared/",
			credentials: {
				roleArn: "arn:aws:iam::123456789012:role/signet-scoped",
				maxSessionSeconds: 3600,
			},
		},
		{
			id: "payroll",
			label: "Payroll",
			bucket: "acme-payroll",
			region: "eu-west-1",
			users: ["carol"],
		},
	],
};

export interface TestDeps extends AppDeps {
	/** Moves the clock. */
	advance(seconds: number): void;
	/** Each session revoked, one entry per session (a batch adds several). */
	revoked: {
		profile: Parameters<Revoker["revokeSessions"]>[0]["profile"];
		sessionUserId: string;
		sessionExpiresAt: Date;
	}[];
	/** How many revokeSessions calls (IAM policy changes) there were. */
	revokeCalls: number;
	revokedBefore: Parameters<Revoker["revokeSessionsIssuedBefore"]>[0][];
	logs: string[];
}

const LONG_TERM = {
	accessKeyId: "AKIAIOSFODNN7EXAMPLE",
	secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

/** Long-term keys without a role; a fake one-hour STS session per share where a profile has a role. */
function fakeCredentials(now: () => Date): CredentialSource {
	const session = (
		suffix: string,
		kind: SigningCredentials["kind"],
	): SigningCredentials => ({
		accessKeyId: "ASIAEXAMPLESESSION01",
		secretAccessKey: "sessionSecretExample0000000000000000000",
		sessionToken: `FwoGZXIvYXdzEXAMPLETOKEN${suffix}`,
		expiresAt: new Date(now().getTime() + 3600_000),
		sessionUserId:
			kind === "per-share-session"
				? `AROAEXAMPLEROLEID:signet-${suffix}`
				: null,
		kind,
	});
	const longTerm: SigningCredentials = {
		...LONG_TERM,
		expiresAt: null,
		sessionUserId: null,
		kind: "long-term",
	};
	return {
		forShare: async ({ profile, shareId }) =>
			profile.credentials.roleArn
				? session(shareId, "per-share-session")
				: longTerm,
		forProfile: async (profile) =>
			profile.credentials.roleArn
				? session("shared", "shared-session")
				: longTerm,
	};
}

export function createTestDeps(config: unknown = TEST_CONFIG): TestDeps {
	let nowMs = Date.parse("2025-03-01T12:00:00Z");
	const now = () => new Date(nowMs);
	const deps: TestDeps = {
		config: parseConfig(config),
		store: createMemoryStore(),
		signer: createS3Signer({ crypto: createNodeCrypto() }),
		credentials: fakeCredentials(now),
		revoker: {
			revokeSessions: async ({ profile, sessions }) => {
				deps.revokeCalls++;
				for (const session of sessions)
					deps.revoked.push({ profile, ...session });
			},
			revokeSessionsIssuedBefore: async (input) =>
				void deps.revokedBefore.push(input),
		},
		objects: {
			list: async () => ({ objects: [], folders: [], nextCursor: null }),
		},
		clock: { now },
		publicUrl: "https://signet.example.com",
		log: (line) => void deps.logs.push(line),
		clientAddress: () => "203.0.113.7",
		advance: (seconds) => {
			nowMs += seconds * 1000;
		},
		revoked: [],
		revokeCalls: 0,
		revokedBefore: [],
		logs: [],
	};
	return deps;
}

/** An app over test deps, with bearer tokens for an admin and two members. */
export async function createTestApp(config?: unknown) {
	const deps = createTestDeps(config);
	const app = createApp(deps);
	const at = deps.clock.now();
	const tokens = {
		admin: (
			await issueToken(deps.store.tokens, {
				user: "admin",
				role: "admin",
				now: at,
			})
		).token,
		alice: (
			await issueToken(deps.store.tokens, {
				user: "alice",
				role: "member",
				now: at,
			})
		).token,
		bob: (
			await issueToken(deps.store.tokens, {
				user: "bob",
				role: "member",
				now: at,
			})
		).token,
	};
	const call = (
		method: string,
		path: string,
		options: {
			as?: keyof typeof tokens | null;
			body?: unknown;
			raw?: string;
		} = {},
	) => {
		const headers: Record<string, string> = {};
		const who = options.as === undefined ? "alice" : options.as;
		if (who) headers.authorization = `Bearer ${tokens[who]}`;
		if (options.body !== undefined || options.raw !== undefined)
			headers["content-type"] = "application/json";
		return app.request(path, {
			method,
			headers,
			body:
				options.raw ??
				(options.body === undefined ? undefined : JSON.stringify(options.body)),
		});
	};
	return { app, deps, tokens, call };
}
