import { describe, expect, it } from "vitest";
import { formatDuration } from "../../shared/relative-time.ts";
import { countdownsAt } from "../../test/support/admin-script.ts";
import { ADMIN_SCRIPT } from "./admin-script.ts";

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
		const texts = countdownsAt(ADMIN_SCRIPT, nowMs, [
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
