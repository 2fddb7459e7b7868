/** What the background does for each message: the only place that reaches the backend or storage. */

import browser from "webextension-polyfill";
import { z } from "zod";
import {
	createShareResponseSchema,
	meSchema,
	profileViewSchema,
	revokeResponseSchema,
	sharePageSchema,
} from "../../shared/api.ts";
import { injectCard, syncInspection } from "../features/page-inspection.ts";
import { CONTENT_SCRIPT_MESSAGES, MESSAGES } from "../lib/message-schemas.ts";
import type {
	MessageType,
	RequestOf,
	ResponseOf,
	SettingsView,
} from "../lib/messages.ts";
import { originPattern } from "../lib/permissions.ts";
import { ApiError, callApi, normaliseBackendUrl } from "./api-client.ts";
import { checkPresignedUrl } from "./check-url.ts";
import { getItem, setItem } from "./storage.ts";

/** Between two inspector tabs opened from one web page's tab. */
const INSPECTOR_PAUSE_MS = 3000;
const inspectorOpenedAt = new Map<number, number>();

/** The extension's own pages (popup, options, inspector), as opposed to a web page's content script. */
function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
	return sender.url?.startsWith(browser.runtime.getURL("")) ?? false;
}

/** How long the popup waits for the active tab's selected text before it starts without it. */
const SELECTION_WAIT_MS = 500;

type Handlers = {
	[T in MessageType]: (
		payload: RequestOf<T>,
		sender: browser.Runtime.MessageSender,
	) => Promise<ResponseOf<T>>;
};

async function settings(): Promise<SettingsView> {
	const backend = await getItem("backend");
	return {
		backendUrl: backend.url,
		signedIn: backend.token !== "" && backend.user !== null,
		user: backend.user,
		role: backend.role,
		defaultTtlSeconds: await getItem("defaultTtlSeconds"),
		inspectedSites: await getItem("inspectedSites"),
	};
}

export const handlers: Handlers = {
	getSettings: () => settings(),
	async signIn({ backendUrl, token }) {
		const url = normaliseBackendUrl(backendUrl);
		const me = await callApi(
			{ url, token: token.trim() },
			"GET",
			"/api/me",
			meSchema,
		);
		await setItem("backend", {
			url,
			token: token.trim(),
			user: me.user,
			role: me.role,
		});
		return settings();
	},
	async signOut() {
		const backend = await getItem("backend");
		await setItem("backend", {
			url: backend.url,
			token: "",
			user: null,
			role: null,
		});
		return settings();
	},
	async saveDefaults({ defaultTtlSeconds }) {
		await setItem("defaultTtlSeconds", defaultTtlSeconds);
		return settings();
	},
	async setSiteInspection({ origin, enabled }) {
		const normalised = new URL(origin).origin;
		const sites = new Set(await getItem("inspectedSites"));
		if (enabled) sites.add(normalised);
		else sites.delete(normalised);
		await setItem("inspectedSites", [...sites].sort());
		await syncInspection([...sites]);
		return settings();
	},
	async listProfiles() {
		const { profiles } = await callApi(
			await getItem("backend"),
			"GET",
			"/api/profiles",
			z.object({ profiles: z.array(profileViewSchema) }),
		);
		return profiles;
	},
	createShare: async (request) =>
		callApi(
			await getItem("backend"),
			"POST",
			"/api/shares",
			createShareResponseSchema,
			request,
		),
	async listShares({ cursor, status }) {
		const query = new URLSearchParams({ limit: "25" });
		if (cursor) query.set("cursor", cursor);
		if (status) query.set("status", status);
		return callApi(
			await getItem("backend"),
			"GET",
			`/api/shares?${query}`,
			sharePageSchema,
		);
	},
	revokeShare: async ({ id }) =>
		callApi(
			await getItem("backend"),
			"DELETE",
			`/api/shares/${encodeURIComponent(id)}`,
			revokeResponseSchema,
		),
	async checkUrl({ url }) {
		const pattern = originPattern(url);
		if (
			pattern &&
			!(await browser.permissions.contains({ origins: [pattern] }))
		) {
			return {
				verdict: "other",
				status: null,
				code: null,
				message: `Signet may not contact ${new URL(url).hostname} yet: press "Check now" in the inspector and allow access to that host.`,
			};
		}
		return checkPresignedUrl(url);
	},
	async getActiveTab({ windowId }) {
		const [tab] = await browser.tabs.query(
			windowId === undefined
				? { active: true, lastFocusedWindow: true }
				: { active: true, windowId },
		);
		if (!tab?.id || !tab.url || !/^https?:/.test(tab.url))
			return { url: tab?.url ?? null, selection: null };
		// The share form waits for this: a page still loading (or hung) must not hold the popup up.
		let timer: ReturnType<typeof setTimeout> | undefined;
		const selection = await Promise.race([
			browser.scripting
				.executeScript({
					target: { tabId: tab.id },
					func: () => getSelection()?.toString() ?? "",
					injectImmediately: true,
				})
				.then((results) => String(results[0]?.result ?? "").trim() || null)
				// Pages the extension may not script (the web store, other extensions) give no selection.
				.catch(() => null),
			new Promise<null>((resolve) => {
				timer = setTimeout(resolve, SELECTION_WAIT_MS, null);
			}),
		]);
		clearTimeout(timer);
		return { url: tab.url, selection };
	},
	async openInspector({ url }, sender) {
		// A page's script may only ask on a user's click, and the background cannot see the click: a
		// page (or a compromised renderer) gets one inspector tab per tab every few seconds at most.
		const tabId = sender.tab?.id;
		if (tabId !== undefined && !isExtensionPage(sender)) {
			const now = Date.now();
			if (now - (inspectorOpenedAt.get(tabId) ?? 0) < INSPECTOR_PAUSE_MS)
				throw new ApiError(
					"too_many_requests",
					"The inspector was just opened from this page: look for its tab.",
				);
			inspectorOpenedAt.set(tabId, now);
		}
		const page = browser.runtime.getURL(
			`inspector/index.html${url ? `?url=${encodeURIComponent(url)}` : ""}`,
		);
		await browser.tabs.create({ url: page });
		return null;
	},
	async loadCard(_, sender) {
		await injectCard(sender);
		return null;
	},
};

/** Runs one message through its schema and handler; every failure becomes a readable reply. */
export async function dispatch(
	message: unknown,
	sender: browser.Runtime.MessageSender,
) {
	const envelope = z
		.object({ type: z.string(), payload: z.unknown() })
		.safeParse(message);
	if (!envelope.success || !(envelope.data.type in MESSAGES)) {
		return {
			ok: false,
			error: {
				code: "bad_message",
				message: "Signet received a message it does not know.",
			},
		};
	}
	const type = envelope.data.type as MessageType;
	if (!isExtensionPage(sender) && !CONTENT_SCRIPT_MESSAGES.has(type)) {
		return {
			ok: false,
			error: {
				code: "forbidden",
				message: `Signet answers "${type}" to its own pages only, not to a web page.`,
			},
		};
	}
	const payload = MESSAGES[type].request.safeParse(envelope.data.payload ?? {});
	if (!payload.success) {
		const problem = payload.error.issues[0];
		return {
			ok: false,
			error: {
				code: "bad_request",
				message: `${problem?.path.join(".") || "request"}: ${problem?.message}`,
			},
		};
	}
	try {
		const handler = handlers[type] as (
			payload: unknown,
			sender: browser.Runtime.MessageSender,
		) => Promise<unknown>;
		return { ok: true, value: await handler(payload.data, sender) };
	} catch (error) {
		const known = error instanceof ApiError;
		if (!known) console.error("[signet]", type, error);
		return {
			ok: false,
			error: {
				code: known ? error.code : "internal",
				message: known
					? error.message
					: `Something went wrong in Signet (${type}). Details are in the extension's console.`,
			},
		};
	}
}
