/**
 * A/B of page inspection between two builds of the extension, on the bench's page of 10,000 links:
 * the builds take turns, round after round, so the machine's drift hits both alike; prints each
 * median and the median of per-round ratios B/A. Build each with scripts/build-extension.mjs
 * (`buildExtension({ testHosts: ["http://127.0.0.1/*"], outDir })`, e.g. from a git worktree).
 *
 *   npx tsx bench/inspection-ab.ts DIR_A DIR_B [rounds=20] [presigned=2000]
 */
import { launchExtension } from "../test/support/browser.ts";
import { HTML, serveSite } from "../test/support/test-site.ts";
import { linkPage, openMeasured, timeInspection } from "./extension.bench.ts";
import { median } from "./harness.ts";

const [dirA, dirB, rounds = "20", presigned = "2000"] = process.argv.slice(2);
if (!dirA || !dirB) {
	console.error(
		"usage: npx tsx bench/inspection-ab.ts DIR_A DIR_B [rounds] [presigned]",
	);
	process.exit(1);
}
const html = await linkPage(Number(presigned));
const site = await serveSite(() => ({ type: HTML, body: html }));
const browsers = [await launchExtension(dirA), await launchExtension(dirB)];
const times: [number[], number[]] = [[], []];
try {
	for (let round = 0; round < Number(rounds); round++) {
		for (const [i, browser] of browsers.entries()) {
			const { page, cdp } = await openMeasured(browser, site.origin);
			const { ms } = await timeInspection(browser, site.origin, page, cdp);
			times[i]?.push(ms);
			await page.close();
		}
	}
} finally {
	for (const browser of browsers) await browser.close();
	await site.close();
}
const [a, b] = times;
const ratios = a.map((ms, round) => (b[round] ?? Number.NaN) / ms);
console.log(
	`page inspection, ${presigned} presigned of 10,000 links, ${rounds} rounds: A ${median(a).toFixed(1)} ms, B ${median(b).toFixed(1)} ms → B/A ${median(ratios).toFixed(3)} (median of per-round ratios)`,
);
