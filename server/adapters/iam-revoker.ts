/**
 * Revoker on IAM: revoking a URL denies the STS session that signed it, through an inline policy on
 * the profile's role that Signet alone manages (read, merged, pruned, written back).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html
 */
import { SignetError } from "../../shared/errors.ts";
import { describeAwsError } from "../aws/aws-error.ts";
import { createAwsFetch } from "../aws/aws-fetch.ts";
import {
	deleteRolePolicy,
	getRolePolicy,
	type IamTarget,
	putRolePolicy,
} from "../aws/iam.ts";
import { iamTargetFor } from "../aws/query-api.ts";
import type { Profile } from "../config.ts";
import type { Clock, Revoker } from "../ports.ts";
import {
	parseRevocationPolicy,
	type RevocationState,
	revocationPolicy,
} from "../revocation/iam-policies.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";
import type { BaseCredentialProvider } from "./sts-credentials.ts";

export interface IamRevokerOptions {
	/** Needs iam:GetRolePolicy, iam:PutRolePolicy and iam:DeleteRolePolicy on the profiles' roles. */
	baseCredentials: BaseCredentialProvider;
	/** Hashing for the SigV4 signatures of IAM calls. */
	crypto: SigningCrypto;
	/** IAM endpoint URL (AWS_ENDPOINT_URL_IAM: a fake in tests). Default: the role's partition's IAM. */
	iamEndpoint?: string;
	/** Time of the write itself: a queued revocation prunes against it. */
	clock: Clock;
	/** The inline policy Signet owns on each role. */
	policyName?: string;
}

export function createIamRevoker(options: IamRevokerOptions): Revoker {
	if (!options?.clock) {
		throw new Error("[signet] [iam-revoker] Missing option `clock`.");
	}
	if (options.iamEndpoint !== undefined && !URL.canParse(options.iamEndpoint)) {
		throw new Error(
			`[signet] [iam-revoker] Option \`iamEndpoint\` is not a URL: '${options.iamEndpoint}'.`,
		);
	}
	const policyName = options.policyName ?? "signet-revocations";
	if (!/^[\w+=,.@-]{1,128}$/.test(policyName)) {
		throw new Error(
			`[signet] [iam-revoker] Option \`policyName\` '${policyName}' is not a valid IAM policy name.`,
		);
	}
	if (typeof options.baseCredentials !== "function") {
		throw new Error(
			"[signet] [iam-revoker] Missing option `baseCredentials`: a function resolving to the backend's own AWS keys.",
		);
	}
	const { clock } = options;
	const credentials = options.baseCredentials;
	const send = createAwsFetch({ crypto: options.crypto });
	const iamEndpoint =
		options.iamEndpoint === undefined ? null : new URL(options.iamEndpoint);

	/** Where the role's partition keeps IAM, unless an endpoint is configured. */
	async function iamTarget(roleArn: string): Promise<IamTarget> {
		const partition = iamTargetFor(roleArn.split(":")[1] ?? "aws");
		return {
			endpoint: iamEndpoint ?? partition.endpoint,
			region: partition.region,
			credentials: await credentials(),
		};
	}

	/** One chain of writes per role, so two revocations never overwrite each other. */
	const queues = new Map<string, Promise<unknown>>();

	function roleOf(profile: Profile): { roleArn: string; roleName: string } {
		const { roleArn } = profile.credentials;
		if (!roleArn) {
			throw new SignetError(
				"bad_request",
				`Profile '${profile.id}' signs with long-term keys (no credentials.roleArn), which cannot be revoked per URL: S3 honours such a URL until it expires. Configure a role to make links revocable.`,
			);
		}
		return { roleArn, roleName: roleArn.split("/").at(-1) ?? roleArn };
	}

	async function update(
		profile: Profile,
		change: (current: RevocationState) => RevocationState,
	): Promise<void> {
		const { roleArn, roleName } = roleOf(profile);
		const previous = queues.get(roleArn) ?? Promise.resolve();
		const next = previous
			.catch(() => undefined)
			.then(() => rewrite(roleArn, roleName, change));
		queues.set(roleArn, next);
		next
			.finally(() => {
				if (queues.get(roleArn) === next) queues.delete(roleArn);
			})
			.catch(() => undefined);
		return next;
	}

	async function rewrite(
		roleArn: string,
		roleName: string,
		change: (current: RevocationState) => RevocationState,
	): Promise<void> {
		// The keys that sign the calls: named in no error, should IAM echo them.
		let secrets: (string | undefined)[] = [];
		try {
			const target = await iamTarget(roleArn);
			secrets = [
				target.credentials.secretAccessKey,
				target.credentials.sessionToken,
			];
			const name = { roleName, policyName };
			const document = await getRolePolicy(send, target, name);
			// null: the role has no such policy yet (IAM's NoSuchEntity).
			const current =
				document === null ? null : parseRevocationPolicy(document);
			const wanted = revocationPolicy({
				...change(current ?? { revokedSessions: [] }),
				now: clock.now(),
			});
			if (wanted === null) {
				if (current !== null) await deleteRolePolicy(send, target, name);
				return;
			}
			await putRolePolicy(send, target, name, JSON.stringify(wanted));
		} catch (error) {
			if (error instanceof SignetError) throw error;
			const { summary, cause } = describeAwsError(error, secrets);
			throw new SignetError(
				"revocation_failed",
				`Could not update the inline policy '${policyName}' of role '${roleArn}': ${summary}. The backend needs iam:GetRolePolicy, iam:PutRolePolicy and iam:DeleteRolePolicy on that role.`,
				{ cause },
			);
		}
	}

	return {
		revokeSessions({ profile, sessions }) {
			return update(profile, (current) => ({
				...current,
				revokedSessions: [
					...current.revokedSessions,
					...sessions.map((session) => ({
						userId: session.sessionUserId,
						expiresAt: session.sessionExpiresAt,
					})),
				],
			}));
		},
		revokeSessionsIssuedBefore({ profile, before }) {
			return update(profile, (current) => ({
				...current,
				revokeIssuedBefore:
					current.revokeIssuedBefore && current.revokeIssuedBefore > before
						? current.revokeIssuedBefore
						: before,
			}));
		},
	};
}
