/** "Does this presigned URL still work, and if not, why?": one ranged GET and S3's answer in plain words. */
import { decode } from "../../shared/presigned/decode.ts";
import { redactSecrets } from "../../shared/presigned/redact.ts";
import type { DecodedUrl } from "../../shared/presigned/types.ts";
import { utcText } from "../../shared/relative-time.ts";
import type { CheckResult, CheckVerdict } from "../lib/messages.ts";

export const CHECK_TIMEOUT_MS = 10_000;

/**
 * Fetches the first byte of the object (never the whole file) and explains the outcome. The
 * background runs it with host permission, so CORS never decides the outcome. Never throws.
 */
export async function checkPresignedUrl(
	url: string,
	fetchImpl: typeof fetch = fetch,
): Promise<CheckResult> {
	const decoded = decode(url.trim());
	if (!decoded.ok) return result("other", null, null, decoded.error.message);
	let response: Response;
	try {
		response = await fetchImpl(url.trim(), {
			method: "GET",
			headers: { Range: "bytes=0-0" },
			cache: "no-store",
			credentials: "omit",
			redirect: "follow",
			signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
		});
	} catch (error) {
		return unreachable(decoded.value.host, error);
	}
	const { status } = response;
	if (status === 200 || status === 206) {
		await response.body?.cancel().catch(() => {});
		return result(
			"works",
			status,
			null,
			"The URL works: anyone holding this link can download the object.",
		);
	}
	const body = await response.text().catch(() => "");
	return explain(
		status,
		tag(body, "Code"),
		tag(body, "Message"),
		decoded.value,
	);
}

function explain(
	status: number,
	code: string | null,
	s3Message: string | null,
	url: DecodedUrl,
): CheckResult {
	const said = s3Message
		? ` The server said: "${redactSecrets(s3Message).slice(0, 300)}".`
		: "";
	const expiry =
		url.expiresAtMs !== null
			? ` (it expired at ${utcText(url.expiresAtMs)})`
			: "";
	const tokenExpired = /provided token has expired/i.test(s3Message ?? "");
	// Google Cloud Storage answers ExpiredToken when the URL itself expired; S3 when the session behind it did.
	if (code === "ExpiredToken" && url.provider === "gcs") {
		return result(
			"expired",
			status,
			code,
			`The URL has expired: its own lifetime is over${expiry}. Ask for a new link.`,
		);
	}
	// Real S3 answers 400 ExpiredToken for this (https://issues.apache.org/jira/browse/HADOOP-18353); 403 is handled alike.
	if (code === "ExpiredToken" || tokenExpired) {
		return result(
			"credentials-expired",
			status,
			code,
			"The temporary credentials that signed this URL have expired, so it stopped working before its own expiry time. Whoever made the link must sign a new one, ideally with credentials that outlive the link.",
		);
	}
	if (code === "AccessDenied" && /request has expired/i.test(s3Message ?? "")) {
		return result(
			"expired",
			status,
			code,
			`The URL has expired: its own lifetime is over${expiry}. Ask for a new link.`,
		);
	}
	if (code === "SignatureDoesNotMatch") {
		return result("signature-mismatch", status, code, signatureMismatch(url));
	}
	if (code === "InvalidAccessKeyId") {
		return result(
			"other",
			status,
			code,
			`The access key that signed this URL (${url.signer ?? "unknown"}) no longer exists or was deactivated, so every URL it signed is refused. Ask for a new link signed with an active key.`,
		);
	}
	if (code === "AuthorizationQueryParametersError") {
		return result(
			"other",
			status,
			code,
			`The server rejects how the URL was signed, for example a lifetime above the 7-day maximum.${said}`,
		);
	}
	if (code === "NoSuchBucket") {
		return result(
			"not-found",
			status,
			code,
			`The bucket '${url.bucket ?? "?"}' does not exist (any more). Check the link's origin.`,
		);
	}
	if (code === "NoSuchKey" || status === 404) {
		return result(
			"not-found",
			status,
			code,
			`The signature is fine, but there is no object at '${url.key ?? "?"}'${url.bucket ? ` in '${url.bucket}'` : ""}: it was deleted, renamed or never uploaded.`,
		);
	}
	if (status === 416) {
		return result(
			"works",
			status,
			code,
			"The URL works: the object exists and is empty (0 bytes).",
		);
	}
	if (
		url.effectiveExpiresAtMs !== null &&
		url.effectiveExpiresAtMs <= Date.now() &&
		(status === 400 || status === 403)
	) {
		return result(
			"expired",
			status,
			code,
			`The URL has expired: its own lifetime is over${expiry}.${said}`,
		);
	}
	if (code === "AccessDenied" || (status === 403 && code === null)) {
		return result(
			"access-denied",
			status,
			code,
			"The signature is valid, but whoever signed the URL may not read this object now: their session may have been revoked, their permissions changed, or a bucket policy denies it. Ask for a new link.",
		);
	}
	return result(
		"other",
		status,
		code,
		`The server refused the URL with HTTP ${status}${code ? ` ${code}` : ""}.${said}`,
	);
}

function signatureMismatch(url: DecodedUrl): string {
	const method =
		url.operation && !/^(Get|Head)Object$/.test(url.operation)
			? ` It was signed for ${url.operation}, which a browser's GET cannot use.`
			: "";
	const headers = url.signedHeaders.filter((name) => name !== "host");
	const extra =
		headers.length > 0
			? ` It also requires the signed headers ${headers.join(", ")}, which a plain browser request does not send.`
			: "";
	return `The server computed a different signature: the URL was altered after signing (a character changed or lost when pasted), or the request differs from what was signed: another method, host or headers.${method}${extra}`;
}

function unreachable(host: string, error: unknown): CheckResult {
	const timedOut = error instanceof Error && error.name === "TimeoutError";
	return result(
		"unreachable",
		null,
		null,
		timedOut
			? `${host} did not answer within ${CHECK_TIMEOUT_MS / 1000} s. The host may be down or unreachable from this network (VPN, firewall).`
			: `Could not connect to ${host}: the host may be down, its name may not resolve, or a VPN or firewall blocks it. This is not a CORS problem: Signet checks from its background with permission for the host.`,
	);
}

function result(
	verdict: CheckVerdict,
	status: number | null,
	code: string | null,
	message: string,
): CheckResult {
	return { verdict, status, code, message };
}

/** The text of one element of S3's XML error body; service workers have no DOMParser. */
function tag(xml: string, name: string): string | null {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	if (!match?.[1]) return null;
	return match[1]
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, "&")
		.trim();
}
