/** The regional S3 endpoint shape, read without a regular expression: see parseStorageHost. */
import type { StorageHost } from "./storage-host.ts";

const AMAZONAWS = ".amazonaws.com";
const [DOT, DASH] = [46, 45];

/**
 * `[bucket.]s3.REGION.amazonaws.com`, the shape the AWS SDK signs for, read by hand: the AWS_S3
 * pattern cost as much as all the rest of finding bucket and key. Null for any other shape, which
 * matchHostPatterns then reads (storage-host.test.ts holds the two to the same answers).
 */
export function regionalS3Host(hostname: string): StorageHost | null {
	if (!hostname.endsWith(AMAZONAWS)) return null;
	const regionEnd = hostname.length - AMAZONAWS.length;
	const regionStart = regionStartBefore(hostname, regionEnd);
	const s3At = regionStart - 3;
	const isS3 =
		s3At >= 0 &&
		hostname.charCodeAt(s3At) === 115 /* s */ &&
		hostname.charCodeAt(s3At + 1) === 51 /* 3 */ &&
		hostname.charCodeAt(s3At + 2) === DOT;
	// The bucket before `s3.` needs a name and a dot: `.s3.…` and `xs3.…` are not this shape.
	if (
		!isS3 ||
		s3At === 1 ||
		(s3At > 1 && hostname.charCodeAt(s3At - 1) !== DOT)
	)
		return null;
	const bucket = s3At === 0 ? null : hostname.slice(0, s3At - 1);
	// AWS_S3 reads the bucket with `.`, which stops at line breaks: leave those to it.
	if (bucket !== null && hasLineBreak(bucket)) return null;
	return {
		provider: "aws",
		bucket,
		region: hostname.slice(regionStart, regionEnd),
	};
}

/**
 * Where a region like `us-gov-west-1` ([a-z]{2}(-[a-z]+)+-\d+) ending at `end` starts, read
 * backwards one character at a time; -1 when the text before `end` is no region.
 */
function regionStartBefore(text: string, end: number): number {
	let at = end - 1;
	while (isDigit(text.charCodeAt(at))) at--;
	if (at === end - 1 || text.charCodeAt(at) !== DASH) return -1;
	let words = 0;
	for (;;) {
		const wordEnd = at;
		at--;
		while (isLowerLetter(text.charCodeAt(at))) at--;
		const letters = wordEnd - at - 1;
		if (letters === 0) return -1;
		if (text.charCodeAt(at) !== DASH) {
			// The first word, of two letters, and at least one word after it.
			return letters === 2 && words > 0 ? at + 1 : -1;
		}
		words++;
	}
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function isLowerLetter(code: number): boolean {
	return code >= 97 && code <= 122;
}

/** Whether text holds what `.` in a pattern does not match (\n, \r, U+2028, U+2029): read by hand,
 * since a regex test is a call that cost 1.3% of a whole decode. */
function hasLineBreak(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029)
			return true;
	}
	return false;
}
