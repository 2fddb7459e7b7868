/** The service worker: routes messages to their handlers and starts each background feature. */
import "../lib/zod-jitless.ts";
import browser from "webextension-polyfill";
import * as contextMenuShare from "../features/context-menu-share.ts";
import * as pageInspection from "../features/page-inspection.ts";
import { dispatch } from "./handlers.ts";
import { getItem } from "./storage.ts";

const features = new AbortController();

browser.runtime.onMessage.addListener(
	(message: unknown, sender: browser.Runtime.MessageSender) =>
		dispatch(message, sender),
);

// One broken feature must not stop the others.
for (const [name, start] of [
	["context-menu-share", contextMenuShare.init],
	["page-inspection", pageInspection.init],
] as const) {
	try {
		start(features.signal);
	} catch (error) {
		console.error(`[signet] feature ${name} failed to start`, error);
	}
}

browser.runtime.onInstalled.addListener(() => {
	contextMenuShare.createMenus();
	// Registered content scripts do not survive an update: register the user's sites again.
	void getItem("inspectedSites").then(pageInspection.syncInspection);
});
