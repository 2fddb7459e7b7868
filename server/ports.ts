/**
 * The interfaces the app is built from. Adapters (SQLite, D1, STS, IAM) implement them; the app
 * never knows which. Every method is async so Workers' D1 fits the same shape as SQLite.
 */
import type {
	CredentialType,
	ExpiryCertainty,
} from "../shared/presigned/types.ts";
import type { Profile } from "./config.ts";

export type Action = "get" | "put";
export type ShareMode = "direct" | "managed";
export type ShareStatus = "active" | "expired" | "revoked" | "exhausted";
export type Role = "admin" | "member";

/** One share as stored. Never the URL itself: it is a bearer secret. Times are ISO 8601 UTC. */
export interface ShareRecord {
	id: string;
	user: string;
	profileId: string;
	bucket: string;
	key: string;
	action: Action;
	mode: ShareMode;
	createdAt: string;
	/** What the signature (direct) or the record (managed) states. */
	expiresAt: string;
	/** When it really stops working: min of expiresAt and the signing credentials' end. */
	effectiveExpiresAt: string;
	expiryCertainty: ExpiryCertainty;
	credentialType: CredentialType;
	/** `AROA…:signet-<id>` of a per-share STS session (the `aws:userid` a Deny can name). */
	sessionUserId: string | null;
	sessionExpiresAt: string | null;
	/** SHA-256 (hex) of the direct URL's signature, to recognise the URL later. */
	signatureHash: string | null;
	/** SHA-256 (hex) of the managed link's token. */
	linkTokenHash: string | null;
	filename: string | null;
	contentType: string | null;
	note: string | null;
	maxDownloads: number | null;
	downloads: number;
	revokedAt: string | null;
	revokedBy: string | null;
	/** What revoking did, in words (e.g. that S3 honours a long-term-key URL until it expires). */
	revocation: string | null;
}

export interface ShareQuery {
	user?: string;
	profileId?: string;
	status?: ShareStatus;
	/** Substring of the key, the user or the profile id. */
	search?: string;
	/** Judge `status` against this time. */
	now: string;
	limit: number;
	cursor?: string;
}

export interface Page<T> {
	items: T[];
	nextCursor: string | null;
}

export interface RevokeInput {
	at: string;
	by: string;
	revocation: string;
}

export interface ShareStore {
	create(share: ShareRecord): Promise<void>;
	get(id: string): Promise<ShareRecord | null>;
	findByLinkTokenHash(hash: string): Promise<ShareRecord | null>;
	findBySignatureHash(hash: string): Promise<ShareRecord | null>;
	/** Newest first. */
	list(query: ShareQuery): Promise<Page<ShareRecord>>;
	/** Marks one share revoked (a second revoke keeps the first time); null when there is no such share. */
	revoke(id: string, input: RevokeInput): Promise<ShareRecord | null>;
	/** Revokes every share not yet revoked of a profile and/or user; returns how many. */
	revokeMany(
		filter: { profileId?: string; user?: string },
		input: RevokeInput,
	): Promise<number>;
	/** Counts one download unless the limit is reached, atomically; false when it was reached. */
	countDownload(id: string): Promise<boolean>;
	/**
	 * The per-share STS sessions of these profiles that were revoked and are still alive after
	 * `now`: what the role's Deny must name. Oldest expiry first.
	 */
	revokedLiveSessions(query: {
		profileIds: string[];
		now: string;
	}): Promise<{ sessionUserId: string; sessionExpiresAt: string }[]>;
}

export type AuditType =
	| "share.created"
	| "share.visited"
	| "share.refused"
	| "share.revoked"
	| "shares.revoked-all"
	| "token.created"
	| "token.revoked"
	| "admin.signed-in"
	| "admin.signed-out";

export interface AuditEvent {
	id: number;
	at: string;
	type: AuditType;
	shareId: string | null;
	actor: string | null;
	userAgent: string | null;
	clientIp: string | null;
	detail: string | null;
}

export interface AuditLog {
	append(event: Omit<AuditEvent, "id">): Promise<void>;
	/** Newest first. */
	list(query: {
		shareId?: string;
		limit: number;
		cursor?: string;
	}): Promise<Page<AuditEvent>>;
}

export interface TokenRecord {
	id: string;
	user: string;
	role: Role;
	/** SHA-256 (hex) of the token's secret part. */
	secretHash: string;
	label: string | null;
	createdAt: string;
	revokedAt: string | null;
}

export interface TokenStore {
	create(token: TokenRecord): Promise<void>;
	get(id: string): Promise<TokenRecord | null>;
	list(): Promise<TokenRecord[]>;
	revoke(id: string, at: string): Promise<boolean>;
	count(): Promise<number>;
}

/** A signed-in admin page session. The cookie holds a random id; only its SHA-256 is stored. */
export interface SessionRecord {
	/** SHA-256 (hex) of the session id in the `signet_session` cookie. */
	idHash: string;
	user: string;
	/** The API token signed in with: revoking it ends the session. */
	tokenId: string;
	/** Random value every state-changing form of this session carries (CSRF), compared in constant time. */
	csrfToken: string;
	createdAt: string;
	expiresAt: string;
}

export interface SessionStore {
	create(session: SessionRecord): Promise<void>;
	/** The session, expired or not (the caller judges); null when unknown. */
	get(idHash: string): Promise<SessionRecord | null>;
	delete(idHash: string): Promise<void>;
	/** Deletes every session that expired at or before `now`; returns how many. */
	deleteExpired(now: string): Promise<number>;
}

/** The storage adapters, built and migrated together. */
export interface Store {
	shares: ShareStore;
	audit: AuditLog;
	tokens: TokenStore;
	sessions: SessionStore;
	close(): Promise<void>;
}

export interface Clock {
	now(): Date;
}

export interface AwsCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

/** Credentials to sign with, and what we know of their life. */
export interface SigningCredentials extends AwsCredentials {
	/** When they stop working; null for long-term keys. */
	expiresAt: Date | null;
	/** `AROA…:signet-<shareId>` for a per-share session; null otherwise. */
	sessionUserId: string | null;
	kind: "long-term" | "temporary" | "shared-session" | "per-share-session";
}

export interface ShareCredentialRequest {
	profile: Profile;
	shareId: string;
	key: string;
	action: Action;
	/** The URL lifetime asked for; the source may hand out shorter-lived credentials (STS limits). */
	lifetimeSeconds: number;
}

export interface CredentialSource {
	/** Credentials for one direct share: a per-share session scoped to that object where configured. */
	forShare(request: ShareCredentialRequest): Promise<SigningCredentials>;
	/** Credentials for a profile's short re-signing (managed links), living at least `minSeconds`. */
	forProfile(profile: Profile, minSeconds: number): Promise<SigningCredentials>;
	/** Drops cached sessions of a profile (after revoke-all denied every session issued before now). */
	forget?(profileId: string): void;
}

export interface Revoker {
	/**
	 * Denies per-share sessions of one profile from now on (IAM inline Deny on `aws:userid`), in one
	 * change of the role's policy however many there are.
	 */
	revokeSessions(input: {
		profile: Profile;
		sessions: { sessionUserId: string; sessionExpiresAt: Date }[];
		now: Date;
	}): Promise<void>;
	/** Denies every session of the profile's role issued before `before` (`aws:TokenIssueTime`). */
	revokeSessionsIssuedBefore(input: {
		profile: Profile;
		before: Date;
		now: Date;
	}): Promise<void>;
}

export interface PresignInput {
	method: "GET" | "PUT";
	profile: Profile;
	key: string;
	credentials: AwsCredentials;
	expiresInSeconds: number;
	signingDate: Date;
	responseContentDisposition?: string;
	contentType?: string;
}

export interface Signer {
	presign(input: PresignInput): Promise<string>;
}

export interface StoredObject {
	key: string;
	size: number;
	lastModified: string;
}

export interface ObjectLister {
	/** Objects and folders directly under `prefix` (delimiter `/`), a page at a time. */
	list(input: {
		profile: Profile;
		prefix: string;
		cursor?: string;
		limit: number;
	}): Promise<{
		objects: StoredObject[];
		folders: string[];
		nextCursor: string | null;
	}>;
}

/** Everything createApp needs; the entries (node.ts, worker.ts) build it from their runtime. */
export interface AppDeps {
	config: import("./config.ts").SignetConfig;
	store: Store;
	signer: Signer;
	credentials: CredentialSource;
	revoker: Revoker;
	objects: ObjectLister;
	clock: Clock;
	/** Base URL of managed links (`https://signet.example.com`), reachable by recipients. */
	publicUrl: string;
	/** One line per request and per unexpected error; secrets are already taken out. */
	log: (line: string) => void;
	/** The client's address for the audit trail, as the runtime knows it (socket, cf-connecting-ip). */
	clientAddress: (c: import("hono").Context) => string | null;
}

/**
 * How every time is stored: `Date#toISOString()` (`2025-03-01T12:00:00.000Z`), fixed width, so
 * that comparing and ordering the strings compares and orders the times.
 */
export function stamp(time: Date | number): string {
	return (typeof time === "number" ? new Date(time) : time).toISOString();
}
