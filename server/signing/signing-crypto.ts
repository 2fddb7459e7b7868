/** The hashing SigV4 needs, as a port: Web Crypto on every runtime, node:crypto where it is faster. */

/** HMAC-SHA256 under one fixed key, as lowercase hex. */
export type HmacHex = (data: string) => Promise<string>;

export interface SigningCrypto {
	/** SHA-256 of the UTF-8 bytes of `data`, as lowercase hex. */
	sha256Hex(data: string): Promise<string>;
	/** HMAC-SHA256 of `data`; a string key is taken as UTF-8 (`"AWS4" + secret`). */
	hmac(key: Uint8Array | string, data: string): Promise<Uint8Array>;
	/**
	 * Prepares a key that signs many strings: Web Crypto must import a key before it can use it, so
	 * the presigner caches what this returns rather than a raw key it would import on every URL.
	 */
	hmacHexWith(key: Uint8Array): Promise<HmacHex>;
}

const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" } as const;
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) =>
	byte.toString(16).padStart(2, "0"),
);

export function toHex(bytes: Uint8Array): string {
	let hex = "";
	for (const byte of bytes) hex += HEX_BYTES[byte];
	return hex;
}

/** `crypto.subtle`: browsers, Cloudflare Workers, Deno, Bun and Node ≥ 20 all have it as a global. */
export function createWebCrypto(): SigningCrypto {
	const { subtle } = globalThis.crypto;
	const encoder = new TextEncoder();
	const importKey = (key: Uint8Array | string) =>
		subtle.importKey(
			"raw",
			// A copy typed as ArrayBuffer-backed, as Web Crypto's BufferSource wants.
			typeof key === "string" ? encoder.encode(key) : new Uint8Array(key),
			HMAC_SHA256,
			false,
			["sign"],
		);
	return {
		async sha256Hex(data) {
			const digest = await subtle.digest("SHA-256", encoder.encode(data));
			return toHex(new Uint8Array(digest));
		},
		async hmac(key, data) {
			const mac = await subtle.sign(
				"HMAC",
				await importKey(key),
				encoder.encode(data),
			);
			return new Uint8Array(mac);
		},
		async hmacHexWith(key) {
			const cryptoKey = await importKey(key);
			return async (data) =>
				toHex(
					new Uint8Array(
						await subtle.sign("HMAC", cryptoKey, encoder.encode(data)),
					),
				);
		},
	};
}
