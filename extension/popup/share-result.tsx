/** A new link: copied at once, with a QR code, a live countdown to when it really dies, and its details. */
import { useEffect, useState } from "preact/hooks";
import type { CreateShareResponse } from "../../shared/api.ts";
import { decode } from "../../shared/presigned/decode.ts";
import { Countdown } from "../lib/countdown.tsx";
import { DecodedDetails } from "../lib/decoded-details.tsx";
import { useNow } from "../lib/use-now.ts";
import { QrCode } from "./qr-code.tsx";

export function ShareResult({
	result,
	onAnother,
}: {
	result: CreateShareResponse;
	onAnother: () => void;
}) {
	const nowMs = useNow();
	const [copied, setCopied] = useState<"yes" | "no" | "pending">("pending");
	const copy = () =>
		navigator.clipboard.writeText(result.url).then(
			() => setCopied("yes"),
			() => setCopied("no"),
		);
	useEffect(() => {
		void copy();
	}, [result.url]);
	const decoded =
		result.share.mode === "direct" ? decode(result.url, { nowMs }) : null;
	const { share } = result;
	return (
		<div class="share-result">
			<h2>{share.mode === "managed" ? "Managed link ready" : "Link ready"}</h2>
			<div class="row">
				<input
					id="share-url"
					class="grow mono"
					readOnly
					value={result.url}
					onFocus={(e) => e.currentTarget.select()}
				/>
				<button type="button" onClick={copy}>
					Copy
				</button>
			</div>
			<p id="copy-state" class="muted">
				{copied === "yes"
					? "Copied to the clipboard."
					: copied === "no"
						? "Could not copy: select the link and copy it."
						: " "}
			</p>
			<p class="expiry">
				<strong>Really stops working: </strong>
				<span id="countdown">
					<Countdown
						expiresAtMs={Date.parse(share.effectiveExpiresAt)}
						certainty={share.expiryCertainty}
						nowMs={nowMs}
					/>
				</span>
				{share.expiryCertainty === "upper-bound" && (
					<span class="muted">
						{" "}
						(upper bound: the signing credentials may end sooner)
					</span>
				)}
			</p>
			{result.warnings.map((warning) => (
				<p key={warning.code} class="warning">
					{warning.message}
				</p>
			))}
			<div class="row top">
				<QrCode text={result.url} />
				<dl class="details grow">
					<dt>Object</dt>
					<dd>
						{share.bucket}/{share.key}
					</dd>
					<dt>Allows</dt>
					<dd>{share.action === "put" ? "upload" : "download"}</dd>
					<dt>Revocable</dt>
					<dd>{share.revocable ? "yes" : "no, it lives until it expires"}</dd>
					{share.maxDownloads !== null && (
						<>
							<dt>Downloads</dt>
							<dd>
								{share.downloads} of {share.maxDownloads}
							</dd>
						</>
					)}
				</dl>
			</div>
			{decoded?.ok && (
				<details>
					<summary>What the URL says</summary>
					<DecodedDetails decoded={decoded.value} nowMs={nowMs} />
				</details>
			)}
			<button type="button" onClick={onAnother}>
				Share another
			</button>
		</div>
	);
}
