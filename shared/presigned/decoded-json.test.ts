import { describe, expect, it } from "vitest";
import { decode } from "./decode.ts";
import { decodedJson } from "./decoded-json.ts";

const NOW = Date.parse("2025-03-01T12:30:00Z");
// Azure's user-delegation SAS states every time there is: start, expiry, and the key's own end (ske).
const AZURE =
	"https://acct.blob.core.windows.net/reports/q1.pdf?sv=2022-11-02&st=2025-03-01T12%3A00%3A00Z&se=2025-03-02T00%3A00%3A00Z&skoid=o&sktid=t&skt=2025-03-01T00%3A00%3A00Z&ske=2025-03-01T18%3A00%3A00.250Z&sks=b&skv=2022-11-02&sr=b&sp=r&sig=Zm9v";

function decoded(url: string) {
	const result = decode(url, { nowMs: NOW });
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe("decodedJson", () => {
	it("writes every time as ISO 8601 under its JSON name, in the decoder's field order", () => {
		const url = decoded(AZURE);
		const json = decodedJson(url);
		expect(json).toMatchObject({
			signedAt: null,
			validFrom: "2025-03-01T12:00:00Z",
			expiresAt: "2025-03-02T00:00:00Z",
			credentialExpiresAt: "2025-03-01T18:00:00.250Z",
			effectiveExpiresAt: "2025-03-01T18:00:00.250Z",
		});
		expect(url.effectiveExpiresAtMs).toBe(
			Date.parse("2025-03-01T18:00:00.250Z"),
		);
		expect(Object.keys(json)).toEqual(
			Object.keys(url).map((name) => name.replace(/Ms$/, "")),
		);
	});

	it("keeps everything else as decoded, and survives a JSON round trip", () => {
		const url = decoded(AZURE);
		const json = decodedJson(url);
		expect(json.warnings).toBe(url.warnings);
		expect(json.permissions).toEqual(["read"]);
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
	});
});
