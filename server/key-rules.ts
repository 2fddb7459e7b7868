/**
 * Checks an object key against a profile before anything is signed, so nobody can talk the signer
 * into another bucket or out of its prefix. Keys are taken literally, as S3 stores them; anything
 * a client, proxy or S3 itself might read differently is refused rather than "fixed".
 */
import { MAX_KEY_BYTES } from "../shared/api.ts";
import { SignetError } from "../shared/errors.ts";
import { parseS3Location } from "../shared/s3-location.ts";

export interface KeyScope {
	bucket: string;
	/** Empty for the whole bucket, else ends with "/" (the config normalises it). */
	prefix: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|arn:)/i;
// An escape that decodes to ".", "/" or "\": what %2e%2e%2f tricks are made of.
const ENCODED_PATH_CHAR = /%(?:2e|2f|5c)/i;

/** Returns the key when it is safe to sign within `scope`; throws a SignetError naming the problem. */
export function checkKey(key: string, scope: KeyScope): string {
	if (URL_LIKE.test(key)) return refuseUrl(key, scope);
	if (key === "")
		throw invalid(
			"The key is empty: give the object's key, like 'reports/2025/q1.pdf'.",
		);
	if (new TextEncoder().encode(key).length > MAX_KEY_BYTES) {
		throw invalid(
			`The key is longer than S3's limit of ${MAX_KEY_BYTES} bytes.`,
		);
	}
	if (CONTROL.test(key))
		throw invalid(`Key '${shown(key)}' contains control characters.`);
	if (key.includes("\\")) {
		throw invalid(
			`Key '${shown(key)}' contains a backslash, which some clients turn into '/'.`,
		);
	}
	if (key.startsWith("/"))
		throw invalid(
			`Key '${shown(key)}' starts with '/': give it without the leading slash.`,
		);
	if (key.includes("//"))
		throw invalid(`Key '${shown(key)}' contains an empty path segment ('//').`);
	if (key.split("/").some((segment) => segment === "." || segment === "..")) {
		const risk = scope.prefix
			? `could lead out of the prefix '${scope.prefix}'`
			: "browsers and proxies resolve away, so the link would name another object";
		throw outside(
			`Key '${shown(key)}' has a '.' or '..' segment, which ${risk}.`,
		);
	}
	if (ENCODED_PATH_CHAR.test(key)) {
		throw outside(
			`Key '${shown(key)}' contains an encoded '.', '/' or '\\' (like %2e%2e): write the key literally.`,
		);
	}
	if (!key.startsWith(scope.prefix) || key.length === scope.prefix.length) {
		throw outside(
			`Key '${shown(key)}' is not under this profile's prefix '${scope.prefix}'.`,
		);
	}
	return key;
}

function refuseUrl(input: string, scope: KeyScope): never {
	const location = parseS3Location(input);
	if (location.ok && location.value.bucket !== scope.bucket) {
		throw new SignetError(
			"key_outside_prefix",
			`'${shown(input)}' is in bucket '${location.value.bucket}', not this profile's bucket '${scope.bucket}'.`,
		);
	}
	const hint = location.ok ? ` ('${shown(location.value.key)}')` : "";
	throw invalid(
		`Give the object key${hint}, not a URL: the profile already names the bucket.`,
	);
}

function shown(key: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
	const printable = key.replace(/[\u0000-\u001f\u007f]/g, "?");
	return printable.length > 120 ? `${printable.slice(0, 117)}...` : printable;
}

function invalid(message: string): SignetError {
	return new SignetError("invalid_key", message);
}

function outside(message: string): SignetError {
	return new SignetError("key_outside_prefix", message);
}
