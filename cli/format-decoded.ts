/** The human summary `signet inspect` prints for one decoded URL. */
import { SCHEME_NAMES } from "../shared/presigned/scheme-names.ts";
import type { DecodedUrl } from "../shared/presigned/types.ts";
import { describeExpiry, utcText } from "../shared/relative-time.ts";

const CREDENTIAL_NAMES: Record<DecodedUrl["credentialType"], string> = {
	"long-term": "long-term key",
	temporary: "temporary credentials",
	unknown: "key type unknown",
};

export function formatDecoded(url: DecodedUrl, nowMs: number): string {
	const rows: [string, string | null][] = [
		["bucket", url.bucket],
		["key", url.key],
		["region", url.region],
		[
			"host",
			`${url.host} (${[url.provider, url.addressingStyle].filter(Boolean).join(", ")})`,
		],
		["operation", url.operation],
		[
			"signer",
			url.signer && `${url.signer} (${CREDENTIAL_NAMES[url.credentialType]})`,
		],
		["signed at", utcText(url.signedAtMs)],
		["valid from", utcText(url.validFromMs)],
		["expires at", utcText(url.expiresAtMs) ?? "not stated in the URL"],
		["really dies", reallyDies(url, nowMs)],
		["credentials end", utcText(url.credentialExpiresAtMs)],
		["signed headers", url.signedHeaders.join(", ") || null],
		["permissions", url.permissions?.join(", ") ?? null],
		["allowed IP", url.allowedIp],
		[
			"checksum",
			url.checksum &&
				`${url.checksum.algorithm} ${url.checksum.value ?? ""}`.trim(),
		],
		...Object.entries(url.responseOverrides),
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	const lines = [SCHEME_NAMES[url.scheme]];
	for (const [label, value] of rows) {
		if (value !== null && value !== "")
			lines.push(`  ${label.padEnd(width)}  ${value}`);
	}
	if (url.warnings.length > 0) {
		lines.push("warnings:");
		for (const warning of url.warnings)
			lines.push(`  ! ${warning.code}: ${warning.message}`);
	}
	return `${lines.join("\n")}\n`;
}

function reallyDies(url: DecodedUrl, nowMs: number): string {
	const expiresAtMs = url.effectiveExpiresAtMs;
	if (expiresAtMs === null) return "unknown";
	const when = `${utcText(expiresAtMs)}, ${describeExpiry(expiresAtMs, nowMs)}`;
	if (url.expiryCertainty !== "upper-bound") return when;
	return `${when} at the latest (${expiresAtMs > nowMs ? "may die earlier" : "may have died earlier"})`;
}
