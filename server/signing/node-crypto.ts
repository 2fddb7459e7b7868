/** SigningCrypto on node:crypto: synchronous hashing, several times cheaper per URL than crypto.subtle. */
import { createHmac, createSecretKey, hash } from "node:crypto";
import type { SigningCrypto } from "./signing-crypto.ts";

export function createNodeCrypto(): SigningCrypto {
	return {
		// One-shot `hash()` (Node ≥ 20.12) skips the Hash object createHash would build.
		// https://nodejs.org/docs/latest-v20.x/api/crypto.html#cryptohashalgorithm-data-outputencoding
		sha256Hex: (data) => Promise.resolve(hash("sha256", data, "hex")),
		hmac: (key, data) =>
			Promise.resolve(createHmac("sha256", key).update(data).digest()),
		hmacHexWith(key) {
			const secretKey = createSecretKey(key);
			return Promise.resolve((data: string) =>
				Promise.resolve(
					createHmac("sha256", secretKey).update(data).digest("hex"),
				),
			);
		},
	};
}
