/**
 * The AWS SDK's own SigV4 header signer (@smithy/signature-v4): the reference our signer is checked
 * against, and what the fake STS/IAM verifies requests with.
 */
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

export interface SdkSignInput {
	method: string;
	url: URL;
	/** Lowercase names, `host` included. */
	headers: Record<string, string>;
	body?: string;
	service: string;
	region: string;
	credentials: {
		accessKeyId: string;
		secretAccessKey: string;
		sessionToken?: string;
	};
	signingDate: Date;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: SourceData): string | Uint8Array {
	if (typeof data === "string") return data;
	return ArrayBuffer.isView(data)
		? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
		: new Uint8Array(data);
}

/** The SDK's hash interface on node:crypto: HMAC when given a key, SHA-256 otherwise. */
class Sha256 {
	private readonly hash;
	constructor(secret?: SourceData) {
		this.hash =
			secret === undefined
				? createHash("sha256")
				: createHmac("sha256", bytesOf(secret));
	}
	update(data: SourceData): void {
		this.hash.update(bytesOf(data));
	}
	async digest(): Promise<Uint8Array> {
		return new Uint8Array(this.hash.digest());
	}
}

/** The headers the SDK sends for this request, `authorization` included. */
export async function sdkSignedHeaders(
	input: SdkSignInput,
): Promise<Record<string, string>> {
	const isS3 = input.service === "s3";
	const signer = new SignatureV4({
		service: input.service,
		region: input.region,
		credentials: input.credentials,
		sha256: Sha256,
		// S3 signs the path as sent and wants the payload hash as a header; other services do neither.
		uriEscapePath: !isS3,
		applyChecksum: isS3,
	});
	// No prototype: a parameter may be called `toString` or `__proto__`.
	const query: Record<string, string | string[]> = Object.create(null);
	for (const [name, value] of input.url.searchParams) {
		const seen = Object.hasOwn(query, name) ? query[name] : undefined;
		query[name] =
			seen === undefined
				? value
				: Array.isArray(seen)
					? [...seen, value]
					: [seen, value];
	}
	const signed = await signer.sign(
		{
			method: input.method,
			protocol: input.url.protocol,
			hostname: input.url.hostname,
			port: input.url.port ? Number(input.url.port) : undefined,
			path: input.url.pathname,
			query,
			headers: { ...input.headers },
			body: input.body,
		},
		{ signingDate: input.signingDate },
	);
	return signed.headers;
}
