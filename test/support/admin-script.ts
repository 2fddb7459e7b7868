/** Runs the admin page's script (admin.js) in a vm against stub countdowns, with the clock at `nowMs`. */
import { runInNewContext } from "node:vm";

/** The text each `[data-expires-at]` element shows after admin.js's first tick. */
export function countdownsAt(
	script: string,
	nowMs: number,
	expiresAt: string[],
): string[] {
	const elements = expiresAt.map((at) => ({
		dataset: { expiresAt: at },
		textContent: "",
		classList: { toggle: () => undefined },
	}));
	runInNewContext(script, {
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
