/** The Store in plain Maps and arrays, for fast route tests: the SQLite store's rules, without a file. */
import { SignetError } from "../../shared/errors.ts";
import type {
	AuditEvent,
	AuditLog,
	Store,
	TokenRecord,
	TokenStore,
} from "../ports.ts";
import { createMemorySessionStore } from "./memory-session-store.ts";
import {
	copy,
	createMemoryShareStore,
	newestFirst,
} from "./memory-share-store.ts";
import { decodeEventCursor, encodeCursor, page } from "./store-cursor.ts";

export function createMemoryStore(): Store {
	return {
		shares: createMemoryShareStore(),
		audit: createAudit(),
		tokens: createTokens(),
		sessions: createMemorySessionStore(),
		close: async () => {},
	};
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
			[...tokens.values()].sort(newestFirst).map((t) => ({ ...t })),
		async revoke(id, at) {
			const token = tokens.get(id);
			if (!token) return false;
			token.revokedAt ??= at;
			return true;
		},
		count: async () => tokens.size,
	};
}
