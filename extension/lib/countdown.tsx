/** Time left on a presigned URL ("expires in 2 h 13 min", "expired 3 days ago"), coloured by urgency. */

import type { ExpiryCertainty } from "../../shared/presigned/types.ts";
import { describeExpiry, utcText } from "../../shared/relative-time.ts";

/** Below this, the countdown turns to the warning colour. */
export const SOON_MS = 60 * 60 * 1000;

export interface CountdownProps {
	/** Epoch milliseconds; null when the URL states no expiry. */
	expiresAtMs: number | null;
	certainty: ExpiryCertainty;
	/** The page's clock (useNow), so its countdowns tick together on one timer. */
	nowMs: number;
}

export function Countdown({
	expiresAtMs,
	certainty,
	nowMs: now,
}: CountdownProps) {
	if (expiresAtMs === null || Number.isNaN(expiresAtMs)) {
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
		<span
			class={`countdown countdown-${urgency}`}
			title={utcText(expiresAtMs) ?? undefined}
		>
			{certainty === "upper-bound" && leftMs > 0
				? text.replace("expires in", "expires in at most")
				: text}
		</span>
	);
}
