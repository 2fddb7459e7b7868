/** Random tokens, hashes and constant-time comparison with Web Crypto only (Node, Workers, browsers). */
import { toHex } from "./signing/signing-crypto.ts";

const encoder = new TextEncoder();

/** `bytes` random bytes as base64url without padding (32 bytes: 256 bits, 43 characters). */
export function randomToken(bytes = 32): string {
	return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** base64url without padding, with btoa rather than Buffer: the same on Node and Workers. */
export function base64url(bytes: Uint8Array): string {
	let binary = "";
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary)
		.replaceAll("+", "-")
		.replaceAll("/", "_")
		.replace(/=+$/, "");
}

export async function sha256Hex(text: string): Promise<string> {
	return toHex(
		new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text))),
	);
}

/** Compares two strings in time that depends only on their length, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++)
		difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return difference === 0;
}
