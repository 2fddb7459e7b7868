/** The four AWS-facing ports, wired the same way by the Node and the Workers entries. */
import type { AppDeps, Clock } from "../ports.ts";
import type { SigningCrypto } from "../signing/signing-crypto.ts";
import { createIamRevoker } from "./iam-revoker.ts";
import { createS3ObjectLister } from "./s3-objects.ts";
import { createS3Signer } from "./s3-signer.ts";
import {
	type BaseCredentialProvider,
	createStsCredentialSource,
} from "./sts-credentials.ts";

export interface AwsAdapterOptions {
	/** The backend's own keys: they sign AssumeRole, IAM calls and the URLs of profiles without a role. */
	baseCredentials: BaseCredentialProvider;
	crypto: SigningCrypto;
	clock: Clock;
	/** AWS_ENDPOINT_URL_STS / _IAM: VPC endpoints, or a fake in tests. */
	stsEndpoint?: string;
	iamEndpoint?: string;
}

export function createAwsAdapters(
	options: AwsAdapterOptions,
): Pick<AppDeps, "signer" | "credentials" | "revoker" | "objects"> {
	const { baseCredentials, crypto, clock } = options;
	const credentials = createStsCredentialSource({
		baseCredentials,
		crypto,
		clock,
		stsEndpoint: options.stsEndpoint,
	});
	return {
		signer: createS3Signer({ crypto }),
		credentials,
		revoker: createIamRevoker({
			baseCredentials,
			crypto,
			clock,
			iamEndpoint: options.iamEndpoint,
		}),
		objects: createS3ObjectLister({ credentials, crypto }),
	};
}
