/** The one suite every Store adapter runs (memory, SQLite, D1), so the adapters cannot drift apart. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
	AuditEvent,
	SessionRecord,
	ShareQuery,
	ShareRecord,
	ShareStatus,
	Store,
	TokenRecord,
} from "../ports.ts";

const T0 = Date.parse("2025-03-01T12:00:00.000Z");
/** The ISO time `minutes` after 2025-03-01T12:00Z: long past, so only `query.now` can make it "now". */
export const at = (minutes: number): string =>
	new Date(T0 + minutes * 60_000).toISOString();
const NOW = at(0);

export function aShare(overrides: Partial<ShareRecord> = {}): ShareRecord {
	return {
		id: "sh_001",
		user: "alice",
		profileId: "reports",
		bucket: "acme-reports",
		key: "reports/2025/q1.pdf",
		action: "get",
		mode: "direct",
		createdAt: at(-60),
		expiresAt: at(60),
		effectiveExpiresAt: at(60),
		expiryCertainty: "exact",
		credentialType: "long-term",
		sessionUserId: null,
		sessionExpiresAt: null,
		signatureHash: null,
		linkTokenHash: null,
		filename: null,
		contentType: null,
		note: null,
		maxDownloads: null,
		downloads: 0,
		revokedAt: null,
		revokedBy: null,
		revocation: null,
		...overrides,
	};
}

const aToken = (overrides: Partial<TokenRecord> = {}): TokenRecord => ({
	id: "tok000000001",
	user: "alice",
	role: "member",
	secretHash: "a".repeat(64),
	label: null,
	createdAt: at(-10),
	revokedAt: null,
	...overrides,
});

const anEvent = (
	overrides: Partial<AuditEvent> = {},
): Omit<AuditEvent, "id"> => ({
	at: at(0),
	type: "share.visited",
	shareId: "sh_001",
	actor: null,
	userAgent: null,
	clientIp: null,
	detail: null,
	...overrides,
});

const aSession = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
	idHash: "e".repeat(64),
	user: "admin",
	tokenId: "tok000000001",
	csrfToken: "csrf-token-example",
	createdAt: at(-10),
	expiresAt: at(470),
	...overrides,
});

const REVOKE = {
	at: at(-5),
	by: "admin",
	revocation: "Denied the share's session.",
};

export function testStore(name: string, create: () => Promise<Store>): void {
	describe(`${name} store`, () => {
		let store: Store;
		beforeEach(async () => {
			store = await create();
		});
		afterEach(() => store.close());

		const addShares = async (shares: ShareRecord[]) => {
			for (const share of shares) await store.shares.create(share);
		};
		const ids = (shares: { id: string }[]) => shares.map((s) => s.id);
		const listIds = async (query: Partial<ShareQuery>) =>
			ids((await store.shares.list({ now: NOW, limit: 100, ...query })).items);
		/** Follows nextCursor to the end; returns every page's ids. */
		const pagesOf = async (query: Partial<ShareQuery>, limit: number) => {
			const pages: string[][] = [];
			let cursor: string | undefined;
			do {
				const page = await store.shares.list({
					now: NOW,
					...query,
					limit,
					cursor,
				});
				pages.push(ids(page.items));
				cursor = page.nextCursor ?? undefined;
			} while (cursor && pages.length < 100);
			return pages;
		};

		describe("shares", () => {
			it("returns a share exactly as created, every field set", async () => {
				const share = aShare({
					action: "put",
					mode: "managed",
					expiryCertainty: "upper-bound",
					credentialType: "temporary",
					sessionUserId: "AROAEXAMPLEID:signet-sh_001",
					sessionExpiresAt: at(45),
					signatureHash: "5".repeat(64),
					linkTokenHash: "b".repeat(64),
					filename: "Q1 report.pdf",
					contentType: "application/pdf",
					note: "For the board — “draft”",
					maxDownloads: 3,
					downloads: 1,
					revokedAt: at(-1),
					revokedBy: "admin",
					revocation: "S3 honours a long-term-key URL until it expires.",
				});
				await store.shares.create(share);
				expect(await store.shares.get(share.id)).toStrictEqual(share);
			});

			it("returns a share exactly as created, every optional field null", async () => {
				await store.shares.create(aShare());
				expect(await store.shares.get("sh_001")).toStrictEqual(aShare());
			});

			it("returns null for an unknown share id", async () => {
				expect(await store.shares.get("sh_missing")).toBeNull();
			});

			it("refuses a second share with the same id", async () => {
				await store.shares.create(aShare());
				await expect(
					store.shares.create(aShare({ key: "other" })),
				).rejects.toMatchObject({ code: "conflict" });
			});

			it("refuses a second share with the same link token hash, but takes many without one", async () => {
				await addShares([
					aShare({ id: "sh_001" }),
					aShare({ id: "sh_002" }),
					aShare({ id: "sh_003", linkTokenHash: "t1" }),
				]);
				await expect(
					store.shares.create(aShare({ id: "sh_004", linkTokenHash: "t1" })),
				).rejects.toMatchObject({
					code: "conflict",
				});
			});

			it("finds a share by its link token hash or its signature hash, and null for unknown hashes", async () => {
				await addShares([
					aShare({
						id: "sh_001",
						mode: "managed",
						linkTokenHash: "token-hash",
					}),
					aShare({ id: "sh_002", signatureHash: "signature-hash" }),
				]);
				expect((await store.shares.findByLinkTokenHash("token-hash"))?.id).toBe(
					"sh_001",
				);
				expect(
					(await store.shares.findBySignatureHash("signature-hash"))?.id,
				).toBe("sh_002");
				expect(
					await store.shares.findByLinkTokenHash("signature-hash"),
				).toBeNull();
				expect(await store.shares.findBySignatureHash("token-hash")).toBeNull();
			});

			it("hands out copies: changing a returned share changes nothing stored", async () => {
				await store.shares.create(
					aShare({
						linkTokenHash: "token-hash",
						signatureHash: "signature-hash",
					}),
				);
				const handedOut = [
					await store.shares.get("sh_001"),
					await store.shares.findByLinkTokenHash("token-hash"),
					await store.shares.findBySignatureHash("signature-hash"),
					(await store.shares.list({ now: NOW, limit: 1 })).items[0],
					await store.shares.revoke("sh_001", REVOKE),
				];
				for (const share of handedOut) if (share) share.downloads = 99;
				expect((await store.shares.get("sh_001"))?.downloads).toBe(0);
			});
		});

		describe("listing shares", () => {
			it("lists newest first, breaking ties on createdAt by the higher id", async () => {
				await addShares([
					aShare({ id: "sh_b", createdAt: at(-3) }),
					aShare({ id: "sh_a", createdAt: at(-1) }),
					aShare({ id: "sh_c", createdAt: at(-3) }),
					aShare({ id: "sh_d", createdAt: at(-2) }),
				]);
				expect(await listIds({})).toEqual(["sh_a", "sh_d", "sh_c", "sh_b"]);
			});

			it("pages through every share without gaps or repeats, ties included", async () => {
				// Three shares per minute, so page boundaries fall inside ties.
				const shares = Array.from({ length: 23 }, (_, i) =>
					aShare({
						id: `sh_${String(i).padStart(3, "0")}`,
						createdAt: at(-Math.floor(i / 3)),
					}),
				);
				await addShares(shares);
				const pages = await pagesOf({}, 5);
				expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
				expect(pages.flat()).toEqual(await listIds({}));
				expect(new Set(pages.flat()).size).toBe(23);
			});

			it("gives no next cursor when the last page is exactly full", async () => {
				await addShares(
					Array.from({ length: 6 }, (_, i) => aShare({ id: `sh_${i}` })),
				);
				const first = await store.shares.list({ now: NOW, limit: 3 });
				expect(first.nextCursor).not.toBeNull();
				const second = await store.shares.list({
					now: NOW,
					limit: 3,
					cursor: first.nextCursor ?? "",
				});
				expect(ids(second.items)).toEqual(["sh_2", "sh_1", "sh_0"]);
				expect(second.nextCursor).toBeNull();
			});

			it("filters by user and by profile", async () => {
				await addShares([
					aShare({ id: "sh_1", user: "alice", profileId: "reports" }),
					aShare({ id: "sh_2", user: "bob", profileId: "reports" }),
					aShare({ id: "sh_3", user: "alice", profileId: "invoices" }),
				]);
				expect(await listIds({ user: "alice" })).toEqual(["sh_3", "sh_1"]);
				expect(await listIds({ profileId: "reports" })).toEqual([
					"sh_2",
					"sh_1",
				]);
				expect(await listIds({ user: "alice", profileId: "reports" })).toEqual([
					"sh_1",
				]);
				expect(await listIds({ user: "carol" })).toEqual([]);
			});

			it.each<[ShareStatus, string[]]>([
				["active", ["sh_limited", "sh_active"]],
				["expired", ["sh_expired_now", "sh_expired"]],
				["exhausted", ["sh_zero", "sh_exhausted"]],
				["revoked", ["sh_revoked"]],
			])(
				"lists %s shares only, judged against the given now",
				async (status, expected) => {
					await addShares([
						aShare({ id: "sh_active", effectiveExpiresAt: at(1) }),
						aShare({
							id: "sh_limited",
							effectiveExpiresAt: at(1),
							maxDownloads: 3,
							downloads: 2,
						}),
						aShare({
							id: "sh_expired",
							effectiveExpiresAt: at(-1),
							maxDownloads: 3,
							downloads: 2,
						}),
						// Expiring exactly now counts as expired.
						aShare({ id: "sh_expired_now", effectiveExpiresAt: NOW }),
						// Exhausted wins over expired, revoked over both.
						aShare({
							id: "sh_exhausted",
							effectiveExpiresAt: at(-1),
							maxDownloads: 2,
							downloads: 2,
						}),
						aShare({
							id: "sh_zero",
							maxDownloads: 0,
							effectiveExpiresAt: at(1),
						}),
						aShare({
							id: "sh_revoked",
							effectiveExpiresAt: at(-1),
							maxDownloads: 1,
							downloads: 1,
							revokedAt: at(-2),
						}),
					]);
					expect((await listIds({ status })).sort()).toEqual(
						[...expected].sort(),
					);
				},
			);

			it("judges status against query.now, not the clock", async () => {
				await store.shares.create(aShare({ effectiveExpiresAt: at(30) }));
				expect(await listIds({ status: "active", now: at(29) })).toEqual([
					"sh_001",
				]);
				expect(await listIds({ status: "expired", now: at(30) })).toEqual([
					"sh_001",
				]);
			});

			it("searches the key, the user and the profile id, ignoring ASCII case", async () => {
				await addShares([
					aShare({
						id: "sh_1",
						key: "Finance/Q1.pdf",
						user: "alice",
						profileId: "reports",
					}),
					aShare({
						id: "sh_2",
						key: "x.pdf",
						user: "finley",
						profileId: "reports",
					}),
					aShare({
						id: "sh_3",
						key: "y.pdf",
						user: "bob",
						profileId: "fin-data",
					}),
					aShare({
						id: "sh_4",
						key: "z.pdf",
						user: "bob",
						profileId: "reports",
						bucket: "finance",
					}),
				]);
				expect(await listIds({ search: "fin" })).toEqual([
					"sh_3",
					"sh_2",
					"sh_1",
				]);
				expect(await listIds({ search: "Q1.PDF" })).toEqual(["sh_1"]);
			});

			it("matches %, _ and \\ in the search text literally", async () => {
				await addShares([
					aShare({ id: "sh_1", key: "a/100%_done.txt" }),
					aShare({ id: "sh_2", key: "a/100x-done.txt" }),
					aShare({ id: "sh_3", key: "a/1000done.txt" }),
					aShare({ id: "sh_4", key: "a\\b.txt" }),
				]);
				expect(await listIds({ search: "100%_d" })).toEqual(["sh_1"]);
				expect(await listIds({ search: "%" })).toEqual(["sh_1"]);
				expect(await listIds({ search: "_" })).toEqual(["sh_1"]);
				expect(await listIds({ search: "\\" })).toEqual(["sh_4"]);
			});

			it("combines user, profile, status and search", async () => {
				await addShares([
					aShare({ id: "sh_1", user: "alice", key: "q1.pdf" }),
					aShare({
						id: "sh_2",
						user: "alice",
						key: "q1.pdf",
						revokedAt: at(-1),
					}),
					aShare({ id: "sh_3", user: "bob", key: "q1.pdf" }),
					aShare({ id: "sh_4", user: "alice", key: "q2.pdf" }),
					aShare({
						id: "sh_5",
						user: "alice",
						key: "q1.pdf",
						profileId: "invoices",
					}),
				]);
				const query = {
					user: "alice",
					profileId: "reports",
					status: "active",
					search: "q1",
				} as const;
				expect(await listIds(query)).toEqual(["sh_1"]);
			});

			it("pages through a filtered list without gaps or repeats", async () => {
				const shares = Array.from({ length: 30 }, (_, i) =>
					aShare({
						id: `sh_${String(i).padStart(3, "0")}`,
						createdAt: at(-Math.floor(i / 4)),
						revokedAt: i % 3 === 0 ? at(-1) : null,
					}),
				);
				await addShares(shares);
				const pages = await pagesOf({ status: "revoked" }, 4);
				expect(pages.flat()).toEqual(await listIds({ status: "revoked" }));
				expect(pages.flat()).toHaveLength(10);
			});

			it("refuses a cursor it did not hand out", async () => {
				await expect(
					store.shares.list({ now: NOW, limit: 5, cursor: "not-a-cursor" }),
				).rejects.toMatchObject({
					code: "bad_request",
				});
			});
		});

		describe("revoking shares", () => {
			it("revokes a share and returns it with the revocation", async () => {
				await store.shares.create(aShare());
				const revoked = await store.shares.revoke("sh_001", REVOKE);
				expect(revoked).toStrictEqual(
					aShare({
						revokedAt: REVOKE.at,
						revokedBy: REVOKE.by,
						revocation: REVOKE.revocation,
					}),
				);
				expect(await store.shares.get("sh_001")).toStrictEqual(revoked);
			});

			it("keeps the first revocation when a share is revoked twice", async () => {
				await store.shares.create(aShare());
				await store.shares.revoke("sh_001", REVOKE);
				const again = await store.shares.revoke("sh_001", {
					at: at(0),
					by: "bob",
					revocation: "again",
				});
				expect(again).toMatchObject({
					revokedAt: REVOKE.at,
					revokedBy: "admin",
					revocation: REVOKE.revocation,
				});
			});

			it("returns null when revoking an unknown share", async () => {
				expect(await store.shares.revoke("sh_missing", REVOKE)).toBeNull();
			});

			it("revokes every unrevoked share of a profile, leaving other profiles and earlier revocations alone", async () => {
				await addShares([
					aShare({ id: "sh_1", profileId: "reports" }),
					aShare({
						id: "sh_2",
						profileId: "reports",
						revokedAt: at(-30),
						revokedBy: "bob",
						revocation: "old",
					}),
					aShare({ id: "sh_3", profileId: "reports", user: "bob" }),
					aShare({ id: "sh_4", profileId: "invoices" }),
				]);
				expect(
					await store.shares.revokeMany({ profileId: "reports" }, REVOKE),
				).toBe(2);
				expect(await listIds({ status: "revoked" })).toEqual([
					"sh_3",
					"sh_2",
					"sh_1",
				]);
				expect(await store.shares.get("sh_2")).toMatchObject({
					revokedAt: at(-30),
					revokedBy: "bob",
				});
				expect(await store.shares.get("sh_3")).toMatchObject({
					revokedAt: REVOKE.at,
					revocation: REVOKE.revocation,
				});
			});

			it("revokes every unrevoked share of a user, in any profile", async () => {
				await addShares([
					aShare({ id: "sh_1", user: "alice" }),
					aShare({ id: "sh_2", user: "alice", profileId: "invoices" }),
					aShare({ id: "sh_3", user: "bob" }),
				]);
				expect(await store.shares.revokeMany({ user: "alice" }, REVOKE)).toBe(
					2,
				);
				expect(await listIds({ status: "revoked" })).toEqual(["sh_2", "sh_1"]);
			});

			it("revokes only the user's shares in that profile when given both", async () => {
				await addShares([
					aShare({ id: "sh_1", user: "alice" }),
					aShare({ id: "sh_2", user: "alice", profileId: "invoices" }),
					aShare({ id: "sh_3", user: "bob" }),
				]);
				expect(
					await store.shares.revokeMany(
						{ user: "alice", profileId: "reports" },
						REVOKE,
					),
				).toBe(1);
				expect(await listIds({ status: "revoked" })).toEqual(["sh_1"]);
			});

			it("refuses to revoke many shares without a profile or a user", async () => {
				await store.shares.create(aShare());
				await expect(store.shares.revokeMany({}, REVOKE)).rejects.toMatchObject(
					{ code: "bad_request" },
				);
				expect(await listIds({ status: "revoked" })).toEqual([]);
			});
		});

		describe("revoked sessions", () => {
			it("lists the revoked per-share sessions of the given profiles still alive, oldest expiry first", async () => {
				const session = (id: string, minutes: number, profileId = "reports") =>
					aShare({
						id,
						profileId,
						sessionUserId: `AROAEXAMPLE:signet-${id}`,
						sessionExpiresAt: at(minutes),
					});
				for (const share of [
					session("sh_late", 50),
					session("sh_soon", 10),
					session("sh_gone", -5),
					session("sh_other", 30, "photos"),
					session("sh_third", 40, "archive"),
					session("sh_unrevoked", 20),
					aShare({ id: "sh_no_session" }),
				])
					await store.shares.create(share);
				for (const id of [
					"sh_late",
					"sh_soon",
					"sh_gone",
					"sh_other",
					"sh_third",
					"sh_no_session",
				])
					await store.shares.revoke(id, REVOKE);
				const live = await store.shares.revokedLiveSessions({
					profileIds: ["reports", "photos"],
					now: NOW,
				});
				expect(live).toEqual([
					{
						sessionUserId: "AROAEXAMPLE:signet-sh_soon",
						sessionExpiresAt: at(10),
					},
					{
						sessionUserId: "AROAEXAMPLE:signet-sh_other",
						sessionExpiresAt: at(30),
					},
					{
						sessionUserId: "AROAEXAMPLE:signet-sh_late",
						sessionExpiresAt: at(50),
					},
				]);
				expect(
					await store.shares.revokedLiveSessions({ profileIds: [], now: NOW }),
				).toEqual([]);
			});
		});

		describe("counting downloads", () => {
			it("counts downloads up to the limit, then refuses", async () => {
				await store.shares.create(aShare({ maxDownloads: 2 }));
				expect(await store.shares.countDownload("sh_001")).toBe(true);
				expect(await store.shares.countDownload("sh_001")).toBe(true);
				expect(await store.shares.countDownload("sh_001")).toBe(false);
				expect((await store.shares.get("sh_001"))?.downloads).toBe(2);
			});

			it("never counts past the limit, even when asked concurrently", async () => {
				await store.shares.create(aShare({ maxDownloads: 3 }));
				const counted = await Promise.all(
					Array.from({ length: 10 }, () =>
						store.shares.countDownload("sh_001"),
					),
				);
				expect(counted.filter(Boolean)).toHaveLength(3);
				expect((await store.shares.get("sh_001"))?.downloads).toBe(3);
			});

			it("refuses to count a download of a revoked share", async () => {
				await store.shares.create(aShare({ maxDownloads: 5 }));
				await store.shares.revoke("sh_001", REVOKE);
				expect(await store.shares.countDownload("sh_001")).toBe(false);
				expect((await store.shares.get("sh_001"))?.downloads).toBe(0);
			});

			it("counts any number of downloads when there is no limit", async () => {
				await store.shares.create(aShare({ maxDownloads: null }));
				for (let i = 0; i < 25; i++)
					expect(await store.shares.countDownload("sh_001")).toBe(true);
				expect((await store.shares.get("sh_001"))?.downloads).toBe(25);
			});

			it("refuses to count a download of an unknown share", async () => {
				expect(await store.shares.countDownload("sh_missing")).toBe(false);
			});
		});

		describe("audit log", () => {
			it("keeps every field of an event and numbers events in order", async () => {
				const full = anEvent({
					type: "share.refused",
					actor: "alice",
					userAgent: "Mozilla/5.0",
					clientIp: "2001:db8::1",
					detail: "limit reached",
				});
				await store.audit.append(anEvent({ type: "share.created" }));
				await store.audit.append(full);
				const [second, first] = (await store.audit.list({ limit: 10 })).items;
				expect(second).toMatchObject(full);
				expect(first).toStrictEqual({
					...anEvent({ type: "share.created" }),
					id: first?.id,
				});
				expect(second?.id).toBeGreaterThan(
					first?.id ?? Number.POSITIVE_INFINITY,
				);
			});

			it("lists one share's events newest first, and every event when no share is given", async () => {
				await store.audit.append(anEvent({ shareId: "sh_1", detail: "1" }));
				await store.audit.append(anEvent({ shareId: "sh_2", detail: "2" }));
				await store.audit.append(anEvent({ shareId: "sh_1", detail: "3" }));
				await store.audit.append(
					anEvent({ shareId: null, type: "token.created", detail: "4" }),
				);
				const details = async (shareId?: string) =>
					(await store.audit.list({ shareId, limit: 10 })).items.map(
						(e) => e.detail,
					);
				expect(await details("sh_1")).toEqual(["3", "1"]);
				expect(await details()).toEqual(["4", "3", "2", "1"]);
				expect(await details("sh_missing")).toEqual([]);
			});

			it("pages through a share's events without gaps or repeats", async () => {
				for (let i = 0; i < 12; i++) {
					await store.audit.append(
						anEvent({ shareId: i % 2 ? "sh_1" : "sh_2", detail: String(i) }),
					);
				}
				const seen: (string | null)[] = [];
				let cursor: string | undefined;
				let pages = 0;
				do {
					const page = await store.audit.list({
						shareId: "sh_1",
						limit: 4,
						cursor,
					});
					seen.push(...page.items.map((e) => e.detail));
					cursor = page.nextCursor ?? undefined;
					pages++;
				} while (cursor && pages < 10);
				expect(pages).toBe(2);
				expect(seen).toEqual(["11", "9", "7", "5", "3", "1"]);
			});

			it("refuses a cursor it did not hand out", async () => {
				await expect(
					store.audit.list({ limit: 5, cursor: "%%%" }),
				).rejects.toMatchObject({ code: "bad_request" });
			});
		});

		describe("tokens", () => {
			it("returns a token as created, with or without a label", async () => {
				const labelled = aToken({
					id: "tok000000002",
					role: "admin",
					label: "CI",
					revokedAt: at(-1),
				});
				await store.tokens.create(aToken());
				await store.tokens.create(labelled);
				expect(await store.tokens.get("tok000000001")).toStrictEqual(aToken());
				expect(await store.tokens.get("tok000000002")).toStrictEqual(labelled);
				expect(await store.tokens.get("tok_missing")).toBeNull();
			});

			it("refuses a second token with the same id", async () => {
				await store.tokens.create(aToken());
				await expect(
					store.tokens.create(aToken({ user: "bob" })),
				).rejects.toMatchObject({ code: "conflict" });
			});

			it("lists tokens newest first", async () => {
				await store.tokens.create(aToken({ id: "tok_a", createdAt: at(-3) }));
				await store.tokens.create(aToken({ id: "tok_b", createdAt: at(-1) }));
				await store.tokens.create(aToken({ id: "tok_c", createdAt: at(-2) }));
				expect(ids(await store.tokens.list())).toEqual([
					"tok_b",
					"tok_c",
					"tok_a",
				]);
			});

			it("revokes a token, keeping the first revocation time when revoked again", async () => {
				await store.tokens.create(aToken());
				expect(await store.tokens.revoke("tok000000001", at(-2))).toBe(true);
				expect(await store.tokens.revoke("tok000000001", at(-1))).toBe(true);
				expect((await store.tokens.get("tok000000001"))?.revokedAt).toBe(
					at(-2),
				);
			});

			it("returns false when revoking an unknown token", async () => {
				expect(await store.tokens.revoke("tok_missing", at(0))).toBe(false);
			});

			it("counts every token, revoked ones included", async () => {
				expect(await store.tokens.count()).toBe(0);
				await store.tokens.create(aToken({ id: "tok_a" }));
				await store.tokens.create(aToken({ id: "tok_b" }));
				await store.tokens.revoke("tok_a", at(0));
				expect(await store.tokens.count()).toBe(2);
			});
		});

		describe("admin sessions", () => {
			it("returns a session exactly as created, and null for an unknown one", async () => {
				await store.sessions.create(aSession());
				expect(await store.sessions.get("e".repeat(64))).toStrictEqual(
					aSession(),
				);
				expect(await store.sessions.get("f".repeat(64))).toBeNull();
			});

			it("refuses a second session with the same id hash", async () => {
				await store.sessions.create(aSession());
				await expect(
					store.sessions.create(aSession({ user: "other" })),
				).rejects.toMatchObject({ code: "conflict" });
			});

			it("deletes one session, leaving the others", async () => {
				await store.sessions.create(aSession({ idHash: "s1" }));
				await store.sessions.create(aSession({ idHash: "s2" }));
				await store.sessions.delete("s1");
				await store.sessions.delete("s_missing");
				expect(await store.sessions.get("s1")).toBeNull();
				expect(await store.sessions.get("s2")).not.toBeNull();
			});

			it("deletes the sessions expired at or before now, and only those", async () => {
				await store.sessions.create(
					aSession({ idHash: "past", expiresAt: at(-1) }),
				);
				await store.sessions.create(
					aSession({ idHash: "now", expiresAt: at(0) }),
				);
				await store.sessions.create(
					aSession({ idHash: "later", expiresAt: at(1) }),
				);
				expect(await store.sessions.deleteExpired(at(0))).toBe(2);
				expect(await store.sessions.get("past")).toBeNull();
				expect(await store.sessions.get("now")).toBeNull();
				expect(await store.sessions.get("later")).not.toBeNull();
				expect(await store.sessions.deleteExpired(at(0))).toBe(0);
			});

			it("hands out copies: changing a returned session changes nothing stored", async () => {
				await store.sessions.create(aSession());
				const handedOut = await store.sessions.get("e".repeat(64));
				if (handedOut) handedOut.user = "mallory";
				expect((await store.sessions.get("e".repeat(64)))?.user).toBe("admin");
			});
		});
	});
}
