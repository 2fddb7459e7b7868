import { describe, expect, it } from "vitest";
import { type ExpiryInput, effectiveExpiry } from "./effective-expiry.ts";

const T = Date.parse("2025-03-01T12:00:00Z");
const HOUR = 3_600_000;
const base: ExpiryInput = {
	signedAtMs: T,
	expiresAtMs: T + HOUR,
	maxLifetimeSeconds: 604_800,
	credentialType: "long-term",
	credentialExpiresAtMs: null,
};

describe("effectiveExpiry", () => {
	it.each<[string, Partial<ExpiryInput>, number | null, string]>([
		["the signed expiry of a long-term key", {}, T + HOUR, "exact"],
		[
			"the 7-day cap when the URL asks for more",
			{ expiresAtMs: T + 30 * 24 * HOUR },
			T + 7 * 24 * HOUR,
			"exact",
		],
		[
			"the signed expiry, as an upper bound, for temporary credentials",
			{ credentialType: "temporary" },
			T + HOUR,
			"upper-bound",
		],
		[
			"the credentials' end when known and earlier",
			{ credentialType: "temporary", credentialExpiresAtMs: T + HOUR / 2 },
			T + HOUR / 2,
			"exact",
		],
		[
			"a policy limit that comes first",
			{ limitsMs: [T + 10 * 60_000] },
			T + 10 * 60_000,
			"exact",
		],
		[
			"the cap as an upper bound when the URL states no expiry",
			{ expiresAtMs: null },
			T + 7 * 24 * HOUR,
			"upper-bound",
		],
		[
			"nothing when nothing is known",
			{ expiresAtMs: null, signedAtMs: null },
			null,
			"unknown",
		],
	])("takes %s", (_, change, expected, certainty) => {
		expect(effectiveExpiry({ ...base, ...change })).toEqual({
			effectiveExpiresAtMs: expected,
			certainty,
		});
	});
});
