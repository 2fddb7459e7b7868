/** The Signer port over our own SigV4 presigner: a profile's bucket, region and endpoint to a URL. */
import type { Signer } from "../ports.ts";
import { createS3Presigner } from "../signing/presign-s3.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";

export interface S3SignerOptions {
	/** node:crypto on Node (fastest), Web Crypto on Workers. */
	crypto: SigningCrypto;
}

export function createS3Signer({ crypto }: S3SignerOptions): Signer {
	const presigner = createS3Presigner({ crypto });
	return {
		presign: (input) =>
			presigner.presign({
				method: input.method,
				bucket: input.profile.bucket,
				key: input.key,
				region: input.profile.region,
				endpoint: input.profile.endpoint,
				// S3-compatible servers (MinIO, the local demo) are addressed path-style.
				forcePathStyle: Boolean(input.profile.endpoint),
				credentials: input.credentials,
				expiresInSeconds: input.expiresInSeconds,
				signingDate: input.signingDate,
				responseContentDisposition: input.responseContentDisposition,
				contentType: input.contentType,
			}),
	};
}
