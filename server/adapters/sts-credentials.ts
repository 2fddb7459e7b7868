/**
 * CredentialSource on STS: a per-share session scoped to one object (revocable on its own), one shared
 * session per profile refreshed early, or the base credentials for profiles without a role. STS is
 * called over fetch with our own SigV4 signer, so the same code runs on Node and Workers.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { SignetError } from "../../shared/errors.ts";
import { describeAwsError } from "../aws/aws-error.ts";
import { type AwsFetch, createAwsFetch } from "../aws/aws-fetch.ts";
import { stsEndpointFor } from "../aws/query-api.ts";
import { type AssumedRole, assumeRole } from "../aws/sts.ts";
import type { Profile } from "../config.ts";
import type {
	Clock,
	CredentialSource,
	ShareCredentialRequest,
	SigningCredentials,
} from "../ports.ts";
import { sessionPolicyFor } from "../revocation/iam-policies.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";

/** What a credential provider resolves to (the Worker's secrets, Node's default provider chain). */
export interface BaseCredentialIdentity {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	expiration?: Date;
}
export type BaseCredentialProvider = () => Promise<BaseCredentialIdentity>;

export interface StsCredentialSourceOptions {
	/** Signs AssumeRole, and the URLs of profiles without a role. */
	baseCredentials: BaseCredentialProvider;
	/** Hashing for the SigV4 signatures of STS calls. */
	crypto: SigningCrypto;
	/** STS endpoint URL (AWS_ENDPOINT_URL_STS: a VPC endpoint, a fake in tests). Default: AWS's regional endpoint. */
	stsEndpoint?: string;
	clock: Clock;
}

/** A session outlives the URL it signs by this much. */
const SESSION_MARGIN_SECONDS = 60;
/** STS's minimum DurationSeconds. */
const MIN_SESSION_SECONDS = 900;
/** A role assumed with temporary credentials (role chaining) lives at most 1 h. */
const ROLE_CHAINING_MAX_SECONDS = 3600;
/** A reused shared session may give at most this much less than a fresh one would. */
const REUSE_TOLERANCE_SECONDS = 300;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

interface Session {
	credentials: SigningCredentials;
	roleArn: string;
	externalId: string | undefined;
}

export function createStsCredentialSource(
	options: StsCredentialSourceOptions,
): CredentialSource & { forget(profileId: string): void } {
	if (!options?.clock) {
		throw new Error("[signet] [sts-credentials] Missing option `clock`.");
	}
	if (options.stsEndpoint !== undefined && !URL.canParse(options.stsEndpoint)) {
		throw new Error(
			`[signet] [sts-credentials] Option \`stsEndpoint\` is not a URL: '${options.stsEndpoint}'.`,
		);
	}
	if (typeof options.baseCredentials !== "function") {
		throw new Error(
			"[signet] [sts-credentials] Missing option `baseCredentials`: a function resolving to the backend's own AWS keys.",
		);
	}
	const { clock } = options;
	const base = options.baseCredentials;
	const send: AwsFetch = createAwsFetch({ crypto: options.crypto });
	const stsEndpoint =
		options.stsEndpoint === undefined ? null : new URL(options.stsEndpoint);
	const shared = new Map<string, Promise<Session>>();

	function stsTarget(profile: Profile) {
		// STS signs for the profile's region (us-east-1 for R2's "auto").
		const region = profile.region === "auto" ? "us-east-1" : profile.region;
		const endpoint = stsEndpoint ?? stsEndpointFor(region);
		return { region, endpoint };
	}

	/** The base credentials, or upstream_failed when no provider has any. */
	async function baseIdentity(): Promise<BaseCredentialIdentity> {
		try {
			return await base();
		} catch (error) {
			const { summary, cause } = describeAwsError(error, []);
			throw new SignetError(
				"upstream_failed",
				`Could not load the backend's own AWS credentials: ${summary}`,
				{ cause },
			);
		}
	}

	async function baseSigning(): Promise<SigningCredentials> {
		const identity = await baseIdentity();
		const { accessKeyId, secretAccessKey, sessionToken } = identity;
		return {
			accessKeyId,
			secretAccessKey,
			...(sessionToken ? { sessionToken } : {}),
			expiresAt: sessionToken ? (identity.expiration ?? null) : null,
			sessionUserId: null,
			kind: sessionToken ? "temporary" : "long-term",
		};
	}

	/** The longest session STS will grant: the role's maximum, 1 h when chaining from temporary keys. */
	function maxSessionSeconds(
		profile: Profile,
		identity: BaseCredentialIdentity,
	): number {
		const roleMax = profile.credentials.maxSessionSeconds;
		return identity.sessionToken
			? Math.min(roleMax, ROLE_CHAINING_MAX_SECONDS)
			: roleMax;
	}

	async function assume(
		profile: Profile,
		roleArn: string,
		identity: BaseCredentialIdentity,
		input: { sessionName: string; durationSeconds: number; policy?: string },
		kind: "shared-session" | "per-share-session",
	): Promise<SigningCredentials> {
		const { externalId } = profile.credentials;
		let answer: AssumedRole;
		try {
			answer = await assumeRole(
				send,
				{ ...stsTarget(profile), credentials: identity },
				{
					roleArn,
					roleSessionName: input.sessionName,
					durationSeconds: input.durationSeconds,
					policy: input.policy,
					externalId,
				},
			);
		} catch (error) {
			throw stsFailure(error, roleArn, profile, identity);
		}
		return {
			accessKeyId: answer.accessKeyId,
			secretAccessKey: answer.secretAccessKey,
			sessionToken: answer.sessionToken,
			expiresAt: answer.expiration,
			sessionUserId:
				kind === "per-share-session" ? (answer.assumedRoleId ?? null) : null,
			kind,
		};
	}

	/** STS's refusal in words, with the keys that signed the call and the external id cut out. */
	function stsFailure(
		error: unknown,
		roleArn: string,
		profile: Profile,
		identity: BaseCredentialIdentity,
	): SignetError {
		const { summary, cause } = describeAwsError(error, [
			identity.secretAccessKey,
			identity.sessionToken,
			profile.credentials.externalId,
		]);
		return new SignetError(
			"upstream_failed",
			`Could not assume role '${roleArn}' for profile '${profile.id}': ${summary}`,
			{ cause },
		);
	}

	async function perShareSession(
		request: ShareCredentialRequest,
		roleArn: string,
	): Promise<SigningCredentials> {
		const { profile, shareId } = request;
		const sessionName = `signet-${shareId}`;
		if (!SESSION_NAME.test(sessionName)) {
			throw new SignetError(
				"internal",
				`Share id '${shareId.slice(0, 64)}' cannot name an STS session: 'signet-<id>' must be at most 64 characters of letters, digits and +=,.@_-.`,
			);
		}
		const policy = sessionPolicyFor({
			bucket: profile.bucket,
			key: request.key,
			action: request.action,
			partition: roleArn.split(":")[1],
		});
		const wanted = request.lifetimeSeconds + SESSION_MARGIN_SECONDS;
		const identity = await baseIdentity();
		const durationSeconds = Math.max(
			MIN_SESSION_SECONDS,
			Math.min(wanted, maxSessionSeconds(profile, identity)),
		);
		return assume(
			profile,
			roleArn,
			identity,
			{ sessionName, durationSeconds, policy },
			"per-share-session",
		);
	}

	/**
	 * The profile's shared session, refreshed when it would not outlive `wantedSeconds` (or, when no
	 * session can, when it gives much less than a fresh one). Concurrent callers share one AssumeRole.
	 */
	async function sharedSession(
		profile: Profile,
		roleArn: string,
		wantedSeconds: number,
	): Promise<SigningCredentials> {
		const identity = await baseIdentity();
		const longest = maxSessionSeconds(profile, identity);
		const needed = Math.min(wantedSeconds, longest - REUSE_TOLERANCE_SECONDS);
		const { externalId } = profile.credentials;
		for (;;) {
			const pending = shared.get(profile.id);
			if (pending) {
				// A failed AssumeRole fails everyone who waited for it; the next call tries again.
				const session = await pending;
				const usable =
					session.roleArn === roleArn &&
					session.externalId === externalId &&
					remainingSeconds(session.credentials) >= needed;
				if (usable) return session.credentials;
				// Another caller may already have replaced it: then wait for theirs.
				if (shared.get(profile.id) !== pending) continue;
			}
			const fresh = assume(
				profile,
				roleArn,
				identity,
				{ sessionName: sharedSessionName(profile), durationSeconds: longest },
				"shared-session",
			).then((credentials) => ({ credentials, roleArn, externalId }));
			shared.set(profile.id, fresh);
			fresh.catch(() => {
				if (shared.get(profile.id) === fresh) shared.delete(profile.id);
			});
			return (await fresh).credentials;
		}
	}

	function remainingSeconds(credentials: SigningCredentials): number {
		const end = credentials.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
		return (end - clock.now().getTime()) / 1000;
	}

	return {
		async forShare(request) {
			const { profile } = request;
			const { roleArn, session } = profile.credentials;
			if (!roleArn) return baseSigning();
			if (session === "shared") {
				const wanted = request.lifetimeSeconds + SESSION_MARGIN_SECONDS;
				return sharedSession(profile, roleArn, wanted);
			}
			return perShareSession(request, roleArn);
		},
		async forProfile(profile, minSeconds) {
			const { roleArn } = profile.credentials;
			if (!roleArn) return baseSigning();
			return sharedSession(
				profile,
				roleArn,
				minSeconds + SESSION_MARGIN_SECONDS,
			);
		},
		forget(profileId) {
			shared.delete(profileId);
		},
	};
}

/** `signet-shared-<profile id>`, cut to STS's 64 characters. */
function sharedSessionName(profile: Profile): string {
	return `signet-shared-${profile.id}`.slice(0, 64);
}
