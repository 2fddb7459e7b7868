/**
 * The messages the background answers, as types, and `send()`, the only way other parts reach it.
 * Zod stays out of here (the request schemas live in message-schemas.ts, used by the background
 * alone), so pages and content scripts do not carry it.
 */
import browser from "webextension-polyfill";
import type { z } from "zod";
import type { MESSAGES } from "./message-schemas.ts";

export interface SettingsView {
	backendUrl: string;
	signedIn: boolean;
	user: string | null;
	role: "admin" | "member" | null;
	defaultTtlSeconds: number;
	inspectedSites: string[];
}

export type CheckVerdict =
	| "works"
	| "expired"
	| "credentials-expired"
	| "signature-mismatch"
	| "access-denied"
	| "not-found"
	| "unreachable"
	| "other";

export interface CheckResult {
	verdict: CheckVerdict;
	status: number | null;
	code: string | null;
	message: string;
}

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = z.input<
	(typeof MESSAGES)[T]["request"]
>;
export type ResponseOf<T extends MessageType> =
	(typeof MESSAGES)[T]["response"];
export type Reply<T> =
	| { ok: true; value: T }
	| { ok: false; error: { code: string; message: string } };

/** Asks the background; resolves with its value or throws an Error carrying the readable message. */
export async function send<T extends MessageType>(
	type: T,
	payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
	const reply = (await browser.runtime.sendMessage({ type, payload })) as
		| Reply<ResponseOf<T>>
		| undefined;
	if (!reply)
		throw new Error(
			"Signet's background did not answer. Reload the extension and try again.",
		);
	if (!reply.ok)
		throw Object.assign(new Error(reply.error.message), {
			code: reply.error.code,
		});
	return reply.value;
}
