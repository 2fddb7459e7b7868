/**
 * Removes the secret half of presigned URLs and signed requests from text (logs, tickets, chat):
 * signatures and session tokens are bearer secrets; key ids, dates and paths are kept.
 */

export const REDACTED = "REDACTED";

const SECRETS: RegExp[] = [
	// Named AWS/GCS secrets in query strings, headers and JSON: `X-Amz-Signature=…`, `"x-amz-security-token": "…"`.
	/((?:x-amz-signature|x-amz-security-token|x-goog-signature)["']?\s*[:=]\s*["']?)([^\s"'&,;<>#]+)/gi,
	// Generic names only inside a query string: SigV2/GCS V2/CloudFront `Signature`, Azure SAS `sig`.
	/([?&;](?:signature|sig)=)([^&\s"'<>#]+)/gi,
	// SigV4 Authorization header: `…, SignedHeaders=host, Signature=<64 hex>`.
	/([\s,]Signature=)([0-9a-f]{64})/gi,
	// SigV2 Authorization header: `Authorization: AWS AKIA…:<base64>`.
	/(Authorization["']?\s*:\s*["']?AWS\s+[^:\s]+:)([A-Za-z0-9+/=]+)/gi,
];

/** Returns `text` with every signature and session token replaced by `REDACTED`, all else unchanged. */
export function redactSecrets(text: string): string {
	let result = text;
	for (const pattern of SECRETS) {
		result = result.replace(pattern, (_, name: string) => `${name}${REDACTED}`);
	}
	return result;
}
