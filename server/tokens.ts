/**
 * API tokens: `sgt_<id>_<secret>`. The id finds the record; only a SHA-256 of the secret is stored,
 * and it is compared in constant time. The whole token is shown once, when it is created.
 */
import type { SignetError } from "../shared/errors.ts";
import type { Role, TokenRecord, TokenStore } from "./ports.ts";
import { constantTimeEqual, randomToken, sha256Hex } from "./secrets.ts";

const TOKEN = /^sgt_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedToken {
	record: TokenRecord;
	/** The bearer token itself: give it to the user, never store it. */
	token: string;
}

export interface IssueTokenInput {
	user: string;
	role: Role;
	label?: string;
	now: Date;
	/** Use this token instead of a random one (SIGNET_BOOTSTRAP_ADMIN_TOKEN); it must be well-formed. */
	token?: string;
}

/**
 * The first admin token, while the store has none: the given one (SIGNET_BOOTSTRAP_ADMIN_TOKEN) or a
 * random one. Returns the token issued, or null when there were tokens already, or when another
 * process (a second Worker isolate) issued the same given token first.
 */
export async function bootstrapAdmin(
	store: TokenStore,
	now: Date,
	token?: string,
): Promise<string | null> {
	if ((await store.count()) > 0) return null;
	try {
		const issued = await issueToken(store, {
			user: "admin",
			role: "admin",
			label: "first admin",
			now,
			token,
		});
		return issued.token;
	} catch (error) {
		if ((error as SignetError).code === "conflict") return null;
		throw error;
	}
}

/** What a token's user may be called, everywhere a name is given (admin page, CLI). */
export const USER_NAME = /^[\w.@+-]{1,100}$/;

/** SIGNET_BOOTSTRAP_ADMIN_TOKEN, checked; throws, naming `where`, when it is set but malformed. */
export function bootstrapTokenFrom(
	value: string | undefined,
	where: string,
): string | undefined {
	if (value !== undefined && !isWellFormedToken(value)) {
		throw new Error(
			`${where} SIGNET_BOOTSTRAP_ADMIN_TOKEN must look like sgt_<12 letters or digits>_<43 base64url characters>.`,
		);
	}
	return value;
}

function isWellFormedToken(token: string): boolean {
	return TOKEN.test(token);
}

export function newTokenText(): string {
	const id = randomToken(12).replace(/[-_]/g, "").slice(0, 12).padEnd(12, "0");
	return `sgt_${id}_${randomToken(32)}`;
}

export async function issueToken(
	store: TokenStore,
	input: IssueTokenInput,
): Promise<IssuedToken> {
	const token = input.token ?? newTokenText();
	const match = TOKEN.exec(token);
	if (!match)
		throw new Error(
			"[signet] [tokens] A token must look like sgt_<12 letters or digits>_<43 base64url characters>.",
		);
	const [, id = "", secret = ""] = match;
	const record: TokenRecord = {
		id,
		user: input.user,
		role: input.role,
		secretHash: await sha256Hex(secret),
		label: input.label ?? null,
		createdAt: input.now.toISOString(),
		revokedAt: null,
	};
	await store.create(record);
	return { record, token };
}

/** The token's record when the bearer token is valid and not revoked; null otherwise. */
export async function verifyToken(
	store: TokenStore,
	token: string,
): Promise<TokenRecord | null> {
	const match = TOKEN.exec(token);
	if (!match) return null;
	const [, id = "", secret = ""] = match;
	const record = await store.get(id);
	const secretHash = await sha256Hex(secret);
	if (!record || record.revokedAt !== null) return null;
	return constantTimeEqual(secretHash, record.secretHash) ? record : null;
}
