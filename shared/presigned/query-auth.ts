/**
 * What AWS query-string authentication and Cloud Storage's copy of it share: V2's access id and
 * epoch `Expires`, V4's credential scope, date, lifetime and signed headers under the scheme's prefix.
 */
import { ok } from "../result.ts";
import { parseBasicDateTime, parseSeconds } from "./fields.ts";
import { type Outcome, problem } from "./problem.ts";
import type { QueryParams } from "./query-params.ts";

export interface V2Query {
	signer: string;
	expiresAtMs: number;
}

/**
 * The access id and the `Expires` epoch seconds every V2 URL carries; `accessId` is the parameter
 * as the docs write it: `AWSAccessKeyId`, `GoogleAccessId`.
 */
export function readV2Query(
	params: QueryParams,
	accessId: "AWSAccessKeyId" | "GoogleAccessId",
): Outcome<V2Query, "malformed"> {
	const signer = params.get(accessId) ?? "";
	if (signer === "") return problem("malformed", "empty-access-id", accessId);
	const rawExpires = params.get("Expires");
	const expiresSeconds = parseSeconds(rawExpires);
	if (expiresSeconds === null) {
		return rawExpires === undefined
			? problem("malformed", "no-expires", accessId)
			: problem("malformed", "expires-not-epoch", rawExpires);
	}
	return ok({ signer, expiresAtMs: expiresSeconds * 1000 });
}

export interface CredentialScope {
	signer: string;
	region: string | null;
	service: string;
}

export interface V4Spelling {
	/** Parameter names as the docs write them (`X-Amz-Credential`): see QueryParams. */
	credentialParam: string;
	dateParam: string;
	expiresParam: string;
	signedHeadersParam: string;
	/** Reads the credential as written, still percent-encoded: SigV4 reads its `%2F`s in place. */
	parseScope(
		rawCredential: string,
		params: QueryParams,
	): CredentialScope | null;
}

export interface V4Query {
	scope: CredentialScope;
	signedAtMs: number;
	/** The stated lifetime in seconds; null when the URL states none. */
	expiresSeconds: number | null;
	expiresAtMs: number | null;
	signedHeaders: string[];
}

/** The credential scope, signing time, lifetime and signed headers of a V4 URL. */
export function readV4Query(
	params: QueryParams,
	spelling: V4Spelling,
): Outcome<V4Query, "malformed"> {
	const scope = spelling.parseScope(
		params.getRaw(spelling.credentialParam) ?? "",
		params,
	);
	if (!scope) {
		return problem("malformed", "bad-credential", spelling.credentialParam);
	}
	const rawDate = params.get(spelling.dateParam) ?? "";
	const signedAtMs = parseBasicDateTime(rawDate);
	if (signedAtMs === null) {
		return problem("malformed", "bad-date", spelling.dateParam, rawDate);
	}
	const rawExpires = params.get(spelling.expiresParam);
	const expiresSeconds = parseSeconds(rawExpires);
	if (rawExpires !== undefined && expiresSeconds === null) {
		return problem(
			"malformed",
			"bad-lifetime",
			spelling.expiresParam,
			rawExpires,
		);
	}
	return ok({
		scope,
		signedAtMs,
		expiresSeconds,
		expiresAtMs:
			expiresSeconds === null ? null : signedAtMs + expiresSeconds * 1000,
		signedHeaders: splitHeaders(params.get(spelling.signedHeadersParam)),
	});
}

/** `host;x-amz-date` to its names; almost always just `host`, which needs no split. */
function splitHeaders(value: string | undefined): string[] {
	if (!value) return [];
	return value.includes(";") ? value.split(";").filter(Boolean) : [value];
}

/** Query parameters that make the server set response headers (`response-content-disposition`, …). */
export function responseOverrides(params: QueryParams): Record<string, string> {
	const overrides: Record<string, string> = {};
	// Indexed, not for-of with destructuring: the iterator protocol showed up in profiles.
	const found = params.withPrefix("response-");
	for (let i = 0; i < found.length; i++) {
		const [name, value] = found[i] ?? ["", ""];
		overrides[knownName(name)] = value;
	}
	return overrides;
}

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
const OVERRIDES = [
	"response-cache-control",
	"response-content-disposition",
	"response-content-encoding",
	"response-content-language",
	"response-content-type",
	"response-expires",
];

/** The constant spelling of a documented name: a property keyed by a fresh string is slower to add. */
function knownName(name: string): string {
	for (const known of OVERRIDES) if (known === name) return known;
	return name;
}
