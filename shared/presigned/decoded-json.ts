/** A DecodedUrl written out for JSON (`signet inspect --json`): its epoch-millisecond times as ISO 8601. */

import { iso } from "../utc-time.ts";
import type { DecodedUrl } from "./types.ts";

/** The times of a DecodedUrl, and their names in its JSON form. */
const TIME_NAMES = {
	signedAtMs: "signedAt",
	validFromMs: "validFrom",
	expiresAtMs: "expiresAt",
	credentialExpiresAtMs: "credentialExpiresAt",
	effectiveExpiresAtMs: "effectiveExpiresAt",
} as const;
type TimeField = keyof typeof TIME_NAMES;

/** Times as ISO 8601 UTC strings (`2025-03-01T12:00:00Z`), or null when unknown. */
export type DecodedJson = Omit<DecodedUrl, TimeField> & {
	[K in TimeField as (typeof TIME_NAMES)[K]]: string | null;
};

/** The same fields in the same order, each time renamed and written as ISO 8601. */
export function decodedJson(decoded: DecodedUrl): DecodedJson {
	const json: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(decoded)) {
		if (Object.hasOwn(TIME_NAMES, name))
			json[TIME_NAMES[name as TimeField]] = iso(value as number | null);
		else json[name] = value;
	}
	return json as DecodedJson;
}
