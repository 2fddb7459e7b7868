/** The Store in plain Maps and arrays, for fast route tests: the SQLite store's rules, without a file. */
import { SignetError } from "../../shared/errors.ts";
import type {
	AuditEvent,
	AuditLog,
	Page,
	ShareQuery,
	ShareRecord,
	ShareStatus,
	ShareStore,
	Store,
	TokenRecord,
	TokenStore,
} from "../ports.ts";

export function createMemoryStore(): Store {
	return {
		shares: createShares(),
		audit: createAudit(),
		tokens: createTokens(),
		close: async () => {},
	};
}

function createShares(): ShareStore {
	const shares = new Map<string, ShareRecord>();
	const find = (test: (share: ShareRecord) => boolean) => {
		for (const share of shares.values()) if (test(share)) return { ...share };
		return null;
	};
	return {
		async create(share) {
			const token = share.linkTokenHash;
			if (
				shares.has(share.id) ||
				(token !== null && find((s) => s.linkTokenHash === token))
			) {
				throw new SignetError(
					"conflict",
					`A share with id '${share.id}' or the same link token already exists.`,
				);
			}
			shares.set(share.id, { ...share });
		},
		get: async (id) => copy(shares.get(id)),
		findByLinkTokenHash: async (hash) => find((s) => s.linkTokenHash === hash),
		// Newest first, as the SQLite store does when two shares carry one signature.
		findBySignatureHash: async (hash) =>
			copy(
				[...shares.values()]
					.filter((s) => s.signatureHash === hash)
					.sort(newestFirst)[0],
			),

		async list(query) {
			const after =
				query.cursor === undefined ? null : decodeShareCursor(query.cursor);
			const rows = [...shares.values()]
				.filter(
					(s) => matches(s, query) && (after === null || isAfter(s, after)),
				)
				.sort(newestFirst)
				.slice(0, query.limit + 1)
				.map((s) => ({ ...s }));
			return page(rows, query.limit, (last) =>
				encodeCursor([last.createdAt, last.id]),
			);
		},

		async revoke(id, input) {
			const share = shares.get(id);
			if (!share) return null;
			if (share.revokedAt === null) revokeShare(share, input);
			return { ...share };
		},

		async revokeMany(filter, input) {
			if (filter.profileId === undefined && filter.user === undefined) {
				throw new SignetError(
					"bad_request",
					"Say whose shares to revoke: a profile, a user or both.",
				);
			}
			let count = 0;
			for (const share of shares.values()) {
				if (share.revokedAt === null && matches(share, filter)) {
					revokeShare(share, input);
					count++;
				}
			}
			return count;
		},

		async countDownload(id) {
			const share = shares.get(id);
			if (!share || share.revokedAt !== null || isExhausted(share))
				return false;
			share.downloads++;
			return true;
		},
	};
}

function copy<T extends object>(value: T | undefined): T | null {
	return value ? { ...value } : null;
}

function revokeShare(
	share: ShareRecord,
	input: { at: string; by: string; revocation: string },
): void {
	share.revokedAt = input.at;
	share.revokedBy = input.by;
	share.revocation = input.revocation;
}

const isExhausted = (s: ShareRecord) =>
	s.maxDownloads !== null && s.downloads >= s.maxDownloads;

/** Revoked beats exhausted beats expired; times compare as ISO strings, as in SQL. */
function statusOf(share: ShareRecord, now: string): ShareStatus {
	if (share.revokedAt !== null) return "revoked";
	if (isExhausted(share)) return "exhausted";
	return share.effectiveExpiresAt <= now ? "expired" : "active";
}

function matches(share: ShareRecord, query: Partial<ShareQuery>): boolean {
	if (query.user !== undefined && share.user !== query.user) return false;
	if (query.profileId !== undefined && share.profileId !== query.profileId)
		return false;
	if (
		query.status !== undefined &&
		statusOf(share, query.now ?? "") !== query.status
	)
		return false;
	if (query.search === undefined) return true;
	const search = foldAscii(query.search);
	return [share.key, share.user, share.profileId].some((text) =>
		foldAscii(text).includes(search),
	);
}

/** SQLite's LIKE ignores the case of ASCII letters only; so does this. */
function foldAscii(text: string): string {
	return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function newestFirst(a: ShareRecord, b: ShareRecord): number {
	return compare(b.createdAt, a.createdAt) || compare(b.id, a.id);
}

function isAfter(
	share: ShareRecord,
	[createdAt, id]: [string, string],
): boolean {
	return (
		share.createdAt < createdAt ||
		(share.createdAt === createdAt && share.id < id)
	);
}

function createAudit(): AuditLog {
	const events: AuditEvent[] = [];
	return {
		async append(event) {
			events.push({ ...event, id: events.length + 1 });
		},
		async list(query) {
			const before =
				query.cursor === undefined
					? Number.MAX_SAFE_INTEGER
					: decodeEventCursor(query.cursor);
			const rows: AuditEvent[] = [];
			for (
				let i = events.length - 1;
				i >= 0 && rows.length <= query.limit;
				i--
			) {
				const event = events[i];
				if (
					event &&
					event.id < before &&
					(query.shareId === undefined || event.shareId === query.shareId)
				) {
					rows.push({ ...event });
				}
			}
			return page(rows, query.limit, (last) => encodeCursor([last.id]));
		},
	};
}

function createTokens(): TokenStore {
	const tokens = new Map<string, TokenRecord>();
	return {
		async create(token) {
			if (tokens.has(token.id))
				throw new SignetError(
					"conflict",
					`A token with id '${token.id}' already exists.`,
				);
			tokens.set(token.id, { ...token });
		},
		get: async (id) => copy(tokens.get(id)),
		list: async () =>
			[...tokens.values()]
				.sort(
					(a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id),
				)
				.map((t) => ({ ...t })),
		async revoke(id, at) {
			const token = tokens.get(id);
			if (!token) return false;
			token.revokedAt ??= at;
			return true;
		},
		count: async () => tokens.size,
	};
}

/** One more row than asked for tells whether another page follows. */
function page<T>(
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

/** base64url of a JSON array, byte for byte what the SQLite store hands out; btoa keeps this file portable. */
function encodeCursor(parts: (string | number)[]): string {
	const bytes = new TextEncoder().encode(JSON.stringify(parts));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, "-")
		.replace(/\//g, "_")
		.replace(/=+$/, "");
}

function decodeShareCursor(cursor: string): [string, string] {
	const parts = parseCursor(cursor);
	if (parts?.length === 2 && parts.every((p) => typeof p === "string")) {
		return parts as [string, string];
	}
	throw badCursor();
}

function decodeEventCursor(cursor: string): number {
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
