/** The expiry pill placed after each presigned link, inside a shadow root the page's CSS cannot reach. */

export const BADGE_TAG = "signet-badge";

/** ok: over 1 h left; soon: under 1 h; urgent: under 5 min; expired; unknown: the URL states no expiry. */
export type Level = "ok" | "soon" | "urgent" | "expired" | "unknown";

export interface Badge {
	host: HTMLElement;
	pill: HTMLElement;
	/** The element carrying the URL (the badge sits after it, or after its <video>/<picture>). */
	target: Element;
	url: string;
	expiresAtMs: number | null;
	/** Temporary credentials: the URL dies at expiresAtMs at the latest, maybe sooner. */
	upperBound: boolean;
	shown: string;
}

const MINUTE = 60_000;

export function levelOf(leftMs: number | null): Level {
	if (leftMs === null) return "unknown";
	if (leftMs <= 0) return "expired";
	if (leftMs < 5 * MINUTE) return "urgent";
	return leftMs < 60 * MINUTE ? "soon" : "ok";
}

/** "12 min", "1 h 59 min", "3 d": short enough for a pill, right to within the 30 s between repaints. */
export function shortLeft(leftMs: number): string {
	const minutes = Math.floor(leftMs / MINUTE);
	if (minutes < 1) return "<1 min";
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 10 && minutes % 60) return `${hours} h ${minutes % 60} min`;
	return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

// Sized in em of the surrounding text, with negative vertical margins, so a badge never makes its line
// taller: a taller line moves everything below it, and on a long page that repaint costs more than all else.
export const PILL_CSS = `.b{display:inline-flex;align-items:center;gap:.35em;box-sizing:border-box;height:1.4em;padding:0 .55em;border:1px solid;border-radius:.7em;font:600 max(10px,.72em)/1 system-ui,sans-serif;white-space:nowrap;cursor:default}
.b::before{content:"";width:.6em;height:.6em;border-radius:50%;background:currentColor}
.b:focus-visible{outline:2px solid #0969da;outline-offset:1px}
.ok{color:#1a7f37;background:#dafbe1;border-color:#8ddb9e}
.soon{color:#9a6700;background:#fff8c5;border-color:#e3c56b}
.urgent{color:#cf222e;background:#ffebe9;border-color:#ff9ea0}
.expired,.unknown{color:#59636e;background:#eff2f5;border-color:#c8d1da}`;
// `all: initial !important` on :host: important declarations of a shadow tree beat the page's own.
const CSS = `:host{all:initial!important;display:inline-block!important;font-size:inherit!important;vertical-align:middle!important;margin:-.3em 0 -.3em .3em!important}${PILL_CSS}`;

let prototype: DocumentFragment | undefined;

/** One shadow root per badge, filled by cloning a prepared fragment: thousands stay cheap. */
export function createBadge(
	target: Element,
	url: string,
	expiresAtMs: number | null,
	upperBound: boolean,
): Badge {
	if (!prototype) {
		prototype = document.createDocumentFragment();
		const style = document.createElement("style");
		style.textContent = CSS;
		const pill = document.createElement("span");
		pill.className = "b";
		pill.tabIndex = 0;
		pill.setAttribute("role", "button");
		prototype.append(style, pill);
	}
	const host = document.createElement(BADGE_TAG);
	// Open, so tests (and the page) can read it: it holds nothing the page's own URL does not.
	const root = host.attachShadow({ mode: "open" });
	root.append(prototype.cloneNode(true));
	const pill = root.lastChild as HTMLElement;
	return { host, pill, target, url, expiresAtMs, upperBound, shown: "" };
}

/** Repaints colour and text when they change; returns quickly when they do not. */
export function paintBadge(badge: Badge, nowMs: number): void {
	const left = badge.expiresAtMs === null ? null : badge.expiresAtMs - nowMs;
	const level = levelOf(left);
	const text =
		left === null
			? "?"
			: left <= 0
				? "expired"
				: `${badge.upperBound ? "≤ " : ""}${shortLeft(left)}`;
	const shown = `${level} ${text}`;
	if (shown === badge.shown) return;
	badge.shown = shown;
	badge.pill.className = `b ${level}`;
	badge.pill.textContent = text;
	badge.pill.setAttribute(
		"aria-label",
		`Signet: presigned URL, ${left === null ? "no stated expiry" : left > 0 ? `${text} left` : text}`,
	);
}
