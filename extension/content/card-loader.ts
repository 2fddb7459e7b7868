/**
 * The hover card, loaded on the first hover: its code (a third of the inspection script) stays out of
 * the script every inspected page runs. The background injects content/inspect-card.js into this
 * page's isolated world, which leaves its factory under CARD_FACTORY for this script to pick up.
 */
import type { decodeQuietly } from "../../shared/presigned/decode.ts";
import type { Badge } from "./badge.ts";

export const CARD_TAG = "signet-card";
export const CARD_FACTORY = Symbol.for("signet.inspect-card");

export interface Card {
	show(badge: Badge): void;
	hideSoon(): void;
	hide(): void;
	/** Moves keyboard focus to the "Open in inspector" button. */
	focus(): void;
}

export type CardFactory = (
	signal: AbortSignal,
	openInspector: (url: string) => Promise<string | null>,
	decode: typeof decodeQuietly,
) => Card;

/**
 * A card that loads itself when first shown (`load` asks the background to inject it and resolves
 * once it ran, false when that failed: the next hover tries again). Until then it remembers what was
 * asked last, so a hover that already ended shows nothing.
 */
export function lazyCard(
	load: () => Promise<boolean>,
	make: (factory: CardFactory) => Card,
): Card {
	let card: Card | null = null;
	let loading = false;
	let wanted: { badge: Badge; focus: boolean } | null = null;

	const loadAndShow = async (badge: Badge) => {
		wanted = { badge, focus: wanted?.badge === badge && wanted.focus };
		if (loading) return;
		loading = true;
		// Already here when the site was turned off and on again without a reload.
		const loaded = () =>
			(globalThis as { [CARD_FACTORY]?: CardFactory })[CARD_FACTORY];
		const factory = loaded() ?? ((await load()) ? loaded() : undefined);
		loading = false;
		if (!factory) return;
		card = make(factory);
		if (!wanted) return;
		card.show(wanted.badge);
		if (wanted.focus) card.focus();
		wanted = null;
	};
	return {
		show(badge) {
			if (card) card.show(badge);
			else void loadAndShow(badge);
		},
		hide() {
			if (card) card.hide();
			else wanted = null;
		},
		hideSoon() {
			if (card) card.hideSoon();
			else wanted = null;
		},
		focus() {
			if (card) card.focus();
			else if (wanted) wanted.focus = true;
		},
	};
}
