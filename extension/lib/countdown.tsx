/** Time left on a presigned URL ("expires in 2 h 13 min", "expired 3 days ago"), coloured by urgency. */

import type { ExpiryCertainty } from "../../shared/presigned/types.ts";
import { describeExpiry, utcText } from "../../shared/relative-time.ts";

/** Below this, the countdown turns to the warning colour. */
export const SOON_MS = 60 * 60 * 1000;

export interface CountdownProps {
	/** ISO 8601 (from the API) or epoch ms (from the decoder); null when the URL states no expiry. */
	expiresAt: string | number | null;
	certainty: ExpiryCertainty;
	/** The page's clock (useNow), so its countdowns tick together on one timer. */
	nowMs: number;
}

export function Countdown({
	expiresAt,
	certainty,
	nowMs: now,
}: CountdownProps) {
	const expiresAtMs =
		typeof expiresAt === "string"
			? Date.parse(expiresAt)
			: (expiresAt ?? Number.NaN);
	if (Number.isNaN(expiresAtMs)) {
		return (
			<span class="countdown countdown-unknown">
				no expiry stated in the URL
			</span>
		);
	}
	const leftMs = expiresAtMs - now;
	const urgency = leftMs <= 0 ? "expired" : leftMs < SOON_MS ? "soon" : "ok";
	const text = describeExpiry(expiresAtMs, now);
	return (
		<span class={`countdown countdown-${urgency}`} title={utcText(expiresAtMs)}>
			{certainty === "upper-bound" && leftMs > 0
				? text.replace("expires in", "expires in at most")
				: text}
		</span>
	);
}
