/**
 * The IAM policy documents behind revocable links: the session policy scoping a per-share STS session
 * to one object, and the inline role policy denying revoked sessions. Pure and portable (no SDK).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html
 */
import { SignetError } from "../../shared/errors.ts";
import type { Action } from "../ports.ts";

/** STS refuses session policies longer than this (plain text). */
export const MAX_SESSION_POLICY_CHARS = 2048;
/** IAM refuses inline role policies longer than this, whitespace not counted. */
export const MAX_ROLE_POLICY_CHARS = 10_240;
/** The longest any role session lives (MaxSessionDuration tops out at 12 h). */
export const MAX_ROLE_SESSION_SECONDS = 43_200;
/** Entries stay this long after their session's end, in case our clock runs ahead of AWS's. */
export const PRUNE_GRACE_SECONDS = 300;

export interface PolicyStatement {
	Sid?: string;
	Effect: "Allow" | "Deny";
	Action: string | string[];
	Resource: string | string[];
	Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
	Version: "2012-10-17";
	Statement: PolicyStatement[];
}

export interface ObjectGrant {
	bucket: string;
	key: string;
	action: Action;
	/** ARN partition of the role: `aws`, `aws-cn` or `aws-us-gov`. */
	partition?: string;
}

const S3_ACTION: Record<Action, string> = {
	get: "s3:GetObject",
	put: "s3:PutObject",
};

/**
 * IAM reads `*`, `?` and `${…}` in a Resource as wildcards and variables; these policy variables
 * stand for the literal characters, so `a*` grants only the object named `a*`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars
 */
export function escapeIamResource(value: string): string {
	return value.replace(/[*?$]/g, (char) => `\${${char}}`);
}

/** The session policy (JSON) for a per-share session: one action on exactly one object. */
export function sessionPolicyFor(grant: ObjectGrant): string {
	const partition = grant.partition ?? "aws";
	const document: PolicyDocument = {
		Version: "2012-10-17",
		Statement: [
			{
				Effect: "Allow",
				Action: S3_ACTION[grant.action],
				Resource: `arn:${partition}:s3:::${grant.bucket}/${escapeIamResource(grant.key)}`,
			},
		],
	};
	const json = JSON.stringify(document);
	if (json.length > MAX_SESSION_POLICY_CHARS) {
		throw new SignetError(
			"invalid_key",
			`Key '${grant.key.slice(0, 80)}…' is too long to scope a per-share session to it: its session policy has ${json.length} characters, STS allows ${MAX_SESSION_POLICY_CHARS}. Use a shorter key, or a profile with session "shared".`,
		);
	}
	return json;
}

/** Counts a policy's size as IAM does for inline policies: without whitespace. */
export function policySize(document: PolicyDocument): number {
	return JSON.stringify(document).replace(/\s/g, "").length;
}

export interface RevokedSession {
	/** `AROA…:signet-<shareId>`, the session's `aws:userid`. */
	userId: string;
	/** When the session ends by itself; the entry is dropped after that. */
	expiresAt: Date;
}

/** What the revocation policy denies, as read back from the role. */
export interface RevocationState {
	revokedSessions: RevokedSession[];
	/** Emergency revoke-all: every session of the role issued before this is denied. */
	revokeIssuedBefore?: Date;
}

export interface RevocationPolicyInput extends RevocationState {
	now: Date;
}

const SESSIONS_SID =
	/^RevokedSessionsUntil(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;
const ISSUED_BEFORE_SID = "RevokeSessionsIssuedBefore";
/**
 * Entries are grouped by their expiry rounded up (one statement per group, its Sid naming the time),
 * which keeps the policy small; coarser groups are tried when finer ones do not fit.
 */
const GROUPINGS_SECONDS = [3600, 4 * 3600, 12 * 3600, Number.POSITIVE_INFINITY];

/**
 * The inline role policy denying revoked sessions, or null when nothing is left to deny. Drops
 * sessions that have ended (they can no longer sign) and a revoke-all older than any session can live.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-tokenissuetime
 */
export function revocationPolicy(
	input: RevocationPolicyInput,
): PolicyDocument | null {
	const nowMs = input.now.getTime();
	const graceMs = PRUNE_GRACE_SECONDS * 1000;
	const live = new Map<string, number>();
	for (const { userId, expiresAt } of input.revokedSessions) {
		const expiresMs = expiresAt.getTime();
		if (expiresMs + graceMs <= nowMs) continue;
		live.set(userId, Math.max(live.get(userId) ?? 0, expiresMs));
	}
	const beforeMs = input.revokeIssuedBefore?.getTime();
	const before =
		beforeMs !== undefined &&
		beforeMs + MAX_ROLE_SESSION_SECONDS * 1000 + graceMs > nowMs
			? beforeMs
			: undefined;
	if (live.size === 0 && before === undefined) return null;

	let size = 0;
	for (const groupSeconds of GROUPINGS_SECONDS) {
		const document = buildRevocationPolicy(live, before, groupSeconds);
		size = policySize(document);
		if (size <= MAX_ROLE_POLICY_CHARS) return document;
	}
	throw new PolicyTooLargeError(
		`Cannot deny ${live.size} revoked sessions in one inline role policy: it would need ${size} characters and IAM allows ${MAX_ROLE_POLICY_CHARS}. Revoke all links of this profile instead (one statement denies every session issued before now); the list shrinks as revoked sessions expire.`,
	);
}

/** The role's inline policy would pass IAM's size limit: fewer sessions at a time may still fit. */
export class PolicyTooLargeError extends SignetError {
	constructor(message: string) {
		super("revocation_failed", message);
	}
}

function buildRevocationPolicy(
	live: Map<string, number>,
	beforeMs: number | undefined,
	groupSeconds: number,
): PolicyDocument {
	const statements: PolicyStatement[] = [];
	if (beforeMs !== undefined) {
		statements.push({
			Sid: ISSUED_BEFORE_SID,
			...denyAll,
			Condition: {
				// Rounded up to the second: a revoke-all errs on the side of denying.
				DateLessThan: { "aws:TokenIssueTime": isoSeconds(ceilTo(beforeMs, 1)) },
			},
		});
	}
	const latestMs = Math.max(...live.values());
	const groups = new Map<number, string[]>();
	for (const [userId, expiresMs] of live) {
		const groupMs = Number.isFinite(groupSeconds)
			? ceilTo(expiresMs, groupSeconds)
			: ceilTo(latestMs, 1);
		groups.set(groupMs, [...(groups.get(groupMs) ?? []), userId]);
	}
	for (const [groupMs, userIds] of [...groups].sort(([a], [b]) => a - b)) {
		statements.push({
			Sid: `RevokedSessionsUntil${isoSeconds(groupMs).replace(/[-:]/g, "")}`,
			...denyAll,
			Condition: { StringEquals: { "aws:userid": userIds.sort() } },
		});
	}
	return { Version: "2012-10-17", Statement: statements };
}

const denyAll = { Effect: "Deny", Action: "s3:*", Resource: "*" } as const;

function ceilTo(ms: number, seconds: number): number {
	const step = seconds * 1000;
	return Math.ceil(ms / step) * step;
}

function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Reads back a policy written by revocationPolicy, to merge a new revocation into it. */
export function parseRevocationPolicy(json: string): RevocationState {
	let document: unknown;
	try {
		document = JSON.parse(json);
	} catch {
		throw notOurs("it is not JSON");
	}
	const statements = isRecord(document) ? document.Statement : undefined;
	const list = Array.isArray(statements) ? statements : [statements];
	const state: RevocationState = { revokedSessions: [] };
	for (const statement of list) {
		if (!isRecord(statement) || statement.Effect !== "Deny") {
			throw notOurs("it holds a statement that is not a Deny");
		}
		const sid = String(statement.Sid ?? "");
		const until = SESSIONS_SID.exec(sid);
		if (until) {
			const [, y, mo, d, h, mi, s] = until;
			const expiresAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
			for (const userId of conditionValues(
				statement,
				"StringEquals",
				"aws:userid",
				sid,
			)) {
				state.revokedSessions.push({ userId, expiresAt });
			}
		} else if (sid === ISSUED_BEFORE_SID) {
			const [value] = conditionValues(
				statement,
				"DateLessThan",
				"aws:TokenIssueTime",
				sid,
			);
			const before = new Date(value ?? "");
			if (Number.isNaN(before.getTime()))
				throw notOurs(`statement '${sid}' has no valid date`);
			state.revokeIssuedBefore = before;
		} else {
			throw notOurs(
				`statement '${sid || "(no Sid)"}' was not written by Signet`,
			);
		}
	}
	return state;
}

function conditionValues(
	statement: Record<string, unknown>,
	operator: string,
	key: string,
	sid: string,
): string[] {
	const condition = statement.Condition;
	const block = isRecord(condition) ? condition[operator] : undefined;
	const values = isRecord(block) ? block[key] : undefined;
	const list = typeof values === "string" ? [values] : values;
	if (!Array.isArray(list) || !list.every((v) => typeof v === "string")) {
		throw notOurs(`statement '${sid}' has no ${operator} condition on ${key}`);
	}
	return list;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function notOurs(reason: string): SignetError {
	return new SignetError(
		"revocation_failed",
		`The role's revocation policy cannot be read (${reason}). Signet manages that inline policy alone: move other statements to a policy of another name.`,
	);
}
