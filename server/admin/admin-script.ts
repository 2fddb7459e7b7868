/**
 * The admin page's only script, served as /admin/assets/admin.js (the CSP allows no inline script):
 * live countdowns, confirmations before revoking, and a copy button. Every page works without it.
 */
import { formatDuration } from "../../shared/relative-time.ts";
import { SOON_MS } from "./format.ts";

// formatDuration's own source: the countdowns say what the server rendered first, in the same words.
export const ADMIN_SCRIPT = `"use strict";
(() => {
	const formatDuration = ${formatDuration.toString()};

	function tick() {
		for (const el of document.querySelectorAll("[data-expires-at]")) {
			const left = Date.parse(el.dataset.expiresAt) - Date.now();
			el.textContent = left > 0 ? "in " + formatDuration(left) : formatDuration(left) + " ago";
			el.classList.toggle("soon", left > 0 && left < ${SOON_MS});
			el.classList.toggle("past", left <= 0);
		}
	}

	// A form with data-confirm asks first; without this script the server shows a confirmation page.
	document.addEventListener("submit", (event) => {
		const form = event.target;
		const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
		if (!question) return;
		if (!window.confirm(question)) {
			event.preventDefault();
			return;
		}
		const confirmed = form.querySelector("input[name=confirm]");
		if (confirmed) confirmed.value = "yes";
	});

	document.addEventListener("click", (event) => {
		const button = event.target instanceof Element && event.target.closest("[data-copy]");
		const field = button && document.getElementById(button.dataset.copy);
		if (!field) return;
		navigator.clipboard.writeText(field.value).then(
			() => { button.textContent = "Copied"; },
			() => { field.select(); },
		);
	});

	tick();
	setInterval(tick, 1000);
})();
`;
