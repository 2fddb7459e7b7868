/**
 * Finds presigned URLs in links, images and videos, now and as the page changes, and puts a badge after
 * each one that comes near the viewport. Everything stops, and every badge goes, when `signal` aborts.
 */
import { decodeQuietly } from "../../shared/presigned/decode.ts";
import { type Badge, createBadge, paintBadge } from "./badge.ts";
import { createNearView } from "./near-view.ts";

// Cheap prefilter on the attribute text, run by the browser's selector engine: only these get decoded.
// "ignature=" covers X-Amz-Signature=, X-Goog-Signature= and Signature= as they are written; the
// selector's `i` flag would cover every spelling but makes the scan of a large page 4× slower.
const SIGNS = ["ignature=", "IGNATURE=", "sig=", "SIG="];
const SELECTOR = [
	["a", "href"],
	["img", "src"],
	["video", "src"],
	["source", "src"],
]
	.map(
		([tag, attr]) =>
			`${tag}:is(${SIGNS.map((sign) => `[${attr}*="${sign}"]`).join()})`,
	)
	.join();
const SIGNED = /x-amz-signature|x-goog-signature|signature=|sig=/i;
const XHTML = "http://www.w3.org/1999/xhtml";
const REPAINT_MS = 30_000;
// Every insertion into a long page costs it a relayout of its whole list: while the user scrolls, new
// badges go in together at most this often, a viewport ahead of where they are needed.
const BATCH_MS = 200;

/** Presigned URLs are absolute in practice; resolve the rare relative one against the page. */
function absolute(raw: string): string | null {
	const trimmed = raw.trim();
	if (/^https?:\/\//i.test(trimmed)) return trimmed;
	try {
		return new URL(trimmed, document.baseURI).href;
	} catch {
		return null;
	}
}

/** Starts watching the page; `isAlive` is asked before each batch (false once the extension is gone). */
export function scanPage(
	signal: AbortSignal,
	isAlive: () => boolean,
): WeakMap<Element, Badge> {
	const badges = new Set<Badge>();
	const byHost = new WeakMap<Element, Badge>();
	// Each element is decoded once per attribute value (and gets a badge if that is a presigned URL).
	const seen = new WeakMap<Element, { raw: string; badge: Badge | null }>();
	const queue: Element[] = []; // near the viewport: decode now
	const roots: Element[] = []; // subtrees the page added: search in idle time
	// Badges made but not yet in the page: they go in together, so the page lays out once for them.
	const pending: { badge: Badge; anchor: Element }[] = [];
	let idle = 0;
	let batch = 0;

	const unmark = (element: Element) => {
		const badge = seen.get(element)?.badge;
		if (badge) {
			badge.host.remove();
			badges.delete(badge);
		}
		seen.delete(element);
	};

	const inspect = (element: Element, nowMs: number) => {
		const raw = element.getAttribute(
			element.localName === "a" ? "href" : "src",
		);
		if (seen.get(element)?.raw === raw) return;
		unmark(element);
		// SVG <a> matches the selector too, but a badge inside an <svg> would not render.
		if (!raw || !SIGNED.test(raw) || element.namespaceURI !== XHTML) return;
		const url = absolute(raw);
		const decoded = url === null ? null : decodeQuietly(url, { nowMs });
		if (!decoded?.ok) return void seen.set(element, { raw, badge: null });
		const { effectiveExpiresAtMs, expiryCertainty } = decoded.value;
		const badge = createBadge(
			element,
			url as string,
			effectiveExpiresAtMs,
			expiryCertainty === "upper-bound",
		);
		paintBadge(badge, nowMs);
		// Inside <video>/<picture> a badge would not render: it goes after the container.
		const parent = element.parentElement;
		const anchor =
			element.localName !== "a" && parent?.matches("video,audio,picture")
				? parent
				: element;
		pending.push({ badge, anchor });
		seen.set(element, { raw, badge });
	};

	/**
	 * Puts the badges made so far into the page in one go. Each insertion into a long page costs it a
	 * relayout of the whole list (30 ms for 10,000 links on a slow machine), so one batch, one layout.
	 */
	const insertPending = () => {
		for (const { badge, anchor } of pending.splice(0)) {
			// Skipped when the page changed the link meanwhile: a newer badge, or none, replaced it;
			// a link taken out is forgotten, so that it is looked at afresh if it comes back.
			if (seen.get(badge.target)?.badge !== badge) continue;
			if (!anchor.isConnected) {
				seen.delete(badge.target);
				continue;
			}
			anchor.after(badge.host);
			byHost.set(badge.host, badge);
			badges.add(badge);
		}
	};

	// Badges are made only near the viewport: a badge after each of 2,000 links costs a long page more
	// than a tenth of a second of layout, for links nobody may scroll to.
	const nearView = createNearView(signal, (elements) => {
		queue.push(...elements);
		const delay = badges.size === 0 ? 0 : BATCH_MS;
		batch ||= window.setTimeout(() => {
			batch = 0;
			schedule();
		}, delay);
	});
	/** Elements already decoded are looked at again now; new ones once they come near the viewport. */
	const watch = (elements: Iterable<Element>) => {
		const fresh: Element[] = [];
		for (const element of elements) {
			if (seen.has(element)) queue.push(element);
			else fresh.push(element);
		}
		nearView(fresh);
	};

	/** Works through queued work in idle time, a few milliseconds at a time, so pages stay responsive. */
	const flush = (deadline: IdleDeadline) => {
		idle = 0;
		if (!isAlive()) return;
		const until =
			performance.now() + Math.min(12, Math.max(4, deadline.timeRemaining()));
		const found: Element[] = [];
		for (const root of roots.splice(0)) {
			if (root.matches(SELECTOR)) found.push(root);
			if (root.firstElementChild)
				found.push(...root.querySelectorAll(SELECTOR));
		}
		watch(found);
		const nowMs = Date.now();
		let done = 0;
		while (
			done < queue.length &&
			(done % 32 !== 0 || performance.now() < until)
		) {
			const element = queue[done++] as Element;
			if (element.isConnected) inspect(element, nowMs);
		}
		queue.splice(0, done);
		// Badges wait for the rest of their batch: a few idle callbacks at most, decoding is quick.
		if (queue.length === 0) insertPending();
		schedule();
	};
	const schedule = () => {
		if (queue.length > 0 || roots.length > 0)
			idle ||= requestIdleCallback(flush, { timeout: 500 });
	};

	const changes = new MutationObserver((records) => {
		const changed: Element[] = [];
		for (const record of records) {
			if (record.type === "attributes") {
				const target = record.target as Element;
				if (seen.has(target) || target.matches(SELECTOR)) changed.push(target);
			} else {
				for (const added of record.addedNodes) {
					if (added.nodeType === 1 && added.nodeName !== "SIGNET-BADGE")
						roots.push(added as Element);
				}
			}
		}
		watch(changed);
		schedule();
	});
	changes.observe(document, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: ["href", "src"],
	});

	// One timer for every badge: colours move from green to amber to red to grey as time passes.
	const repaint = window.setInterval(() => {
		if (!isAlive()) return;
		const nowMs = Date.now();
		const gone: Element[] = [];
		for (const badge of badges) {
			if (badge.target.isConnected && badge.host.isConnected)
				paintBadge(badge, nowMs);
			else {
				// The page removed the link (or our badge): forget it; a link put back is seen afresh.
				unmark(badge.target);
				if (badge.target.isConnected) gone.push(badge.target);
			}
		}
		watch(gone);
		schedule();
	}, REPAINT_MS);

	signal.addEventListener("abort", () => {
		changes.disconnect();
		cancelIdleCallback(idle);
		clearTimeout(batch);
		clearInterval(repaint);
		pending.length = 0;
		for (const badge of badges) badge.host.remove();
		badges.clear();
	});
	// Nothing is seen yet: every match waits for the viewport, read from the list only when near.
	nearView(document.querySelectorAll(SELECTOR));
	return byHost;
}
