/** Keyset paging for every store: the opaque cursor (encode, decode, refuse) and the page around it. */
import { SignetError } from "../../shared/errors.ts";
import type { Page } from "../ports.ts";
import { base64url } from "../secrets.ts";

/** One more row than asked for tells whether another page follows. */
export function page<T>(
	rows: T[],
	limit: number,
	cursorOf: (last: T) => string,
): Page<T> {
	const items = rows.slice(0, limit);
	const last = items.at(-1);
	return {
		items,
		nextCursor: rows.length > limit && last ? cursorOf(last) : null,
	};
}

/**
 * base64url (no padding) of a JSON array of the last row's keys. Built on btoa/TextEncoder rather
 * than Buffer, so Workers (D1) hand out byte for byte the same cursors as Node.
 */
export function encodeCursor(parts: (string | number)[]): string {
	return base64url(new TextEncoder().encode(JSON.stringify(parts)));
}

/** A shares cursor: `[createdAt, id]` of the last share of the page before. */
export function decodeShareCursor(cursor: string): [string, string] {
	const parts = parseCursor(cursor);
	if (parts?.length === 2 && parts.every((p) => typeof p === "string")) {
		return parts as [string, string];
	}
	throw badCursor();
}

/** An audit cursor: `[id]` of the last event of the page before. */
export function decodeEventCursor(cursor: string): number {
	const [id, ...rest] = parseCursor(cursor) ?? [];
	if (Number.isSafeInteger(id) && rest.length === 0) return id as number;
	throw badCursor();
}

function parseCursor(cursor: string): unknown[] | null {
	try {
		const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
		const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
		const parts: unknown = JSON.parse(new TextDecoder().decode(bytes));
		return Array.isArray(parts) ? parts : null;
	} catch {
		return null;
	}
}

function badCursor(): SignetError {
	return new SignetError(
		"bad_request",
		"The cursor is not one this list handed out.",
	);
}
