/**
 * The Node backend's own AWS identity: the SDK's default provider chain (environment, shared config
 * and SSO, container and instance roles), refreshed before temporary keys expire. Node only.
 */
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { BaseCredentialProvider } from "./sts-credentials.ts";

export function createNodeBaseCredentials(): BaseCredentialProvider {
	// The chain memoizes what it found, and looks again shortly before it expires.
	return fromNodeProviderChain();
}
