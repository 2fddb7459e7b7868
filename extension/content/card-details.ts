/** What the hover card says about one presigned URL, built with textContent only (never page HTML). */
import { SCHEME_SHORT_NAMES } from "../../shared/presigned/scheme-names.ts";
import type { DecodedUrl } from "../../shared/presigned/types.ts";
import { describeExpiry, utcText } from "../../shared/relative-time.ts";
import { levelOf } from "./badge.ts";

export interface Details {
	nodes: HTMLElement[];
	button: HTMLButtonElement;
	error: HTMLElement;
	/** Rewrites the live part ("expires in 9 min 56 s") for the time now. */
	tick(nowMs: number): void;
}

function node<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className = "",
	text = "",
) {
	const element = document.createElement(tag);
	element.className = className;
	element.textContent = text;
	return element;
}

/** In UTC, as the popup, the inspector and S3 itself give times: one time to quote in a ticket. */
function when(ms: number | null): string {
	return utcText(ms, { seconds: false }) ?? "—";
}

export function renderDetails(decoded: DecodedUrl): Details {
	const upperBound = decoded.expiryCertainty === "upper-bound";
	const expiresAtMs = decoded.effectiveExpiresAtMs;
	const keyType = {
		"long-term": " · long-term key",
		temporary: " · temporary credentials",
		unknown: "",
	}[decoded.credentialType];
	const rows = node("dl");
	for (const [label, value] of [
		// AWS hosts only repeat bucket and region; others (CloudFront, MinIO, R2) say where the object is.
		["Host", decoded.provider === "aws" ? null : decoded.host],
		["Region", decoded.region],
		["Signed by", decoded.signer && `${decoded.signer}${keyType}`],
		["Signed at", decoded.signedAtMs !== null && when(decoded.signedAtMs)],
		["Expires", `${when(expiresAtMs)}${upperBound ? " at the latest" : ""}`],
	] as const) {
		if (value) rows.append(node("dt", "", label), node("dd", "", value));
	}
	const pill = node("span", "b");
	const head = node("div", "h");
	head.append(pill, node("span", "s", SCHEME_SHORT_NAMES[decoded.scheme]));
	const object =
		[decoded.bucket, decoded.key].filter(Boolean).join("/") || decoded.host;
	const nodes: HTMLElement[] = [head, node("div", "k", object), rows];
	if (decoded.warnings.length > 0) {
		const warnings = node("ul");
		for (const warning of decoded.warnings)
			warnings.append(node("li", "", warning.message));
		nodes.push(warnings);
	}
	const button = node("button", "", "Open in inspector");
	const error = node("p", "e");
	nodes.push(button, error);
	// "expires in 12 min" / "expired 3 days ago"; "at the latest" while temporary credentials may end it sooner.
	const tick = (nowMs: number) => {
		const left = expiresAtMs === null ? null : expiresAtMs - nowMs;
		pill.className = `b ${levelOf(left)}`;
		pill.textContent =
			expiresAtMs === null
				? "no stated expiry"
				: `${describeExpiry(expiresAtMs, nowMs)}${upperBound && (left ?? 0) > 0 ? " at the latest" : ""}`;
	};
	return { nodes, button, error, tick };
}
