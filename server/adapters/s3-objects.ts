/** ObjectLister over S3 ListObjectsV2, signed with the profile's own credentials (for picking a file). */
import {
	ListObjectsV2Command,
	S3Client,
	S3ServiceException,
} from "@aws-sdk/client-s3";
import { SignetError } from "../../shared/errors.ts";
import type { Profile } from "../config.ts";
import type { CredentialSource, ObjectLister } from "../ports.ts";

export interface S3ObjectListerOptions {
	credentials: CredentialSource;
}

export function createS3ObjectLister({
	credentials,
}: S3ObjectListerOptions): ObjectLister {
	return {
		async list({ profile, prefix, cursor, limit }) {
			const client = await clientFor(credentials, profile);
			try {
				const page = await client.send(
					new ListObjectsV2Command({
						Bucket: profile.bucket,
						Prefix: prefix,
						Delimiter: "/",
						MaxKeys: limit,
						ContinuationToken: cursor,
					}),
				);
				return {
					objects: (page.Contents ?? []).map((object) => ({
						key: object.Key ?? "",
						size: object.Size ?? 0,
						lastModified: object.LastModified?.toISOString() ?? "",
					})),
					folders: (page.CommonPrefixes ?? [])
						.map((folder) => folder.Prefix ?? "")
						.filter(Boolean),
					nextCursor: page.NextContinuationToken ?? null,
				};
			} catch (error) {
				const code =
					error instanceof S3ServiceException ? error.name : "NetworkError";
				throw new SignetError(
					"upstream_failed",
					`Listing '${profile.bucket}/${prefix}' failed: S3 answered ${code}.`,
					{
						cause: error,
					},
				);
			} finally {
				client.destroy();
			}
		},
	};
}

async function clientFor(
	credentials: CredentialSource,
	profile: Profile,
): Promise<S3Client> {
	const signing = await credentials.forProfile(profile, 60);
	return new S3Client({
		region: profile.region,
		endpoint: profile.endpoint,
		forcePathStyle: Boolean(profile.endpoint),
		credentials: {
			accessKeyId: signing.accessKeyId,
			secretAccessKey: signing.secretAccessKey,
			sessionToken: signing.sessionToken,
		},
		requestChecksumCalculation: "WHEN_REQUIRED",
		responseChecksumValidation: "WHEN_REQUIRED",
		maxAttempts: 2,
	});
}
