/**
 * The whole backend for end-to-end tests: a signature-checking S3 server with one bucket, STS and
 * IAM faked at their HTTP boundary, and the Node server over real HTTP with tokens for an admin
 * and two members.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../server/config.ts";
import { type RunningServer, startServer } from "../../server/node.ts";
import { issueToken } from "../../server/tokens.ts";
import { type FakeAws, startFakeAws } from "./fake-aws.ts";
import {
	LOCAL_LONG_TERM,
	LOCAL_TEMPORARY,
	type S3Server,
	startS3Server,
} from "./s3-server.ts";

export const BUCKET = "acme";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/signet-scoped";

/** What every profile of these tests shares: the bucket on the local S3 server, under reports/. */
export interface ProfileBase {
	bucket: string;
	region: string;
	endpoint: string;
	prefix: string;
}

export interface BackendOptions {
	objects: Record<string, string>;
	profiles: (base: ProfileBase) => unknown[];
	/** A label for each member's token, as the admin page lists them. */
	tokenLabel?: (user: string) => string;
}

export interface Backend {
	s3: S3Server;
	aws: FakeAws;
	server: RunningServer;
	tokens: Record<"admin" | "alice" | "bob", string>;
	close(): Promise<void>;
}

export interface Upstreams {
	s3: S3Server;
	aws: FakeAws;
	close(): Promise<void>;
}

/**
 * What the backend talks to: the S3 server holding BUCKET, and STS/IAM faked at their HTTP boundary,
 * which accept LOCAL_LONG_TERM (the backend's own keys) and hand out LOCAL_TEMPORARY sessions.
 */
export async function startUpstreams(
	objects: Record<string, string>,
): Promise<Upstreams> {
	const s3 = await startS3Server({ buckets: [{ name: BUCKET, objects }] });
	const aws = await startFakeAws({
		credentials: LOCAL_TEMPORARY,
		callers: [LOCAL_LONG_TERM],
	});
	return {
		s3,
		aws,
		close: async () => {
			await aws.close();
			await s3.close();
		},
	};
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
	const upstreams = await startUpstreams(options.objects);
	const { s3, aws } = upstreams;
	// The backend's own identity comes through the default provider chain, as in production.
	process.env.AWS_ACCESS_KEY_ID = LOCAL_LONG_TERM.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY = LOCAL_LONG_TERM.secretAccessKey;
	const dataDir = await mkdtemp(join(tmpdir(), "signet-e2e-"));
	const base = {
		bucket: BUCKET,
		region: "us-east-1",
		endpoint: s3.endpoint,
		prefix: "reports",
	};
	const server = await startServer({
		config: parseConfig({ profiles: options.profiles(base) }),
		dataDir,
		host: "127.0.0.1",
		port: 0,
		stsEndpoint: aws.endpoint,
		iamEndpoint: aws.endpoint,
		log: () => {},
	});
	const tokens = { admin: server.bootstrapToken ?? "", alice: "", bob: "" };
	for (const user of ["alice", "bob"] as const) {
		const label = options.tokenLabel?.(user);
		tokens[user] = (
			await issueToken(server.store.tokens, {
				user,
				role: "member",
				label,
				now: new Date(),
			})
		).token;
	}
	return {
		s3,
		aws,
		server,
		tokens,
		close: async () => {
			await server.close();
			await upstreams.close();
			await rm(dataDir, { recursive: true, force: true });
		},
	};
}
