/** Presigning cost per URL against its hashing floor and against the AWS SDK, in the same run. */
import { createHmac, createSecretKey, hash } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createNodeCrypto } from "../server/signing/node-crypto.ts";
import {
	createS3Presigner,
	type PresignRequest,
} from "../server/signing/presign-s3.ts";
import {
	createWebCrypto,
	type SigningCrypto,
} from "../server/signing/signing-crypto.ts";
import { LONG_TERM } from "../test/support/aws-presign.ts";
import {
	type Measurement,
	type MeasureOptions,
	measure,
	median,
	report,
} from "./harness.ts";

const REQUEST: PresignRequest = {
	method: "GET",
	bucket: "reports",
	key: "team-3/2025/report 42 (final)+ü.pdf",
	region: "eu-west-1",
	credentials: LONG_TERM,
	expiresInSeconds: 3600,
	signingDate: new Date("2025-03-01T12:00:00Z"),
	responseContentDisposition: 'attachment; filename="report 42.pdf"',
};

/** `measure` for async work: each round awaits `batch` calls in turn, and the median round counts. */
async function measureAsync(
	name: string,
	run: (i: number) => Promise<unknown>,
	{ batch, rounds = 15 }: MeasureOptions,
): Promise<Measurement> {
	for (let i = 0; i < batch; i++) await run(i); // warm-up for the JIT
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < batch; i++) await run(i);
		times.push(Number(process.hrtime.bigint() - start) / batch);
	}
	return { name, nsPerOp: median(times) };
}

/** Node crypto that remembers what it was last asked to hash, to give the floor the same inputs. */
function recordingCrypto() {
	const inner = createNodeCrypto();
	const seen = { canonicalRequest: "", stringToSign: "" };
	const crypto: SigningCrypto = {
		sha256Hex(data) {
			seen.canonicalRequest = data;
			return inner.sha256Hex(data);
		},
		hmac: inner.hmac,
		async hmacHexWith(key) {
			const hmacHex = await inner.hmacHexWith(key);
			return (data) => {
				seen.stringToSign = data;
				return hmacHex(data);
			};
		},
	};
	return { crypto, seen };
}

/** The SDK's way to sign REQUEST: one client, a new command per URL as an app would. */
function createSdkSigner(): () => Promise<string> {
	const client = new S3Client({
		region: REQUEST.region,
		credentials: LONG_TERM,
		requestChecksumCalculation: "WHEN_REQUIRED",
		responseChecksumValidation: "WHEN_REQUIRED",
	});
	return () =>
		getSignedUrl(
			client,
			new GetObjectCommand({
				Bucket: REQUEST.bucket,
				Key: REQUEST.key,
				ResponseContentDisposition: REQUEST.responseContentDisposition,
			}),
			{ expiresIn: REQUEST.expiresInSeconds, signingDate: REQUEST.signingDate },
		);
}

export async function benchSigning(): Promise<void> {
	const sdkSign = createSdkSigner();
	const recording = recordingCrypto();
	const url = await createS3Presigner({ crypto: recording.crypto }).presign(
		REQUEST,
	);
	if (url !== (await sdkSign()))
		throw new Error(`bench URL differs from the SDK's: ${url}`);

	// The irreducible work: hash the canonical request, then HMAC the string to sign around that hash.
	const { canonicalRequest, stringToSign } = recording.seen;
	const stringToSignHead = stringToSign.slice(0, -64);
	const signingKey = createSecretKey(hash("sha256", "any 32 bytes", "buffer"));
	const floor = measure(
		"SHA-256 + HMAC-SHA256 (node:crypto)",
		() =>
			createHmac("sha256", signingKey)
				.update(stringToSignHead + hash("sha256", canonicalRequest, "hex"))
				.digest("hex"),
		{ batch: 20_000 },
	);

	const presigner = createS3Presigner({ crypto: createNodeCrypto() });
	const ours = await measureAsync(
		"presign() with node:crypto",
		() => presigner.presign(REQUEST),
		{ batch: 20_000 },
	);
	report(ours, floor, 3);
	// For information: what Workers and browsers pay, where crypto.subtle is the only choice.
	const webPresigner = createS3Presigner({ crypto: createWebCrypto() });
	report(
		await measureAsync(
			"presign() with crypto.subtle",
			() => webPresigner.presign(REQUEST),
			{ batch: 5_000 },
		),
		floor,
	);

	// getSignedUrl runs the client's whole middleware stack per URL: far fewer iterations.
	const sdk = await measureAsync("SDK getSignedUrl()", sdkSign, {
		batch: 300,
		rounds: 7,
	});
	report(ours, sdk);
	console.log(
		`  → presign() is ${(sdk.nsPerOp / ours.nsPerOp).toFixed(0)}× faster than getSignedUrl()`,
	);
}
