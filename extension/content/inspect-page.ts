/**
 * Page inspection, on sites the user opted into: a badge after every presigned link, image and video
 * saying when it really expires. Decodes in the page and never calls the network. Built as a classic
 * script (IIFE) for `scripting.registerContentScripts` and `scripting.executeScript`.
 */
import type Browser from "webextension-polyfill";
import { decodeQuietly } from "../../shared/presigned/decode.ts";
import type { MessageType, RequestOf } from "../lib/messages.ts";
import { BADGE_TAG } from "./badge.ts";
import { CARD_TAG, lazyCard } from "./card-loader.ts";
import { scanPage } from "./page-scan.ts";

/** Sent by the background (`tabs.sendMessage`) when the user turns inspection off for the site. */
const OFF_MESSAGE = "signet:inspection-off";
/** Dispatched by a fresh copy, so a copy orphaned by an extension reload or update stops. */
const START_EVENT = "signet:inspection-start";
const RUNNING = Symbol.for("signet.inspect-page");

type Scope = typeof globalThis & {
	[RUNNING]?: true;
	browser?: Browser.Browser;
	chrome?: Browser.Browser;
};
const scope = globalThis as Scope;
// Chrome's `chrome` returns promises in MV3; webextension-polyfill would add 3 KB here for nothing.
const ext = (scope.browser ?? scope.chrome) as Browser.Browser;

/**
 * The content script's way to the background: the wire shape of `send()` in lib/messages.ts, which
 * this script cannot import without bundling zod. Resolves with an error to show, or null.
 */
async function send<T extends MessageType>(
	type: T,
	payload: RequestOf<T>,
): Promise<string | null> {
	try {
		const reply = (await ext.runtime.sendMessage({ type, payload })) as
			| { ok: boolean; error?: { message: string } }
			| undefined;
		return reply?.ok
			? null
			: (reply?.error?.message ??
					"Signet did not answer. Reload the page and try again.");
	} catch {
		return "Signet was updated or turned off. Reload the page and try again.";
	}
}

function start(): void {
	scope[RUNNING] = true;
	document.dispatchEvent(new CustomEvent(START_EVENT));
	// Left by a copy whose extension context is gone (Firefox removes the script, not its badges).
	// One tag per search: a selector of one tag is a fast walk, a list of two a tenfold slower one.
	for (const tag of [BADGE_TAG, CARD_TAG])
		for (const stale of document.querySelectorAll(tag)) stale.remove();

	const controller = new AbortController();
	const { signal } = controller;
	const stop = () => controller.abort();
	const onMessage = (message: unknown) => {
		if ((message as { type?: unknown } | null)?.type === OFF_MESSAGE) stop();
	};
	ext.runtime.onMessage.addListener(onMessage);
	signal.addEventListener("abort", () => {
		ext.runtime.onMessage.removeListener(onMessage);
		delete scope[RUNNING];
	});
	document.addEventListener(START_EVENT, stop, { signal });

	// An extension reload or update leaves this copy running with no extension behind it.
	const isAlive = () => {
		if (!ext.runtime?.id) stop();
		return !signal.aborted;
	};
	const badges = scanPage(signal, isAlive);
	const card = lazyCard(
		async () => (await send("loadCard", {})) === null,
		(createCard) =>
			createCard(
				signal,
				(url) => send("openInspector", { url }),
				decodeQuietly,
			),
	);

	// One set of listeners for every badge; events from inside a badge's shadow root arrive as its host.
	const onBadgeEvent = (event: Event) => {
		const badge = badges.get(event.target as Element);
		if (!badge) return;
		const key = (event as KeyboardEvent).key;
		if (event.type === "mouseover" || event.type === "focusin")
			card.show(badge);
		else if (event.type !== "keydown") card.hideSoon();
		else if (key === "Escape") card.hide();
		else if (key === "Enter" || key === " ") {
			event.preventDefault();
			card.show(badge);
			card.focus();
		}
	};
	for (const type of [
		"mouseover",
		"mouseout",
		"focusin",
		"focusout",
		"keydown",
	]) {
		addEventListener(type, onBadgeEvent, { capture: true, signal });
	}
}

// A second copy in the same page (injected again, as the bench and the tests do) does nothing.
if (!scope[RUNNING]) start();

/* Try by hand: options → Page inspection → add http://127.0.0.1:8080 and serve a page there with
   presigned links (the page in test/extension-inspection.e2e.test.ts is one): badges show green
   (> 1 h), amber (< 1 h), red (< 5 min), grey (expired), "≤" for temporary credentials; hover one for
   the card, or Tab to one and press Enter to reach "Open in inspector"; turn the site off and the
   badges go without a reload. */
