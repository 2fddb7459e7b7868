/**
 * Presigned S3 GET and PUT URLs (SigV4 query auth), byte-identical to @aws-sdk/s3-request-presigner,
 * on any runtime: the hashing comes from a SigningCrypto, the rest is string building.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { MAX_SIGV4_EXPIRES_SECONDS } from "../../shared/presigned/effective-expiry.ts";
import { escapeUri } from "./escape-uri.ts";
import type { SigningCrypto } from "./signing-crypto.ts";
import { createSigningKeyCache, remember, toLongDate } from "./signing-key.ts";

export interface S3Credentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

export interface PresignRequest {
	method: "GET" | "PUT";
	bucket: string;
	key: string;
	region: string;
	/** An S3-compatible server such as `http://127.0.0.1:9000`; AWS when absent. */
	endpoint?: string;
	forcePathStyle?: boolean;
	credentials: S3Credentials;
	expiresInSeconds: number;
	signingDate: Date;
	/** GET only, like GetObject's ResponseContentDisposition. */
	responseContentDisposition?: string;
	/** GET only, like GetObject's ResponseContentType. */
	responseContentType?: string;
	/**
	 * PUT only, and deliberately unused: the SDK marks content-type unsignable when presigning, so the
	 * URL neither names nor binds it and the uploader may send any Content-Type. Kept so callers can
	 * say what they expect; binding it would need a signed header the browser must then send.
	 */
	contentType?: string;
}

export interface S3PresignerOptions {
	crypto: SigningCrypto;
}

export interface S3Presigner {
	presign(request: PresignRequest): Promise<string>;
}

const PREFIX = "[signet] [presign-s3]";

export function createS3Presigner({ crypto }: S3PresignerOptions): S3Presigner {
	if (!crypto) {
		throw new TypeError(
			`${PREFIX} Missing option \`crypto\`. Pass createNodeCrypto() or createWebCrypto().`,
		);
	}
	const signingKeyFor = createSigningKeyCache(crypto);
	const awsHosts = new Map<string, string>();
	const endpoints = new Map<string, Endpoint>();
	// Callers sign many URLs with the same clock second and the same session token.
	let lastDateMs = Number.NaN;
	let lastLongDate = "";
	let lastToken = "";
	let lastEscapedToken = "";

	return {
		async presign(request) {
			const { credentials, expiresInSeconds, region, signingDate } = request;
			assertLifetime(expiresInSeconds);
			const awsHost = cached(awsHosts, region, awsHostOf);
			const endpoint =
				request.endpoint === undefined
					? undefined
					: cached(endpoints, request.endpoint, parseEndpoint);
			if (signingDate.getTime() !== lastDateMs) {
				lastLongDate = toLongDate(signingDate);
				lastDateMs = signingDate.getTime();
			}
			const longDate = lastLongDate;
			const shortDate = longDate.slice(0, 8);
			const signingKey = signingKeyFor(
				credentials.secretAccessKey,
				shortDate,
				region,
				"s3",
			);
			const { host, origin, path } = locate(request, awsHost, endpoint);

			// Both halves are in the order the SDK sorts its parameters (code-unit order), which is also
			// the canonical order; X-Amz-Signature, between them, is the one parameter left unsigned.
			let head = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=${escapeUri(credentials.accessKeyId)}%2F${shortDate}%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=${longDate}&X-Amz-Expires=${expiresInSeconds}`;
			const token = credentials.sessionToken;
			if (token) {
				if (token !== lastToken) {
					lastEscapedToken = escapeUri(token);
					lastToken = token;
				}
				head += `&X-Amz-Security-Token=${lastEscapedToken}`;
			}
			const tail = queryTail(request);

			const digest = await crypto.sha256Hex(
				`${request.method}\n${path}\n${head}${tail}\nhost:${host}\n\nhost\nUNSIGNED-PAYLOAD`,
			);
			const hmacHex = signingKey.ready ?? (await signingKey.promise);
			const signature = await hmacHex(
				`AWS4-HMAC-SHA256\n${longDate}\n${shortDate}/${region}/s3/aws4_request\n${digest}`,
			);
			return `${origin}${path}?${head}&X-Amz-Signature=${signature}${tail}`;
		},
	};
}

function assertLifetime(expiresInSeconds: number): void {
	if (
		!Number.isInteger(expiresInSeconds) ||
		expiresInSeconds < 1 ||
		expiresInSeconds > MAX_SIGV4_EXPIRES_SECONDS
	) {
		throw new RangeError(
			`${PREFIX} expiresInSeconds must be a whole number from 1 to ${MAX_SIGV4_EXPIRES_SECONDS} (7 days, the SigV4 maximum), got ${expiresInSeconds}.`,
		);
	}
}

/** The parameters after X-Amz-Signature. The SDK binds no Content-Type on a PUT: see PresignRequest. */
function queryTail(request: PresignRequest): string {
	if (request.method === "PUT")
		return "&X-Amz-SignedHeaders=host&x-id=PutObject";
	let tail = "&X-Amz-SignedHeaders=host";
	const { responseContentDisposition, responseContentType } = request;
	// Present even when empty, like the SDK: only `undefined` leaves them out.
	if (responseContentDisposition !== undefined)
		tail += `&response-content-disposition=${escapeUri(responseContentDisposition)}`;
	if (responseContentType !== undefined)
		tail += `&response-content-type=${escapeUri(responseContentType)}`;
	return `${tail}&x-id=GetObject`;
}

function cached<V>(
	cache: Map<string, V>,
	key: string,
	compute: (key: string) => V,
): V {
	let value = cache.get(key);
	if (value === undefined) {
		value = compute(key);
		remember(cache, key, value);
	}
	return value;
}

// ---- Where the request goes: the SDK's S3 endpoint rules, for plain GetObject and PutObject ----

interface Endpoint {
	scheme: string;
	host: string;
	path: string;
	isIp: boolean;
}

export interface Location {
	origin: string;
	host: string;
	path: string;
}

export type BucketTarget = Pick<
	PresignRequest,
	"bucket" | "region" | "endpoint" | "forcePathStyle"
>;

/** Where a request on the bucket itself goes (ListObjectsV2), by the same rules as its objects. */
export function locateBucket(target: BucketTarget): Location {
	const endpoint =
		target.endpoint === undefined ? undefined : parseEndpoint(target.endpoint);
	return locate(target, awsHostOf(target.region), endpoint);
}

/** isVirtualHostableS3Bucket in @aws-sdk/core: lowercase DNS labels of 3–63 characters each. */
const HOSTABLE_LABEL = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const HOSTABLE_LABELS =
	/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9](?:\.[a-z0-9][a-z0-9-]{1,61}[a-z0-9])*$/;
const IPV4 =
	/^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)){3}$/;

/**
 * Where a request on `key` goes, or on the bucket itself when there is no key. Virtual-hosted
 * (`bucket.s3.REGION.amazonaws.com/key`) when the bucket is one DNS label, else path-style
 * (`s3.REGION.amazonaws.com/bucket/key`): dotted names would break the *.s3 TLS wildcard.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
 */
function locate(
	request: Pick<PresignRequest, "bucket" | "endpoint" | "forcePathStyle"> & {
		key?: string;
	},
	awsHost: string,
	endpoint: Endpoint | undefined,
): Location {
	const { bucket } = request;
	// Virtual-hosted, the bucket's own path is "/"; path-style, "/bucket" with no slash after it.
	const key = request.key === undefined ? "" : escapeUri(request.key, true);
	const inBucket = request.key === undefined ? "" : `/${key}`;
	let isVirtual = !request.forcePathStyle && HOSTABLE_LABEL.test(bucket);
	if (endpoint === undefined) {
		if (isVirtual) {
			const host = `${bucket}.${awsHost}`;
			return { origin: `https://${host}`, host, path: `/${key}` };
		}
		return {
			origin: `https://${awsHost}`,
			host: awsHost,
			path: `/${escapeBucket(bucket)}${inBucket}`,
		};
	}
	// Over plain http no certificate has to match, so the SDK puts dotted buckets in the host too.
	if (
		!isVirtual &&
		!request.forcePathStyle &&
		endpoint.scheme === "http" &&
		HOSTABLE_LABELS.test(bucket)
	) {
		if (endpoint.isIp) {
			throw new TypeError(
				`${PREFIX} Bucket '${bucket}' cannot be a subdomain of the IP address in '${request.endpoint}' (the SDK fails with "Invalid URL" here). Set forcePathStyle.`,
			);
		}
		isVirtual = true;
	}
	const origin = `${endpoint.scheme}://`;
	if (isVirtual && !endpoint.isIp) {
		const host = `${bucket}.${endpoint.host}`;
		const path = endpoint.path === "/" ? `/${key}` : `${endpoint.path}/${key}`;
		return { origin: origin + host, host, path };
	}
	const base = endpoint.path.endsWith("/")
		? endpoint.path
		: `${endpoint.path}/`;
	return {
		origin: origin + endpoint.host,
		host: endpoint.host,
		path: `${base}${escapeBucket(bucket)}${inBucket}`,
	};
}

function escapeBucket(bucket: string): string {
	// The SDK fails on the first two and, for "." and "..", silently signs a URL without the bucket.
	if (
		bucket === "" ||
		bucket.includes("/") ||
		bucket === "." ||
		bucket === ".."
	) {
		throw new TypeError(
			`${PREFIX} Bucket '${bucket}' is not a bucket name: it is empty, contains '/' or is a dot segment.`,
		);
	}
	return escapeUri(bucket);
}

function parseEndpoint(endpoint: string): Endpoint {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new TypeError(
			`${PREFIX} Endpoint '${endpoint}' is not a URL. Write it like http://127.0.0.1:9000.`,
		);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") {
		throw new TypeError(
			`${PREFIX} Endpoint '${endpoint}' must start with http:// or https://.`,
		);
	}
	if (url.search || url.hash || url.username || url.password) {
		throw new TypeError(
			`${PREFIX} Endpoint '${endpoint}' may only hold a scheme, host, port and path: the SDK drops the rest without a word.`,
		);
	}
	return {
		scheme: url.protocol.slice(0, -1),
		// `new URL` lowercases the host and drops a default port, as the SDK's own parsing ends up doing.
		host: url.host,
		path: url.pathname,
		isIp: IPV4.test(url.hostname) || url.hostname.startsWith("["),
	};
}

/** Partition DNS suffixes from the SDK's partitions.json, tried in its order; others are "aws". */
const PARTITIONS: readonly [RegExp, string][] = [
	[/^cn-\w+-\d+$/, "amazonaws.com.cn"],
	[/^eusc-(de)-\w+-\d+$/, "amazonaws.eu"],
	[/^us-iso-\w+-\d+$/, "c2s.ic.gov"],
	[/^us-isob-\w+-\d+$/, "sc2s.sgov.gov"],
	[/^eu-isoe-\w+-\d+$/, "cloud.adc-e.uk"],
	[/^us-isof-\w+-\d+$/, "csp.hci.ic.gov"],
];
const REGION = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function awsHostOf(region: string): string {
	// The region ends up in the host: refuse anything that is not one lowercase DNS label, and the
	// pseudo-regions the SDK rewrites into other hosts (aws-global, fips-…, …-fips).
	if (
		!REGION.test(region) ||
		region.endsWith("-global") ||
		region.startsWith("fips-") ||
		region.endsWith("-fips")
	) {
		throw new TypeError(
			`${PREFIX} Region '${region}' is not an AWS region name like eu-west-1.`,
		);
	}
	return `s3.${region}.${dnsSuffixOf(region)}`;
}

/** The DNS suffix of a region's partition: amazonaws.com, amazonaws.com.cn, … */
export function dnsSuffixOf(region: string): string {
	const partition = PARTITIONS.find(([pattern]) => pattern.test(region));
	return partition?.[1] ?? "amazonaws.com";
}
