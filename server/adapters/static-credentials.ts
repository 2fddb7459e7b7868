/**
 * CredentialSource on fixed keys (the Worker's AWS_* secrets): they sign the URLs of profiles without
 * a role. Profiles with a `roleArn` need STS AssumeRole, which this source does not call (issue 7).
 */
import { SignetError } from "../../shared/errors.ts";
import type {
	AwsCredentials,
	CredentialSource,
	SigningCredentials,
} from "../ports.ts";

export interface StaticCredentialSourceOptions {
	/** Long-term keys, or temporary ones with their session token. */
	credentials: AwsCredentials;
	/** Says where the keys come from in errors: "Worker secrets". */
	origin?: string;
}

export function createStaticCredentialSource(
	options: StaticCredentialSourceOptions,
): CredentialSource {
	const { accessKeyId, secretAccessKey, sessionToken } =
		options?.credentials ?? {};
	if (!accessKeyId || !secretAccessKey) {
		throw new Error(
			"[signet] [static-credentials] Missing option `credentials` (an access key id and its secret).",
		);
	}
	const signing: SigningCredentials = {
		accessKeyId,
		secretAccessKey,
		...(sessionToken ? { sessionToken } : {}),
		// A session token's end is not given with it: the share's expiry stays an upper bound.
		expiresAt: null,
		sessionUserId: null,
		kind: sessionToken ? "temporary" : "long-term",
	};
	const origin = options.origin ?? "fixed keys";
	const base = (profile: { id: string; credentials: { roleArn?: string } }) => {
		if (profile.credentials.roleArn) {
			throw new SignetError(
				"upstream_failed",
				`Profile '${profile.id}' signs with role '${profile.credentials.roleArn}', but this backend only has ${origin} and cannot assume roles yet. Remove roleArn from the profile, or run the Node backend.`,
			);
		}
		return { ...signing };
	};
	return {
		forShare: async ({ profile }) => base(profile),
		forProfile: async (profile) => base(profile),
	};
}
