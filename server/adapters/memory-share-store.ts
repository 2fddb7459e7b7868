/** The ShareStore in a Map, for the memory store: the SQL stores' rules, record by record. */
import { SignetError } from "../../shared/errors.ts";
import type { ShareRecord, ShareStore } from "../ports.ts";
import { isExhausted, isRevoked } from "../share-status.ts";
import { matchesFilter, requireOwner } from "./share-filter.ts";
import { decodeShareCursor, encodeCursor, page } from "./store-cursor.ts";

export function createMemoryShareStore(): ShareStore {
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
					(s) =>
						matchesFilter(s, query) && (after === null || isAfter(s, after)),
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
			if (!isRevoked(share)) revokeShare(share, input);
			return { ...share };
		},

		async revokeMany(filter, input) {
			requireOwner(filter);
			let count = 0;
			for (const share of shares.values()) {
				if (!isRevoked(share) && matchesFilter(share, filter)) {
					revokeShare(share, input);
					count++;
				}
			}
			return count;
		},

		async revokedLiveSessions({ profileIds, now }) {
			const live: { sessionUserId: string; sessionExpiresAt: string }[] = [];
			for (const share of shares.values()) {
				const { sessionUserId, sessionExpiresAt } = share;
				if (
					isRevoked(share) &&
					profileIds.includes(share.profileId) &&
					sessionUserId !== null &&
					sessionExpiresAt !== null &&
					sessionExpiresAt > now
				)
					live.push({ sessionUserId, sessionExpiresAt });
			}
			return live.sort((a, b) =>
				a.sessionExpiresAt < b.sessionExpiresAt ? -1 : 1,
			);
		},

		async countDownload(id) {
			const share = shares.get(id);
			if (!share || isRevoked(share) || isExhausted(share)) return false;
			share.downloads++;
			return true;
		},
	};
}

export function copy<T extends object>(value: T | undefined): T | null {
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

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The SQL stores' `ORDER BY created_at DESC, id DESC`: the id breaks ties. */
export function newestFirst(
	a: { createdAt: string; id: string },
	b: { createdAt: string; id: string },
): number {
	return compare(b.createdAt, a.createdAt) || compare(b.id, a.id);
}

/** The SQL stores' `(created_at, id) < (?, ?)`: past the cursor in newest-first order. */
function isAfter(
	share: ShareRecord,
	[createdAt, id]: [string, string],
): boolean {
	return (
		share.createdAt < createdAt ||
		(share.createdAt === createdAt && share.id < id)
	);
}
