/** A real S3 server (s3rver) on 127.0.0.1 that verifies SigV4 signatures and expiry, for tests and the demo. */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { LOCAL_LONG_TERM, LOCAL_TEMPORARY } from "./local-keys.ts";

export interface S3Credentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

export interface S3BucketSeed {
	name: string;
	objects?: Record<string, string | Uint8Array>;
}

export interface S3ServerOptions {
	buckets?: S3BucketSeed[];
	credentials?: S3Credentials[];
}

export interface S3Server {
	endpoint: string;
	region: "us-east-1";
	credentials: S3Credentials[];
	close(): Promise<void>;
}

export { LOCAL_LONG_TERM, LOCAL_TEMPORARY };

// s3rver ships no types; these are the parts of its lib/ (a Koa app) we use.
interface S3rverContext {
	method: string;
	headers: Record<string, unknown>;
	query: Record<string, unknown>;
}
type S3rverMiddleware = (
	ctx: S3rverContext,
	next: () => Promise<void>,
) => Promise<void>;
interface S3rver {
	middleware: S3rverMiddleware[];
	run(): Promise<{ port: number }>;
	close(): Promise<void>;
}
type S3rverConstructor = new (options: {
	address: string;
	port: number;
	silent: boolean;
	directory: string;
	configureBuckets: { name: string }[];
}) => S3rver;
interface S3rverAccount {
	createKeyPair(accessKeyId: string, secretAccessKey: string): void;
	revokeAccessKey(accessKeyId: string): void;
}

const require = createRequire(import.meta.url);
const S3rver: S3rverConstructor = require("@20minutes/s3rver");
const ACCOUNT: S3rverAccount =
	require("@20minutes/s3rver/lib/models/account.js").DUMMY_ACCOUNT;
const S3Error: new (
	code: string,
	message: string,
) => Error = require("@20minutes/s3rver/lib/models/error.js");

/** s3rver serves unsigned requests as if every bucket were public; real S3 refuses them on a private bucket. */
const refuseAnonymous: S3rverMiddleware = async (ctx, next) => {
	const isSigned =
		"authorization" in ctx.headers ||
		"X-Amz-Algorithm" in ctx.query ||
		"Signature" in ctx.query;
	if (!isSigned && ctx.method !== "OPTIONS") {
		throw new S3Error("AccessDenied", "Access Denied");
	}
	await next();
};

// s3rver keeps one key registry per process, so servers sharing a key id share one registration.
const keyUsers = new Map<string, { secretAccessKey: string; users: number }>();

function registerKey({ accessKeyId, secretAccessKey }: S3Credentials): void {
	const existing = keyUsers.get(accessKeyId);
	if (existing && existing.secretAccessKey !== secretAccessKey) {
		throw new Error(
			`[signet] [s3-server] Access key '${accessKeyId}' is already registered with another secret by a running server. Close it first or use another key id.`,
		);
	}
	if (!existing) ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
	keyUsers.set(accessKeyId, {
		secretAccessKey,
		users: (existing?.users ?? 0) + 1,
	});
}

function releaseKey(accessKeyId: string): void {
	const entry = keyUsers.get(accessKeyId);
	if (!entry) return;
	entry.users -= 1;
	if (entry.users > 0) return;
	keyUsers.delete(accessKeyId);
	ACCOUNT.revokeAccessKey(accessKeyId);
}

/** The client settings every test uses against this server: path-style, no optional checksums. */
export function createS3Client(
	server: Pick<S3Server, "endpoint" | "region">,
	credentials: S3Credentials,
): S3Client {
	return new S3Client({
		endpoint: server.endpoint,
		region: server.region,
		credentials,
		forcePathStyle: true,
		requestChecksumCalculation: "WHEN_REQUIRED",
		responseChecksumValidation: "WHEN_REQUIRED",
	});
}

async function seedObjects(
	server: Pick<S3Server, "endpoint" | "region">,
	credentials: S3Credentials,
	buckets: S3BucketSeed[],
): Promise<void> {
	const client = createS3Client(server, credentials);
	try {
		for (const bucket of buckets) {
			for (const [key, body] of Object.entries(bucket.objects ?? {})) {
				await client.send(
					new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: body }),
				);
			}
		}
	} finally {
		client.destroy();
	}
}

export async function startS3Server(
	options: S3ServerOptions = {},
): Promise<S3Server> {
	const buckets = options.buckets ?? [{ name: "demo" }];
	const credentials = options.credentials ?? [LOCAL_LONG_TERM, LOCAL_TEMPORARY];
	const [seeder] = credentials;
	if (!seeder) {
		throw new Error(
			"[signet] [s3-server] Option `credentials` is empty. Pass at least one key pair.",
		);
	}
	const directory = await mkdtemp(join(tmpdir(), "signet-s3-"));
	const registered: string[] = [];
	let running: S3rver | undefined;

	const close = async () => {
		await running?.close();
		running = undefined;
		for (const accessKeyId of registered.splice(0)) releaseKey(accessKeyId);
		await rm(directory, { recursive: true, force: true });
	};

	try {
		for (const pair of credentials) {
			registerKey(pair);
			registered.push(pair.accessKeyId);
		}
		const s3rver = new S3rver({
			address: "127.0.0.1",
			port: 0,
			silent: true,
			directory,
			configureBuckets: buckets.map(({ name }) => ({ name })),
		});
		s3rver.middleware.unshift(refuseAnonymous);
		const { port } = await s3rver.run();
		running = s3rver;
		const server = {
			endpoint: `http://127.0.0.1:${port}`,
			region: "us-east-1" as const,
		};
		await seedObjects(server, seeder, buckets);
		return { ...server, credentials, close };
	} catch (error) {
		await close();
		throw error;
	}
}
