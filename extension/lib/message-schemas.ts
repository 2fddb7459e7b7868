/** Request schemas of every background message (content scripts and pages are untrusted input), with response types. */
import { z } from "zod";
import {
	type CreateShareResponse,
	createShareSchema,
	type ProfileView,
	type Share,
	shareStatusSchema,
} from "../../shared/api.ts";
import type { CheckResult, SettingsView } from "./messages.ts";

export const MESSAGES = {
	getSettings: { request: z.object({}), response: {} as SettingsView },
	signIn: {
		request: z.object({
			backendUrl: z.string().min(1).max(2000),
			token: z.string().min(1).max(200),
		}),
		response: {} as SettingsView,
	},
	signOut: { request: z.object({}), response: {} as SettingsView },
	saveDefaults: {
		request: z.object({
			defaultTtlSeconds: z.number().int().min(1).max(604_800),
		}),
		response: {} as SettingsView,
	},
	setSiteInspection: {
		request: z.object({ origin: z.string().max(500), enabled: z.boolean() }),
		response: {} as SettingsView,
	},
	listProfiles: { request: z.object({}), response: [] as ProfileView[] },
	createShare: {
		request: createShareSchema,
		response: {} as CreateShareResponse,
	},
	listShares: {
		request: z.object({
			cursor: z.string().max(200).optional(),
			status: shareStatusSchema.optional(),
		}),
		response: {} as { shares: Share[]; nextCursor: string | null },
	},
	revokeShare: {
		request: z.object({ id: z.string().min(1).max(100) }),
		response: {} as { share: Share; message: string },
	},
	checkUrl: {
		request: z.object({ url: z.string().min(1).max(16_384) }),
		response: {} as CheckResult,
	},
	/** The active tab's URL and selected text, to prefill the share form (activeTab, when the popup opens). */
	getActiveTab: {
		/** The asking page's window (the toolbar popup's is the browser window it opened over). */
		request: z.object({ windowId: z.number().int().optional() }),
		response: {} as { url: string | null; selection: string | null },
	},
	openInspector: {
		request: z.object({ url: z.string().max(16_384).optional() }),
		response: null,
	},
	/** From the inspection script on a page's first hover: run the hover card's script beside it. */
	loadCard: {
		request: z.object({}),
		response: null,
	},
} as const;

/**
 * What a web page's content script may ask: a page's renderer is the least trusted part of the
 * browser, so the rest (settings, shares, sign-in) answers extension pages alone.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof typeof MESSAGES> =
	new Set(["openInspector", "loadCard"]);
