/** Human wording for times: left or gone ("expires in 2 h 13 min", "expired 3 days ago"), and when. */
import { iso } from "./utc-time.ts";

/**
 * A duration rounded to what a person needs: seconds near the end, days far out. Self-contained (no
 * outer names), so the admin page's script can carry its source text: one wording everywhere.
 */
export function formatDuration(ms: number): string {
	const second = 1000;
	const minute = 60 * second;
	const hour = 60 * minute;
	const day = 24 * hour;
	const abs = Math.abs(ms);
	if (abs < minute) return `${Math.floor(abs / second)} s`;
	if (abs < 10 * minute) {
		const seconds = Math.floor((abs % minute) / second);
		return `${Math.floor(abs / minute)} min${seconds ? ` ${seconds} s` : ""}`;
	}
	if (abs < hour) return `${Math.floor(abs / minute)} min`;
	if (abs < day) {
		const minutes = Math.floor((abs % hour) / minute);
		return `${Math.floor(abs / hour)} h${minutes ? ` ${minutes} min` : ""}`;
	}
	if (abs < 2 * day) {
		const hours = Math.floor((abs % day) / hour);
		return `1 day${hours ? ` ${hours} h` : ""}`;
	}
	return `${Math.floor(abs / day)} days`;
}

/** A lifetime in words, then exactly: "1 day (86400 s)"; under a minute the words say it all: "45 s". */
export function formatSeconds(seconds: number): string {
	const words = formatDuration(seconds * 1000);
	return seconds < 60 ? words : `${words} (${seconds} s)`;
}

/** "expires in 2 h 13 min" or "expired 3 days ago". */
export function describeExpiry(expiresAtMs: number, nowMs: number): string {
	const left = expiresAtMs - nowMs;
	return left > 0
		? `expires in ${formatDuration(left)}`
		: `expired ${formatDuration(left)} ago`;
}

/**
 * `2025-03-01T12:00:00Z`, or its epoch milliseconds → `2025-03-01 12:00:00 UTC` (to the minute without
 * `seconds`): the way staff quote times in tickets, the same in every zone. Null (unknown) stays null,
 * and so does a number no Date can hold.
 */
export function utcText(time: string, options?: { seconds?: boolean }): string;
export function utcText(
	time: string | number | null,
	options?: { seconds?: boolean },
): string | null;
export function utcText(
	time: string | number | null,
	{ seconds = true } = {},
): string | null {
	const text = typeof time === "number" ? iso(time) : time;
	if (text === null) return null;
	// Split at the T rather than at fixed places: years past 9999 are written `+010000-01-01T…`.
	const at = text.indexOf("T");
	if (at === -1) return `${text} UTC`;
	return `${text.slice(0, at)} ${text.slice(at + 1, at + (seconds ? 9 : 6))} UTC`;
}
