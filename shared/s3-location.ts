/** Every way people write down an S3 object: s3:// URIs, ARNs, S3 URLs and S3 console links. */

import { messageOf } from "./presigned/decode-messages.ts";
import { decodeQueryComponent } from "./presigned/percent-decode.ts";
import { splitUrl } from "./presigned/url-parts.ts";
import { fail, ok, type Result } from "./result.ts";
import { locateObject, parseStorageHost } from "./storage-host.ts";

export interface S3Location {
	bucket: string;
	/** The object key exactly as stored; empty for a whole bucket, ending in `/` for a folder. */
	key: string;
	region?: string;
}

export type S3LocationErrorCode = "not-an-s3-location" | "invalid-bucket";

export interface ParseS3LocationOptions {
	/** Hosts of S3-compatible endpoints (`127.0.0.1:9000`) whose URLs are path-style S3 URLs. */
	customEndpoints?: string[];
}

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_URI = /^s3:\/\/([^/]*)\/?(.*)$/s;
const S3_ARN = /^arn:aws(?:-cn|-us-gov)?:s3:::([^/]*)\/?(.*)$/s;
const CONSOLE_HOST = /^(?:[a-z0-9-]+\.)?console\.aws\.amazon\.com$/;
const CONSOLE_PATH = /^\/s3\/(object|buckets)\/([^/?#]+)\/?(.*)$/;

export function parseS3Location(
	input: string,
	options: ParseS3LocationOptions = {},
): Result<S3Location, S3LocationErrorCode> {
	const text = input.trim();
	const literal = S3_URI.exec(text) ?? S3_ARN.exec(text);
	// s3:// URIs and ARNs carry keys as they are: no percent-decoding.
	if (literal) return withBucket(literal[1] ?? "", literal[2] ?? "");
	const split = splitUrl(text);
	if (!split.ok || !/^https?:$/.test(split.value.protocol))
		return notALocation(text);
	const url = split.value;
	if (CONSOLE_HOST.test(url.hostname)) {
		const page = CONSOLE_PATH.exec(url.rawPath);
		if (!page) return notALocation(text);
		const path = decodeQueryComponent(page[3] ?? "");
		const key = url.params.get("prefix") ?? path;
		return withBucket(
			decodeQueryComponent(page[2] ?? ""),
			key,
			url.params.get("region"),
		);
	}
	const hostWithPort = url.port ? `${url.hostname}:${url.port}` : url.hostname;
	const isCustom = options.customEndpoints?.includes(hostWithPort) ?? false;
	const provider = parseStorageHost(url.hostname).provider;
	if (provider !== "aws" && !isCustom) return notALocation(text);
	const located = locateObject(url.hostname, url.rawPath);
	if (!located.ok) return fail("not-an-s3-location", messageOf(located.error));
	const { bucket, key, region } = located.value;
	return withBucket(bucket ?? "", key ?? "", region ?? undefined);
}

function withBucket(
	bucket: string,
	key: string,
	region?: string,
): Result<S3Location, S3LocationErrorCode> {
	if (!BUCKET_NAME.test(bucket)) {
		return fail(
			"invalid-bucket",
			`'${bucket}' is not a valid bucket name: 3 to 63 lower-case letters, digits, dots and hyphens.`,
		);
	}
	return ok(region ? { bucket, key, region } : { bucket, key });
}

function notALocation(text: string): Result<never, S3LocationErrorCode> {
	const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
	return fail(
		"not-an-s3-location",
		`'${shown}' is not an S3 object: use s3://bucket/key, an S3 URL, an S3 console link or arn:aws:s3:::bucket/key.`,
	);
}
