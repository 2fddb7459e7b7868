/** S3 ListObjectsV2 over fetch. https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
import type { AwsCredentials } from "../ports.ts";
import { escapeUri } from "../signing/escape-uri.ts";
import { type BucketTarget, locateBucket } from "../signing/presign-s3.ts";
import type { AwsFetch } from "./aws-fetch.ts";
import { childrenNamed, childText, parseXml } from "./xml.ts";

export interface ListObjectsInput extends BucketTarget {
	prefix?: string;
	delimiter?: string;
	maxKeys?: number;
	continuationToken?: string;
	credentials: AwsCredentials;
}

export interface ListedObject {
	key: string;
	size: number;
	/** ISO 8601, as S3 gives it. */
	lastModified: string;
}

export interface ObjectListing {
	objects: ListedObject[];
	/** CommonPrefixes: the "folders" under the prefix, each ending with the delimiter. */
	commonPrefixes: string[];
	nextContinuationToken: string | null;
}

export async function listObjectsV2(
	send: AwsFetch,
	input: ListObjectsInput,
): Promise<ObjectListing> {
	const { origin, path } = locateBucket(input);
	// Escaped as the signer escapes them, so the URL sent is the URL signed.
	let query = "list-type=2";
	const params: [string, string | number | undefined][] = [
		["continuation-token", input.continuationToken],
		["delimiter", input.delimiter],
		["max-keys", input.maxKeys],
		["prefix", input.prefix],
	];
	for (const [name, value] of params) {
		if (value !== undefined) query += `&${name}=${escapeUri(String(value))}`;
	}
	const answer = await send({
		service: "s3",
		region: input.region,
		method: "GET",
		url: new URL(`${origin}${path}?${query}`),
		credentials: input.credentials,
	});
	const root = parseXml(answer.body);
	return {
		objects: childrenNamed(root, "Contents").map((object) => ({
			key: childText(object, "Key") ?? "",
			size: Number(childText(object, "Size") ?? 0),
			lastModified: isoOf(childText(object, "LastModified")),
		})),
		commonPrefixes: childrenNamed(root, "CommonPrefixes")
			.map((folder) => childText(folder, "Prefix") ?? "")
			.filter(Boolean),
		nextContinuationToken:
			childText(root, "IsTruncated") === "true"
				? (childText(root, "NextContinuationToken") ?? null)
				: null,
	};
}

/** `2025-03-01T12:00:00Z` → `2025-03-01T12:00:00.000Z`, as the SDK's Date would print it. */
function isoOf(text: string | undefined): string {
	const date = new Date(text ?? "");
	return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}
