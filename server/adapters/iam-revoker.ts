/**
 * Revoker on IAM: revoking a URL denies the STS session that signed it, through an inline policy on
 * the profile's role that Signet alone manages (read, merged, pruned, written back).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html
 */
import {
	DeleteRolePolicyCommand,
	GetRolePolicyCommand,
	IAMClient,
	NoSuchEntityException,
	PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { SignetError } from "../../shared/errors.ts";
import type { Profile } from "../config.ts";
import type { Clock, Revoker } from "../ports.ts";
import {
	parseRevocationPolicy,
	type RevocationState,
	revocationPolicy,
} from "../revocation/iam-policies.ts";
import {
	type BaseCredentialProvider,
	describeAwsError,
} from "./sts-credentials.ts";

export interface IamRevokerOptions {
	/** Needs iam:GetRolePolicy, iam:PutRolePolicy and iam:DeleteRolePolicy on the profiles' roles. Default: fromNodeProviderChain(). */
	baseCredentials?: BaseCredentialProvider;
	/** IAM endpoint URL (a fake in tests). Default: AWS's global IAM endpoint. */
	iamEndpoint?: string;
	/** IAM signing region (default us-east-1; cn-north-1 for aws-cn roles). */
	region?: string;
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
	const { clock } = options;
	const credentials = options.baseCredentials ?? fromNodeProviderChain();
	const iam = new IAMClient({
		region: options.region ?? "us-east-1",
		credentials,
		...(options.iamEndpoint ? { endpoint: options.iamEndpoint } : {}),
	});
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
		try {
			const current = await read(roleName);
			const wanted = revocationPolicy({
				...change(current ?? { revokedSessions: [] }),
				now: clock.now(),
			});
			if (wanted === null) {
				if (current !== null) {
					await iam.send(
						new DeleteRolePolicyCommand({
							RoleName: roleName,
							PolicyName: policyName,
						}),
					);
				}
				return;
			}
			await iam.send(
				new PutRolePolicyCommand({
					RoleName: roleName,
					PolicyName: policyName,
					PolicyDocument: JSON.stringify(wanted),
				}),
			);
		} catch (error) {
			if (error instanceof SignetError) throw error;
			const secrets = await credentials().then(
				(identity) => [identity.secretAccessKey, identity.sessionToken],
				() => [],
			);
			const { summary, cause } = describeAwsError(error, secrets);
			throw new SignetError(
				"revocation_failed",
				`Could not update the inline policy '${policyName}' of role '${roleArn}': ${summary}. The backend needs iam:GetRolePolicy, iam:PutRolePolicy and iam:DeleteRolePolicy on that role.`,
				{ cause },
			);
		}
	}

	/** The current policy's entries, or null when the role has none yet. */
	async function read(roleName: string): Promise<RevocationState | null> {
		try {
			const answer = await iam.send(
				new GetRolePolicyCommand({
					RoleName: roleName,
					PolicyName: policyName,
				}),
			);
			// IAM returns the document URL-encoded (RFC 3986).
			return parseRevocationPolicy(
				decodeURIComponent(answer.PolicyDocument ?? ""),
			);
		} catch (error) {
			if (error instanceof NoSuchEntityException) return null;
			throw error;
		}
	}

	return {
		revokeSession({ profile, sessionUserId, sessionExpiresAt }) {
			return update(profile, (current) => ({
				...current,
				revokedSessions: [
					...current.revokedSessions,
					{ userId: sessionUserId, expiresAt: sessionExpiresAt },
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
