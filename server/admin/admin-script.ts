/**
 * The admin page's only script, served as /admin/assets/admin.js (the CSP allows no inline script):
 * live countdowns, confirmations before revoking, and a copy button. Every page works without it.
 */
export const ADMIN_SCRIPT = `"use strict";
(() => {
	// The words of shared/relative-time.ts formatDuration(), which the server renders first.
	const SECOND = 1000, MINUTE = 60 * SECOND, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
	function formatDuration(ms) {
		const abs = Math.abs(ms);
		if (abs < MINUTE) return Math.floor(abs / SECOND) + " s";
		if (abs < 10 * MINUTE) {
			const s = Math.floor((abs % MINUTE) / SECOND);
			return Math.floor(abs / MINUTE) + " min" + (s ? " " + s + " s" : "");
		}
		if (abs < HOUR) return Math.floor(abs / MINUTE) + " min";
		if (abs < DAY) {
			const m = Math.floor((abs % HOUR) / MINUTE);
			return Math.floor(abs / HOUR) + " h" + (m ? " " + m + " min" : "");
		}
		if (abs < 2 * DAY) {
			const h = Math.floor((abs % DAY) / HOUR);
			return "1 day" + (h ? " " + h + " h" : "");
		}
		return Math.floor(abs / DAY) + " days";
	}

	function tick() {
		for (const el of document.querySelectorAll("[data-expires-at]")) {
			const left = Date.parse(el.dataset.expiresAt) - Date.now();
			el.textContent = left > 0 ? "in " + formatDuration(left) : formatDuration(left) + " ago";
			el.classList.toggle("soon", left > 0 && left < 5 * MINUTE);
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
