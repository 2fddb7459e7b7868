/**
 * ObjectLister over S3 ListObjectsV2, signed with the profile's own credentials (for picking a file).
 * Called over fetch with our own SigV4 signer, so the same code runs on Node and Workers.
 */
import { SignetError } from "../../shared/errors.ts";
import { AwsError, describeAwsError } from "../aws/aws-error.ts";
import { createAwsFetch } from "../aws/aws-fetch.ts";
import { listObjectsV2 } from "../aws/s3-list.ts";
import type { CredentialSource, ObjectLister } from "../ports.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";

export interface S3ObjectListerOptions {
	credentials: CredentialSource;
	/** Hashing for the SigV4 signatures of ListObjectsV2. */
	crypto: SigningCrypto;
}

export function createS3ObjectLister(
	options: S3ObjectListerOptions,
): ObjectLister {
	if (!options?.credentials) {
		throw new Error(
			"[signet] [s3-objects] Missing option `credentials`: the CredentialSource that signs for each profile.",
		);
	}
	const { credentials } = options;
	const send = createAwsFetch({ crypto: options.crypto });
	return {
		async list({ profile, prefix, cursor, limit }) {
			const signing = await credentials.forProfile(profile, 60);
			try {
				const page = await listObjectsV2(send, {
					bucket: profile.bucket,
					region: profile.region,
					endpoint: profile.endpoint,
					// S3-compatible servers (MinIO, the local demo) are addressed path-style.
					forcePathStyle: Boolean(profile.endpoint),
					prefix,
					delimiter: "/",
					maxKeys: limit,
					continuationToken: cursor,
					credentials: signing,
				});
				return {
					objects: page.objects,
					folders: page.commonPrefixes,
					nextCursor: page.nextContinuationToken,
				};
			} catch (error) {
				const { cause } = describeAwsError(error, [
					signing.secretAccessKey,
					signing.sessionToken,
				]);
				throw new SignetError(
					"upstream_failed",
					`Listing '${profile.bucket}/${prefix}' failed: ${listingFailure(error)}.`,
					{ cause },
				);
			}
		},
	};
}

/** What went wrong, in words that carry no secret: S3's code, or what kept us from an answer. */
function listingFailure(error: unknown): string {
	if (error instanceof AwsError) {
		if (error.code === "TimeoutError") return "S3 did not answer in time";
		return error.code === "NetworkError"
			? "S3 could not be reached (check the profile's endpoint and region)"
			: `S3 answered ${error.code}`;
	}
	// A region or endpoint no URL can be made of, or a prefix no URL can carry (a lone surrogate).
	if (error instanceof TypeError || error instanceof URIError)
		return "no request to S3 could be made of the profile and this prefix";
	return "S3's answer could not be read";
}
