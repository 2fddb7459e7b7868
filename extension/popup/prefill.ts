/** Where the share form starts: the context menu's object, the active tab's S3 page, or selected s3:// text. */

import browser from "webextension-polyfill";
import { parseS3Location, type S3Location } from "../../shared/s3-location.ts";
import { send } from "../lib/messages.ts";

export interface Prefill {
	location: S3Location | null;
	/** Why the context menu's text was not an S3 object, if it was not. */
	problem: string | null;
}

/** Never rejects: the share form waits for it, and starts empty when nothing is known. */
export async function readPrefill(search: string): Promise<Prefill> {
	const params = new URLSearchParams(search);
	const bucket = params.get("bucket");
	if (bucket !== null)
		return {
			location: { bucket, key: params.get("key") ?? "" },
			problem: null,
		};
	if (params.has("error"))
		return { location: null, problem: params.get("error") };
	// The window this popup belongs to: with several windows open, the background's "current" one
	// is only the one focused last.
	// Firefox for Android has no windows API at all: then the background's guess stands.
	const windowId = await Promise.resolve()
		.then(() => browser.windows.getCurrent())
		.then(
			(window) => window.id,
			() => undefined,
		);
	const tab = await send("getActiveTab", { windowId }).catch(() => ({
		url: null,
		selection: null,
	}));
	for (const candidate of [tab.selection, tab.url]) {
		const parsed = candidate ? parseS3Location(candidate) : null;
		if (parsed?.ok) return { location: parsed.value, problem: null };
	}
	return { location: null, problem: null };
}
