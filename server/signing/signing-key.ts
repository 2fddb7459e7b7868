/**
 * SigV4 signing keys (kDate → kRegion → kService → kSigning), cached: four HMACs that change once a
 * day per secret, region and service. Shared by the S3 presigner and the request signer.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key
 */
import type { HmacHex, SigningCrypto } from "./signing-crypto.ts";

export interface SigningKey {
	promise: Promise<HmacHex>;
	/** Set once derived, so each signature after the first skips one await. */
	ready: HmacHex | undefined;
}

export type SigningKeyFor = (
	secret: string,
	shortDate: string,
	region: string,
	service: string,
) => SigningKey;

/** Entries per cache: signing keys (one per secret, day, region and service), hosts, endpoints. */
const CACHE_LIMIT = 64;

/** The key used last is checked before the map, which would need a cache key built per signature. */
export function createSigningKeyCache(crypto: SigningCrypto): SigningKeyFor {
	const keys = new Map<string, SigningKey>();
	let recent: SigningKey | undefined;
	let recentSecret = "";
	let recentDate = "";
	let recentRegion = "";
	let recentService = "";
	return (secret, shortDate, region, service) => {
		if (
			recent !== undefined &&
			secret === recentSecret &&
			shortDate === recentDate &&
			region === recentRegion &&
			service === recentService
		) {
			return recent;
		}
		const cacheKey = `${shortDate}/${region}/${service}/${secret}`;
		let key = keys.get(cacheKey);
		if (key === undefined) {
			const derived: SigningKey = {
				promise: deriveSigningKey(crypto, secret, shortDate, region, service),
				ready: undefined,
			};
			derived.promise.then(
				(hmacHex) => {
					derived.ready = hmacHex;
				},
				() => {
					// Not cached: the next signature tries again; this one's caller sees the error.
					keys.delete(cacheKey);
					if (recent === derived) recent = undefined;
				},
			);
			remember(keys, cacheKey, derived);
			key = derived;
		}
		recent = key;
		recentSecret = secret;
		recentDate = shortDate;
		recentRegion = region;
		recentService = service;
		return key;
	};
}

async function deriveSigningKey(
	crypto: SigningCrypto,
	secret: string,
	shortDate: string,
	region: string,
	service: string,
): Promise<HmacHex> {
	const kDate = await crypto.hmac(`AWS4${secret}`, shortDate);
	const kRegion = await crypto.hmac(kDate, region);
	const kService = await crypto.hmac(kRegion, service);
	return crypto.hmacHexWith(await crypto.hmac(kService, "aws4_request"));
}

/** Adds to a cache that forgets its oldest entry once full (a Map iterates in insertion order). */
export function remember<V>(
	cache: Map<string, V>,
	key: string,
	value: V,
): void {
	if (cache.size >= CACHE_LIMIT) {
		const oldest = cache.keys().next();
		if (!oldest.done) cache.delete(oldest.value);
	}
	cache.set(key, value);
}

/** `2025-03-01T12:00:00.123Z` → `20250301T120000Z`: the SDK drops milliseconds rather than rounding. */
export function toLongDate(date: Date): string {
	const iso = date.toISOString();
	return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
