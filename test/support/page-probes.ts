/**
 * Functions the browser tests run inside a page (Playwright's and puppeteer's `page.evaluate` both
 * take them): plain DOM reads, no closures over test code.
 */

/** The colour and text of the badge right after the element `selector` finds; null when none. */
export function readBadgeAfter(
	selector: string,
): { level: string | undefined; text: string | null | undefined } | null {
	const next = document.querySelector(selector)?.nextElementSibling;
	if (next?.localName !== "signet-badge") return null;
	const pill = next.shadowRoot?.querySelector(".b");
	return { level: pill?.className.replace("b ", ""), text: pill?.textContent };
}

/** How many badges the page holds. */
export function countBadges(): number {
	return document.getElementsByTagName("signet-badge").length;
}
