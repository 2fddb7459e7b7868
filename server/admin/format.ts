/** How the admin page writes times, durations and events: UTC everywhere, plain words. */
import { formatDuration } from "../../shared/relative-time.ts";
import type { AuditType } from "../ports.ts";

/** Under this much time left, a countdown shows as ending soon (the page, and admin.js after it). */
export const SOON_MS = 5 * 60_000;

/** `in 45 min` or `3 days ago`; admin.js rewrites it every second with the same words. */
export function countdown(expiresAtMs: number, nowMs: number): string {
	const left = expiresAtMs - nowMs;
	return left > 0
		? `in ${formatDuration(left)}`
		: `${formatDuration(left)} ago`;
}

export const EVENT_LABELS: Record<AuditType, string> = {
	"share.created": "Created",
	"share.visited": "Visited",
	"share.refused": "Refused",
	"share.revoked": "Revoked",
	"shares.revoked-all": "Revoked all",
	"token.created": "Token created",
	"token.revoked": "Token revoked",
	"admin.signed-in": "Signed in",
	"admin.signed-out": "Signed out",
};

/** `1 share`, `3 shares`. */
export function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
