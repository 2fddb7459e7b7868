/** The SessionStore in a Map, for the memory store: the SQL store's rules, record by record. */
import { SignetError } from "../../shared/errors.ts";
import type { SessionRecord, SessionStore } from "../ports.ts";
import { copy } from "./memory-share-store.ts";

export function createMemorySessionStore(): SessionStore {
	const sessions = new Map<string, SessionRecord>();
	return {
		async create(session) {
			if (sessions.has(session.idHash))
				throw new SignetError("conflict", "This session already exists.");
			sessions.set(session.idHash, { ...session });
		},
		get: async (idHash) => copy(sessions.get(idHash)),
		async delete(idHash) {
			sessions.delete(idHash);
		},
		async deleteExpired(now) {
			let count = 0;
			for (const [idHash, session] of sessions) {
				if (session.expiresAt <= now) {
					sessions.delete(idHash);
					count++;
				}
			}
			return count;
		},
	};
}
