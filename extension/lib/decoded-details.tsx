/** What a decoded presigned URL grants and when it dies, as a details list followed by its warnings. */
import type { ComponentChildren } from "preact";
import { SCHEME_NAMES } from "../../shared/presigned/scheme-names.ts";
import type { DecodedUrl } from "../../shared/presigned/types.ts";
import { utcText } from "../../shared/relative-time.ts";
import { Countdown } from "./countdown.tsx";

/** The HTTP method an S3 operation named in the URL (`x-id=PutObject`) needs. */
const METHODS: Record<string, string> = {
	GetObject: "GET",
	HeadObject: "HEAD",
	PutObject: "PUT",
	UploadPart: "PUT",
	DeleteObject: "DELETE",
};

const ADDRESSING = {
	path: "path-style",
	"virtual-hosted": "virtual-hosted-style",
} as const;

const KEY_TYPES = {
	"long-term": "long-term access key",
	temporary: "temporary credentials",
	unknown: "key type unknown",
} as const;

export interface DecodedDetailsProps {
	decoded: DecodedUrl;
	nowMs: number;
}

export function DecodedDetails({ decoded, nowMs }: DecodedDetailsProps) {
	const overrides = Object.entries(decoded.responseOverrides);
	return (
		<>
			<dl class="details">
				<Row label="Scheme">{SCHEME_NAMES[decoded.scheme]}</Row>
				<Row label={decoded.scheme === "azure-sas" ? "Container" : "Bucket"}>
					{decoded.bucket}
				</Row>
				<Row label="Key">
					{decoded.key !== null && <code>{decoded.key}</code>}
				</Row>
				<Row label="Region">{decoded.region}</Row>
				<Row label="Host">
					{decoded.host}
					{decoded.addressingStyle && (
						<span class="muted">
							{` (${ADDRESSING[decoded.addressingStyle]})`}
						</span>
					)}
				</Row>
				<Row label="Operation">{operation(decoded.operation)}</Row>
				<Row label="Signed by">
					{decoded.signer !== null && <code>{decoded.signer}</code>}
					<span class="muted">
						{decoded.signer !== null && " · "}
						{KEY_TYPES[decoded.credentialType]}
						{decoded.hasSessionToken && " (session token)"}
					</span>
				</Row>
				<Row label="Signed headers">
					{decoded.signedHeaders.length > 0 && (
						<code>{decoded.signedHeaders.join(", ")}</code>
					)}
				</Row>
				<Row label="Signed at">{utcText(decoded.signedAtMs)}</Row>
				<Row label="Valid from">{utcText(decoded.validFromMs)}</Row>
				<Row label="Expires at">{utcText(decoded.expiresAtMs)}</Row>
				<Row label="Effective expiry">
					{utcText(decoded.effectiveExpiresAtMs)}
					{decoded.effectiveExpiresAtMs !== null && " · "}
					<Countdown
						expiresAtMs={decoded.effectiveExpiresAtMs}
						certainty={decoded.expiryCertainty}
						nowMs={nowMs}
					/>
					{decoded.expiryCertainty === "upper-bound" && (
						<div class="muted">
							Upper bound: may die earlier, when the credentials that signed it
							expire.
						</div>
					)}
				</Row>
				<Row label="Credentials end">
					{utcText(decoded.credentialExpiresAtMs)}
				</Row>
				<Row label="Permissions">{decoded.permissions?.join(", ")}</Row>
				<Row label="Allowed IP">{decoded.allowedIp}</Row>
				<Row label="Response overrides">
					{overrides.length > 0 &&
						overrides.map(([name, value]) => (
							<div key={name}>
								<code>{name}</code>: {value}
							</div>
						))}
				</Row>
			</dl>
			{decoded.warnings.map((warning) => (
				<div class="warning" key={`${warning.code}:${warning.message}`}>
					{warning.message}
				</div>
			))}
		</>
	);
}

/** One `dt`/`dd` pair, left out entirely when there is nothing to show. */
function Row({
	label,
	children,
}: {
	label: string;
	children: ComponentChildren;
}) {
	if (
		children === null ||
		children === undefined ||
		children === false ||
		children === ""
	)
		return null;
	return (
		<>
			<dt>{label}</dt>
			<dd>{children}</dd>
		</>
	);
}

function operation(name: string | null): string | null {
	if (name === null) return null;
	const method = METHODS[name];
	return method ? `${name} (${method})` : name;
}
