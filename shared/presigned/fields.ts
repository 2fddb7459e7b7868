/** Helpers the scheme decoders share: empty fields, and strict parsing of the time formats they use. */
import type { ObjectLocation } from "../storage-host.ts";
import { utcMs } from "../utc-time.ts";
import type { SchemeFields } from "./types.ts";

/**
 * A full SchemeFields: defaults, then the location (when the URL has one), then `init`.
 * Built with Object.assign, not `{ ...a, ...b }`: object spread is a slow path in Node 20's V8
 * (about 1.5 µs here), and decoding runs for every link on a page.
 */
export function emptyFields(
	init: Pick<SchemeFields, "scheme"> & Partial<SchemeFields>,
	location?: Partial<ObjectLocation>,
): SchemeFields {
	const fields: SchemeFields = {
		scheme: init.scheme,
		provider: "custom",
		addressingStyle: null,
		bucket: null,
		key: null,
		region: null,
		service: null,
		signer: null,
		credentialType: "unknown",
		credentialExpiresAtMs: null,
		signedAtMs: null,
		validFromMs: null,
		expiresAtMs: null,
		maxLifetimeSeconds: null,
		requestedLifetimeSeconds: null,
		signedHeaders: [],
		operation: null,
		permissions: null,
		responseOverrides: {},
		checksum: null,
		allowedIp: null,
		hasSessionToken: false,
		notes: [],
	};
	if (location) Object.assign(fields, location);
	return Object.assign(fields, init);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `20250101T120000Z` (SigV4 X-Amz-Date, GCS X-Goog-Date) to epoch ms; null when malformed. */
export function parseBasicDateTime(value: string): number | null {
	// Read as two numbers, YYYYMMDD and HHMMSS, digit by digit: a regex with six groups cost more
	// than the rest of the SigV4 decoder. A letter anywhere refuses the time.
	if (
		value.length !== 16 ||
		value.charCodeAt(8) !== 84 /* T */ ||
		value.charCodeAt(15) !== 90 /* Z */
	)
		return null;
	// One loop over both numbers, skipping the T: V8 left the two calls to digits() here uninlined.
	let date = 0;
	let time = 0;
	for (let i = 0; i < 15; i++) {
		if (i === 8) continue;
		const digit = value.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return null;
		if (i < 8) date = date * 10 + digit;
		else time = time * 10 + digit;
	}
	const year = (date / 10_000) | 0;
	const month = ((date / 100) | 0) % 100;
	const day = date % 100;
	const hour = (time / 10_000) | 0;
	const minute = ((time / 100) | 0) % 100;
	const second = time % 100;
	const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const monthDays =
		month === 2 && !isLeap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
	// Refuse times that do not exist (2025-02-30, 24:00) instead of letting them roll over.
	if (day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59)
		return null;
	return utcMs(year, month, day, hour, minute, second);
}

/** The number written in value[from, to), or -1 when any of it is not a digit. */
function digits(value: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const digit = value.charCodeAt(i) - 48;
		// Written so that NaN, read past the end of the value, fails too.
		if (!(digit >= 0 && digit <= 9)) return -1;
		n = n * 10 + digit;
	}
	return n;
}

/** Whether value[from, to) is all ASCII digits (and not empty). */
export function isDigits(value: string, from: number, to: number): boolean {
	return to > from && digits(value, from, to) !== -1;
}

/** A whole number of seconds (`X-Amz-Expires`, `Expires` epoch); null when not one. */
export function parseSeconds(value: string | undefined): number | null {
	// Up to 12 digits, read by hand: a regex, or Number() on a fresh string, cost several times more.
	if (value === undefined || value.length === 0 || value.length > 12)
		return null;
	const seconds = digits(value, 0, value.length);
	return seconds === -1 ? null : seconds;
}

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** ISO 8601 as Azure writes it (`2025-01-01`, `2025-01-01T00:00Z`, `…:00.000Z`); null otherwise. */
export function parseIsoDateTime(value: string): number | null {
	const m = ISO_8601.exec(value);
	if (!m) return null;
	// Date.parse rolls 2025-02-30 over into March: check the fields exist first.
	const basic = `${m[1]}${m[2]}${m[3]}T${m[4] ?? "00"}${m[5] ?? "00"}${m[6] ?? "00"}Z`;
	if (parseBasicDateTime(basic) === null) return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : ms;
}
