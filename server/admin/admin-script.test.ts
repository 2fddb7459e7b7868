import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { formatDuration } from "../../shared/relative-time.ts";
import { ADMIN_SCRIPT } from "./admin-script.ts";

/** Runs admin.js against a stub page holding countdowns, with the clock at `nowMs`. */
function countdownsAt(nowMs: number, expiresAt: string[]) {
	const elements = expiresAt.map((at) => ({
		dataset: { expiresAt: at },
		textContent: "",
		classList: { toggle: () => undefined },
	}));
	runInNewContext(ADMIN_SCRIPT, {
		Date: { now: () => nowMs, parse: Date.parse },
		document: {
			querySelectorAll: () => elements,
			addEventListener: () => undefined,
		},
		setInterval: () => 0,
		Math,
	});
	return elements.map((element) => element.textContent);
}

describe("admin.js", () => {
	it("counts down in the words the server renders (formatDuration's own source)", () => {
		const nowMs = Date.parse("2025-03-01T12:00:00Z");
		const offsets = [
			45,
			9 * 60 + 5,
			59 * 60,
			2 * 3600 + 13 * 60,
			30 * 3600,
			9 * 86_400,
		];
		const texts = countdownsAt(nowMs, [
			...offsets.map((s) => new Date(nowMs + s * 1000).toISOString()),
			new Date(nowMs - 3 * 86_400_000).toISOString(),
		]);
		expect(texts).toEqual([
			...offsets.map((s) => `in ${formatDuration(s * 1000)}`),
			`${formatDuration(3 * 86_400_000)} ago`,
		]);
		expect(texts[0]).toBe("in 45 s");
		expect(texts.at(-1)).toBe("3 days ago");
	});
});
