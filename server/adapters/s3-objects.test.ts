/** Browsing a bucket over our fetch-based ListObjectsV2, against a real signature-checking S3 server. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	createS3Client,
	LOCAL_LONG_TERM,
	type S3Server,
	startS3Server,
} from "../../test/support/s3-server.ts";
import { type Profile, profileSchema } from "../config.ts";
import type { CredentialSource, SigningCredentials } from "../ports.ts";
import { createNodeCrypto } from "../signing/node-crypto.ts";
import { createS3ObjectLister } from "./s3-objects.ts";

const OBJECTS = {
	"docs/readme.txt": "hello",
	"docs/a&b <c> 'd' \"e\".txt": "entities",
	"docs/ü ñ 日本 +%.txt": "unicode",
	"docs/2025/q1.csv": "q1",
	"docs/2025/q2.csv": "q2",
	"docs/archive/old.txt": "old",
	"other/x.txt": "x",
};
let s3: S3Server;

beforeAll(async () => {
	s3 = await startS3Server({ buckets: [{ name: "acme", objects: OBJECTS }] });
});
afterAll(() => s3?.close());

function profile(bucket = "acme"): Profile {
	return profileSchema.parse({
		id: "docs",
		label: "Docs",
		bucket,
		region: "us-east-1",
		endpoint: s3.endpoint,
		prefix: "docs/",
	});
}

function lister(keys = LOCAL_LONG_TERM) {
	const signing: SigningCredentials = {
		...keys,
		expiresAt: null,
		sessionUserId: null,
		kind: "long-term",
	};
	const credentials: CredentialSource = {
		forShare: async () => signing,
		forProfile: async () => signing,
	};
	return createS3ObjectLister({ credentials, crypto: createNodeCrypto() });
}

describe("createS3ObjectLister", () => {
	it("lists objects and folders under a prefix, keys with XML entities and unicode intact, as the SDK sees them", async () => {
		const page = await lister().list({
			profile: profile(),
			prefix: "docs/",
			limit: 100,
		});
		expect(page.objects.map((o) => o.key).sort()).toEqual(
			[
				"docs/readme.txt",
				"docs/a&b <c> 'd' \"e\".txt",
				"docs/ü ñ 日本 +%.txt",
			].sort(),
		);
		expect(page.folders).toEqual(["docs/2025/", "docs/archive/"]);
		expect(page.nextCursor).toBeNull();
		const sdk = createS3Client(s3, LOCAL_LONG_TERM);
		const reference = await sdk.send(
			new ListObjectsV2Command({
				Bucket: "acme",
				Prefix: "docs/",
				Delimiter: "/",
			}),
		);
		sdk.destroy();
		expect(page.objects).toEqual(
			(reference.Contents ?? []).map((o) => ({
				key: o.Key,
				size: o.Size,
				lastModified: o.LastModified?.toISOString(),
			})),
		);
	});

	it("pages with the continuation token until every key is seen", async () => {
		const seen: string[] = [];
		let cursor: string | undefined;
		let pages = 0;
		do {
			const page = await lister().list({
				profile: profile(),
				prefix: "docs/2025/",
				limit: 1,
				cursor,
			});
			seen.push(...page.objects.map((o) => o.key));
			cursor = page.nextCursor ?? undefined;
			pages++;
		} while (cursor && pages < 5);
		expect(seen).toEqual(["docs/2025/q1.csv", "docs/2025/q2.csv"]);
	});

	it("wraps S3's refusal as upstream_failed naming its code, without the secret", async () => {
		const missing = lister().list({
			profile: profile("no-such-bucket"),
			prefix: "docs/",
			limit: 10,
		});
		await expect(missing).rejects.toMatchObject({
			code: "upstream_failed",
			message:
				"Listing 'no-such-bucket/docs/' failed: S3 answered NoSuchBucket.",
		});
		const wrongKey = {
			...LOCAL_LONG_TERM,
			secretAccessKey: "wrongSecret00000000000000000000000000001",
		};
		const error = await lister(wrongKey)
			.list({ profile: profile(), prefix: "docs/", limit: 10 })
			.catch((e: Error) => e);
		expect(error).toMatchObject({
			message:
				"Listing 'acme/docs/' failed: S3 answered SignatureDoesNotMatch.",
		});
		expect(
			JSON.stringify(error) + String((error as Error).cause),
		).not.toContain(wrongKey.secretAccessKey);
	});

	it("says when S3 cannot be reached, rather than blaming its answer", async () => {
		// A port nothing listens on: the connection is refused at once.
		const closed = await new Promise<number>((found) => {
			const probe = createServer().listen(0, "127.0.0.1", () => {
				const { port } = probe.address() as AddressInfo;
				probe.close(() => found(port));
			});
		});
		const unreachable = profileSchema.parse({
			...profile(),
			endpoint: `http://127.0.0.1:${closed}`,
		});
		await expect(
			lister().list({ profile: unreachable, prefix: "docs/", limit: 10 }),
		).rejects.toMatchObject({
			code: "upstream_failed",
			message:
				"Listing 'acme/docs/' failed: S3 could not be reached (check the profile's endpoint and region).",
		});
	});
});
