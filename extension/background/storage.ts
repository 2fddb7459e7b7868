/** What the extension keeps: typed single-key items with defaults, parsed on read (older versions wrote other shapes). */
import browser from "webextension-polyfill";
import { z } from "zod";

const ITEMS = {
	/** The backend and the Signet API token (never an AWS key). */
	backend: z
		.object({
			url: z.string(),
			token: z.string(),
			user: z.string().nullable(),
			role: z.enum(["admin", "member"]).nullable(),
		})
		.catch({ url: "", token: "", user: null, role: null }),
	defaultTtlSeconds: z.number().int().min(1).max(604_800).catch(3600),
	/** Origins (`https://example.com`) where the user turned page inspection on. */
	inspectedSites: z.array(z.string()).catch([]),
};

type Items = typeof ITEMS;
export type ItemKey = keyof Items;
export type ItemValue<K extends ItemKey> = z.output<Items[K]>;

export async function getItem<K extends ItemKey>(
	key: K,
): Promise<ItemValue<K>> {
	const stored = await browser.storage.local.get(key);
	return ITEMS[key].parse(stored[key]) as ItemValue<K>;
}

export async function setItem<K extends ItemKey>(
	key: K,
	value: ItemValue<K>,
): Promise<void> {
	await browser.storage.local.set({ [key]: value });
}
