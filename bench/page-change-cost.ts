/**
 * What the 10,000-link bench page costs its own main thread for one change of each kind, with no
 * extension at work: the floor page inspection cannot go below. Run by hand:
 * `npx tsx bench/page-change-cost.ts [rounds]` (needs the test build: `npm test` makes it).
 */
import { launchExtension } from "../test/support/browser.ts";
import { HTML, serveSite } from "../test/support/test-site.ts";
import {
	linkPage,
	mainThreadMs,
	openMeasured,
	quiet,
} from "./extension.bench.ts";
import { median } from "./harness.ts";

const OUTSIDE_THE_LIST =
	"contain:strict;width:1px;height:1px;top:0;left:0;position:";

/** Each change, run in the page; the first does nothing and measures the measurement itself. */
const CHANGES: [name: string, script: string][] = [
	["nothing (the measurement's own cost)", "0"],
	[
		"one element inserted after the first link (as a badge is)",
		`document.querySelector("a").insertAdjacentHTML("afterend", "<b>·</b>")`,
	],
	[
		"twenty elements, after the first twenty links",
		`for (const a of [...document.querySelectorAll("a")].slice(0, 20)) a.insertAdjacentHTML("afterend", "<b>·</b>")`,
	],
	[
		"an outline on the first link (paint only, no layout)",
		`document.querySelector("a").style.outline = "2px solid red"`,
	],
	[
		"a contained element outside the list, absolutely positioned",
		`document.documentElement.insertAdjacentHTML("beforeend", '<div style="${OUTSIDE_THE_LIST}absolute">·</div>')`,
	],
	[
		"a contained element outside the list, fixed",
		`document.documentElement.insertAdjacentHTML("beforeend", '<div style="${OUTSIDE_THE_LIST}fixed">·</div>')`,
	],
	[
		"a popover in the top layer",
		`(() => { const d = document.createElement("div"); d.popover = "manual"; d.textContent = "·"; document.documentElement.append(d); d.showPopover(); })()`,
	],
];

const rounds = Number(process.argv[2] ?? 7);
const html = await linkPage(2_000);
const site = await serveSite(() => ({ type: HTML, body: html }));
const browser = await launchExtension();
const times = CHANGES.map((): number[] => []);
try {
	// Changes take turns within each round, so that the machine's load falls on all of them alike.
	for (let round = 0; round < rounds; round++) {
		for (const [index, [, script]] of CHANGES.entries()) {
			const { page, cdp } = await openMeasured(browser, site.origin);
			times[index]?.push(
				await mainThreadMs(cdp, async () => {
					await page.evaluate(script);
					await quiet(page, false);
				}),
			);
			await page.close();
		}
	}
} finally {
	await browser.close();
	await site.close();
}
console.log(
	`Main thread per change to the 10,000-link page (median of ${rounds} rounds):`,
);
for (const [index, [name]] of CHANGES.entries())
	console.log(
		`  ${median(times[index] ?? [])
			.toFixed(1)
			.padStart(6)} ms  ${name}`,
	);
