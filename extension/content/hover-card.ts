/** The card shown on a badge: what the URL grants and when it really dies, and a way into the inspector. */
import type { decodeQuietly } from "../../shared/presigned/decode.ts";
import { type Badge, PILL_CSS } from "./badge.ts";
import { type Details, renderDetails } from "./card-details.ts";
import { CARD_TAG, type Card } from "./card-loader.ts";

const CSS = `:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important}
.c{position:absolute;width:360px;max-width:calc(100vw - 16px);box-sizing:border-box;padding:12px 14px;background:#fff;color:#1f2328;border:1px solid #d1d9e0;border-radius:10px;box-shadow:0 8px 24px #1f232833;font:13px/1.45 system-ui,sans-serif}
.h{display:flex;align-items:center;justify-content:space-between;gap:8px;margin-bottom:8px;font-size:16px}
.s,dt{color:#59636e;font-size:12px;white-space:nowrap}
.k{font:12px/1.4 ui-monospace,monospace;word-break:break-all;margin-bottom:8px}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0 0 8px}
dd{margin:0;overflow-wrap:anywhere}
ul{margin:0 0 8px;padding-left:18px;color:#7d4e00;font-size:12px}
button{font:600 12px system-ui,sans-serif;padding:4px 10px;border:1px solid #d1d9e0;border-radius:6px;background:#f6f8fa;color:#1f2328;cursor:pointer}
button:hover{background:#eaeef2}
.e{color:#cf222e;font-size:12px;margin:6px 0 0}
${PILL_CSS}`;

/** One card for the whole page, made on the first hover: pages nobody hovers never get it. */
export function createCard(
	signal: AbortSignal,
	openInspector: (url: string) => Promise<string | null>,
	// The inspection script's own: this script does not carry a second decoder.
	decode: typeof decodeQuietly,
): Card {
	let card: HTMLElement | null = null;
	let shown: { badge: Badge; details: Details } | null = null;
	let hideTimer = 0;
	let clock = 0;

	const mount = (): HTMLElement => {
		const host = document.createElement(CARD_TAG);
		const root = host.attachShadow({ mode: "open" });
		const style = document.createElement("style");
		style.textContent = CSS;
		const element = document.createElement("div");
		element.className = "c";
		element.setAttribute("role", "dialog");
		element.setAttribute("aria-label", "Signet: presigned URL");
		root.append(style, element);
		document.documentElement.append(host);
		element.addEventListener("mouseenter", () => clearTimeout(hideTimer));
		// Focus moving in from the badge (Enter) left it with a focusout and a hide pending.
		element.addEventListener("focusin", () => clearTimeout(hideTimer));
		element.addEventListener("mouseleave", hideSoon);
		element.addEventListener("focusout", (event) => {
			if (!element.contains(event.relatedTarget as Node | null)) hideSoon();
		});
		element.addEventListener("keydown", (event) => {
			if (event.key !== "Escape" || !shown) return;
			shown.badge.pill.focus();
			hide();
		});
		addEventListener("scroll", () => shown && place(shown.badge.host), {
			capture: true,
			passive: true,
			signal,
		});
		signal.addEventListener("abort", () => host.remove());
		return element;
	};

	const show = (badge: Badge) => {
		clearTimeout(hideTimer);
		if (shown?.badge === badge || signal.aborted) return;
		const decoded = decode(badge.url);
		if (!decoded.ok) return hide();
		card ??= mount();
		const details = renderDetails(decoded.value);
		details.button.addEventListener("click", async (event) => {
			// A page script clicking the button must not open extension tabs.
			if (event.isTrusted)
				details.error.textContent = (await openInspector(badge.url)) ?? "";
		});
		card.replaceChildren(...details.nodes);
		shown = { badge, details };
		details.tick(Date.now());
		clearInterval(clock);
		clock = window.setInterval(() => details.tick(Date.now()), 1000);
		card.hidden = false;
		place(badge.host);
	};
	const hide = () => {
		clearTimeout(hideTimer);
		clearInterval(clock);
		if (card) card.hidden = true;
		shown = null;
	};
	const hideSoon = () => {
		clearTimeout(hideTimer);
		hideTimer = window.setTimeout(hide, 300);
	};
	/** Below the badge, or above it when there is no room below; always inside the viewport. */
	const place = (anchor: Element) => {
		if (!card) return;
		const box = anchor.getBoundingClientRect();
		const { offsetWidth: width, offsetHeight: height } = card;
		const { clientWidth, clientHeight } = document.documentElement;
		const below =
			box.bottom + 6 + height <= clientHeight || box.top - 6 - height < 0;
		card.style.top = `${below ? box.bottom + 6 : box.top - 6 - height}px`;
		card.style.left = `${Math.max(8, Math.min(box.left, clientWidth - width - 8))}px`;
	};

	signal.addEventListener("abort", hide);
	return { show, hide, hideSoon, focus: () => shown?.details.button.focus() };
}
