/// <reference types="@crxjs/vite-plugin/client" />
/** Page inspection, opt-in per site: the inspection script registered for exactly the user's sites. */
import browser from "webextension-polyfill";
import cardScriptPath from "../content/inspect-card.ts?iife";
import scriptPath from "../content/inspect-page.ts?iife";
import { originPattern } from "../lib/permissions.ts";

export const SCRIPT_ID = "signet-inspect";
/** Makes a page's inspection script remove its badges and stop (handled in content/inspect-page.ts). */
export const INSPECTION_OFF = "signet:inspection-off";

/** Keeps the registered script matching `https://example.com/*` for each opted-in `https://example.com`. */
export async function syncInspection(sites: string[]): Promise<void> {
	const matches = [
		...new Set(sites.map(originPattern).filter((p) => p !== null)),
	].sort();
	const [current] = await browser.scripting.getRegisteredContentScripts({
		ids: [SCRIPT_ID],
	});
	if (matches.length === 0) {
		if (current)
			await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
	} else if (current) {
		await browser.scripting.updateContentScripts([
			{ id: SCRIPT_ID, js: [scriptPath], matches },
		]);
	} else {
		await browser.scripting.registerContentScripts([
			{ id: SCRIPT_ID, js: [scriptPath], matches, runAt: "document_idle" },
		]);
	}
	const dropped = (current?.matches ?? []).filter((p) => !matches.includes(p));
	if (dropped.length > 0) await stopInTabs(dropped);
}

/** Runs the hover card's script beside the inspection script that asked for it (card-loader.ts). */
export async function injectCard(
	sender: browser.Runtime.MessageSender,
): Promise<void> {
	if (sender.tab?.id === undefined)
		throw new Error("The hover card was asked for from outside a tab.");
	const tabId = sender.tab.id;
	// The asking document itself: if its frame navigated meanwhile, the card must not go to the next.
	await browser.scripting.executeScript({
		target: sender.documentId
			? { tabId, documentIds: [sender.documentId] }
			: { tabId, frameIds: [sender.frameId ?? 0] },
		files: [cardScriptPath],
	});
}

/** Removes the badges from open tabs of sites just turned off, without waiting for a reload. */
async function stopInTabs(patterns: string[]): Promise<void> {
	const tabs = await browser.tabs.query({ url: patterns }).catch(() => []);
	await Promise.all(
		tabs.map((tab) =>
			tab.id === undefined
				? undefined
				: // Tabs without the script (not loaded yet, or a browser page) have no receiver.
					browser.tabs
						.sendMessage(tab.id, { type: INSPECTION_OFF })
						.catch(() => undefined),
		),
	);
}

/** When the user withdraws a site's access in the browser, the registration follows. */
export function init(signal: AbortSignal): void {
	const onRemoved = async ({
		origins = [],
	}: browser.Permissions.Permissions) => {
		const [current] = await browser.scripting.getRegisteredContentScripts({
			ids: [SCRIPT_ID],
		});
		const kept = (current?.matches ?? []).filter((p) => !origins.includes(p));
		if (current && kept.length < (current.matches?.length ?? 0))
			await syncInspection(kept.map((p) => p.slice(0, -2)));
	};
	browser.permissions.onRemoved.addListener(onRemoved);
	signal.addEventListener("abort", () =>
		browser.permissions.onRemoved.removeListener(onRemoved),
	);
}

/* Try by hand: options → Page inspection → add https://example.com (accept the prompt), open a page
   there with presigned links: badges appear; turn it off: they disappear without a reload.
   chrome://extensions → Details → Site access → remove the site: the registration drops it (check
   with chrome.scripting.getRegisteredContentScripts). */
