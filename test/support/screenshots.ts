/**
 * Where a test saves a screenshot. `npm run screenshots` (SIGNET_SCREENSHOTS=docs) writes the ones the
 * README shows, into docs/screenshots/; any other run writes them to test-results/screenshots/, so
 * that `npm test` leaves the checkout as it found it (the pictures hold live countdowns and times:
 * every run would change them).
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";

export async function screenshotPath(name: string): Promise<string> {
	const dir =
		process.env.SIGNET_SCREENSHOTS === "docs"
			? "docs/screenshots"
			: "test-results/screenshots";
	await mkdir(dir, { recursive: true });
	return join(dir, name);
}
