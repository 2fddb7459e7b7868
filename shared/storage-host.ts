/** Recognises object-storage endpoints (S3, R2, GCS, S3-compatibles) and finds the bucket and key in a URL. */

import { percentDecode } from "./presigned/percent-decode.ts";
import { type Outcome, problem } from "./presigned/problem.ts";
import { regionalS3Host } from "./regional-s3-host.ts";
import { ok } from "./result.ts";

export type Provider = "aws" | "r2" | "gcs" | "s3-compatible" | "custom";
export type AddressingStyle = "virtual-hosted" | "path";

export interface StorageHost {
	provider: Provider;
	/** The bucket named by the host itself (virtual-hosted style), else null. */
	bucket: string | null;
	region: string | null;
}

export interface ObjectLocation {
	provider: Provider;
	addressingStyle: AddressingStyle;
	bucket: string | null;
	/** The object key exactly as stored, percent-decoding undone; null for bucket-level URLs. */
	key: string | null;
	region: string | null;
}

// https://docs.aws.amazon.com/general/latest/gr/s3.html: s3, s3.REGION, s3-REGION (legacy),
// dualstack, FIPS, Transfer Acceleration, access points and S3 Express directory buckets.
const AWS_S3 =
	/^(?:(.+)\.)?(?:s3-accelerate(?:\.dualstack)?|s3-external-1|s3(?:-fips)?(?:\.dualstack)?(?:[.-]([a-z]{2}(?:-[a-z]+)+-\d+))?|s3-accesspoint(?:-fips)?(?:\.dualstack)?\.([a-z]{2}(?:-[a-z]+)+-\d+)|s3express(?:-control)?(?:-[a-z0-9]+)*\.([a-z]{2}(?:-[a-z]+)+-\d+))\.amazonaws\.com(?:\.cn)?$/;
// https://developers.cloudflare.com/r2/api/s3/api/: ACCOUNT[.JURISDICTION].r2.cloudflarestorage.com
const R2 =
	/^(?:(.+)\.)?[0-9a-f]{32}(?:\.(?:eu|fedramp))?\.r2\.cloudflarestorage\.com$/;
const GCS =
	/^(?:(.+)\.)?storage(?:\.cloud)?\.googleapis\.com$|^storage\.cloud\.google\.com$/;
// S3-compatibles that document virtual-hosted URLs: Wasabi, Backblaze B2, DigitalOcean Spaces.
const S3_COMPATIBLE =
	/^(?:(.+)\.)?(?:s3\.(?:([a-z0-9-]+)\.)?wasabisys\.com|s3\.([a-z0-9-]+)\.backblazeb2\.com|([a-z]{3}\d)\.digitaloceanspaces\.com)$/;

export function parseStorageHost(hostname: string): StorageHost {
	// Most URLs name a regional S3 endpoint: read that shape by hand before trying the patterns.
	return regionalS3Host(hostname) ?? matchHostPatterns(hostname);
}

/** Every endpoint shape this module knows, by pattern; exported for the test of regionalS3Host. */
export function matchHostPatterns(hostname: string): StorageHost {
	const aws = AWS_S3.exec(hostname);
	if (aws) {
		return {
			provider: "aws",
			bucket: aws[1] ?? null,
			region: aws[2] ?? aws[3] ?? aws[4] ?? null,
		};
	}
	const r2 = R2.exec(hostname);
	if (r2) return { provider: "r2", bucket: r2[1] ?? null, region: "auto" };
	const gcs = GCS.exec(hostname);
	if (gcs) return { provider: "gcs", bucket: gcs[1] ?? null, region: null };
	const other = S3_COMPATIBLE.exec(hostname);
	if (other) {
		return {
			provider: "s3-compatible",
			bucket: other[1] ?? null,
			region: other[2] ?? other[3] ?? other[4] ?? null,
		};
	}
	// Anything else (MinIO on 127.0.0.1:9000, a corporate endpoint) is taken as path-style.
	return { provider: "custom", bucket: null, region: null };
}

/** Finds bucket and key from a host and a still-encoded path, as S3 itself would read them. */
export function locateObject(
	hostname: string,
	rawPath: string,
): Outcome<ObjectLocation, "malformed"> {
	const host = parseStorageHost(hostname);
	if (host.bucket !== null) {
		const key = percentDecode(rawPath.slice(1));
		if (key === null) return brokenEscape();
		return ok({
			provider: host.provider,
			addressingStyle: "virtual-hosted",
			bucket: host.bucket,
			key: key === "" ? null : key,
			region: host.region,
		});
	}
	// Split before decoding: an encoded slash (%2F) belongs to the key, never ends the bucket.
	const bucketEnd = rawPath.indexOf("/", 1);
	const bucket = percentDecode(
		bucketEnd === -1 ? rawPath.slice(1) : rawPath.slice(1, bucketEnd),
	);
	const key = percentDecode(
		bucketEnd === -1 ? "" : rawPath.slice(bucketEnd + 1),
	);
	if (bucket === null || key === null) return brokenEscape();
	// Fields spelled out: object spread is a slow path in V8, and this runs for every link on a page.
	return ok({
		provider: host.provider,
		region: host.region,
		addressingStyle: "path",
		bucket: bucket === "" ? null : bucket,
		key: key === "" ? null : key,
	});
}

function brokenEscape() {
	return problem("malformed", "key-escape");
}
