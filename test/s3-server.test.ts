/** Proves the test S3 server is a real check: it verifies SigV4 signatures, key ids, secrets and expiry. */
import {
	GetObjectCommand,
	HeadBucketCommand,
	ListObjectsV2Command,
	PutObjectCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	createS3Client,
	LOCAL_LONG_TERM,
	LOCAL_TEMPORARY,
	type S3Credentials,
	type S3Server,
	startS3Server,
} from "./support/s3-server.ts";

const KEY = "reports/q1 final.txt";
const OTHER_KEY = "reports/q2.txt";
const SESSION_TOKEN = "IQoJb3JpZ2luX2VjSIGNETLOCAL/SESSION+TOKEN==";

let server: S3Server;

beforeAll(async () => {
	server = await startS3Server({
		buckets: [
			{
				name: "demo",
				objects: { [KEY]: "first quarter", [OTHER_KEY]: "second quarter" },
			},
		],
	});
});

afterAll(() => server?.close());

interface PresignOptions {
	credentials?: S3Credentials;
	expiresIn?: number;
	signingDate?: Date;
}

function presignGet(key: string, options: PresignOptions = {}) {
	const client = createS3Client(server, options.credentials ?? LOCAL_LONG_TERM);
	return getSignedUrl(
		client,
		new GetObjectCommand({ Bucket: "demo", Key: key }),
		{
			expiresIn: options.expiresIn ?? 60,
			signingDate: options.signingDate ?? new Date(),
		},
	);
}

/** Changes the first character of a query parameter's value, leaving the rest of the URL byte for byte. */
function tamperParam(url: string, name: string): string {
	return url.replace(
		new RegExp(`([?&]${name}=)(.)`),
		(_, prefix: string, first: string) => prefix + (first === "0" ? "1" : "0"),
	);
}

async function errorOf(response: Response) {
	const body = await response.text();
	return {
		status: response.status,
		code: /<Code>(.*)<\/Code>/.exec(body)?.[1],
		body,
	};
}

describe("the test S3 server", () => {
	it("serves a seeded object through a presigned GET", async () => {
		const response = await fetch(await presignGet(KEY));
		expect(response.status).toBe(200);
		expect(await response.text()).toBe("first quarter");
	});

	it("refuses a URL whose signature has one character changed", async () => {
		const url = await presignGet(KEY);
		const response = await fetch(tamperParam(url, "X-Amz-Signature"));
		expect(await errorOf(response)).toMatchObject({
			status: 403,
			code: "SignatureDoesNotMatch",
		});
	});

	it("refuses a URL pointed at another existing key", async () => {
		const url = new URL(await presignGet(KEY));
		url.pathname = `/demo/${OTHER_KEY}`;
		const response = await fetch(url);
		expect(await errorOf(response)).toMatchObject({
			status: 403,
			code: "SignatureDoesNotMatch",
		});
	});

	it("refuses the object URL with the signature stripped", async () => {
		const url = new URL(await presignGet(KEY));
		url.search = "";
		const response = await fetch(url);
		expect(await errorOf(response)).toMatchObject({
			status: 403,
			code: "AccessDenied",
		});
	});

	it("refuses a URL signed with the wrong secret", async () => {
		const credentials = {
			...LOCAL_LONG_TERM,
			secretAccessKey: "not-the-secret",
		};
		const response = await fetch(await presignGet(KEY, { credentials }));
		expect(await errorOf(response)).toMatchObject({
			status: 403,
			code: "SignatureDoesNotMatch",
		});
	});

	it("refuses a URL signed with an unknown access key id", async () => {
		const credentials = {
			...LOCAL_LONG_TERM,
			accessKeyId: "AKIAUNKNOWNKEY000000",
		};
		const response = await fetch(await presignGet(KEY, { credentials }));
		expect(await errorOf(response)).toMatchObject({
			status: 403,
			code: "InvalidAccessKeyId",
		});
	});

	it("refuses an expired URL with AccessDenied 'Request has expired'", async () => {
		// Signed 10 s ago for 1 s: s3rver compares X-Amz-Date + X-Amz-Expires with its clock, no waiting needed.
		const signingDate = new Date(Date.now() - 10_000);
		const response = await fetch(
			await presignGet(KEY, { signingDate, expiresIn: 1 }),
		);
		const error = await errorOf(response);
		expect(error).toMatchObject({ status: 403, code: "AccessDenied" });
		expect(error.body).toContain("<Message>Request has expired</Message>");

		const stillValid = await fetch(
			await presignGet(KEY, { signingDate, expiresIn: 60 }),
		);
		expect(stillValid.status).toBe(200);
	});

	it("stores the body of a presigned PUT so a later GET reads it back", async () => {
		const client = createS3Client(server, LOCAL_LONG_TERM);
		const command = new PutObjectCommand({
			Bucket: "demo",
			Key: "uploads/new.txt",
			ContentType: "text/plain",
		});
		const url = await getSignedUrl(client, command, { expiresIn: 60 });
		const put = await fetch(url, {
			method: "PUT",
			body: "uploaded",
			headers: { "content-type": "text/plain" },
		});
		expect(put.status).toBe(200);

		const read = await client.send(
			new GetObjectCommand({ Bucket: "demo", Key: "uploads/new.txt" }),
		);
		expect(await read.Body?.transformToString()).toBe("uploaded");
		client.destroy();
	});

	it("refuses a presigned PUT whose Content-Type differs from a signed one", async () => {
		// The presigner signs only `host` unless asked; once content-type is signed, s3rver checks it.
		const client = createS3Client(server, LOCAL_LONG_TERM);
		const command = new PutObjectCommand({
			Bucket: "demo",
			Key: "uploads/typed.txt",
			ContentType: "text/plain",
		});
		const url = await getSignedUrl(client, command, {
			expiresIn: 60,
			signableHeaders: new Set(["content-type"]),
		});
		expect(url).toContain("X-Amz-SignedHeaders=content-type%3Bhost");
		const put = await fetch(url, {
			method: "PUT",
			body: "<p>",
			headers: { "content-type": "text/html" },
		});
		expect(await errorOf(put)).toMatchObject({
			status: 403,
			code: "SignatureDoesNotMatch",
		});
	});

	it("answers path-style ListObjectsV2 and HeadBucket (needs the patch in patches/)", async () => {
		const client = createS3Client(server, LOCAL_LONG_TERM);
		const listed = await client.send(
			new ListObjectsV2Command({ Bucket: "demo", Prefix: "reports/" }),
		);
		expect(listed.Contents?.map((object) => object.Key)).toEqual([
			KEY,
			OTHER_KEY,
		]);
		const head = await client.send(new HeadBucketCommand({ Bucket: "demo" }));
		expect(head.$metadata.httpStatusCode).toBe(200);
		client.destroy();
	});

	it("accepts a URL signed with the ASIA key and a session token, which is covered by the signature", async () => {
		const credentials = { ...LOCAL_TEMPORARY, sessionToken: SESSION_TOKEN };
		const url = await presignGet(KEY, { credentials });
		expect(new URL(url).searchParams.get("X-Amz-Security-Token")).toBe(
			SESSION_TOKEN,
		);
		expect((await fetch(url)).status).toBe(200);

		const tampered = await fetch(tamperParam(url, "X-Amz-Security-Token"));
		expect(await errorOf(tampered)).toMatchObject({
			status: 403,
			code: "SignatureDoesNotMatch",
		});
	});
});
