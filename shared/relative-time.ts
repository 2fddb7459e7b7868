/** Human wording for time left or gone ("expires in 2 h 13 min", "expired 3 days ago"). */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration rounded to what a person needs: seconds near the end, days far out. */
export function formatDuration(ms: number): string {
	const abs = Math.abs(ms);
	if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
	if (abs < 10 * MINUTE) {
		const seconds = Math.floor((abs % MINUTE) / SECOND);
		return `${Math.floor(abs / MINUTE)} min${seconds ? ` ${seconds} s` : ""}`;
	}
	if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
	if (abs < DAY) {
		const minutes = Math.floor((abs % HOUR) / MINUTE);
		return `${Math.floor(abs / HOUR)} h${minutes ? ` ${minutes} min` : ""}`;
	}
	if (abs < 2 * DAY) {
		const hours = Math.floor((abs % DAY) / HOUR);
		return `1 day${hours ? ` ${hours} h` : ""}`;
	}
	return `${Math.floor(abs / DAY)} days`;
}

/** "expires in 2 h 13 min" or "expired 3 days ago". */
export function describeExpiry(expiresAtMs: number, nowMs: number): string {
	const left = expiresAtMs - nowMs;
	return left > 0
		? `expires in ${formatDuration(left)}`
		: `expired ${formatDuration(left)} ago`;
}
