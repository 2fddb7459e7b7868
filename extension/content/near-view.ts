/**
 * Says when elements come within a viewport's height of being seen. An IntersectionObserver costs the
 * page work for every target on every scrolled frame, so a long list is watched in segments of
 * consecutive elements through their first and last: a segment is near when either end is, or when
 * its ends lie on both sides of the viewport.
 */

/** Above this many elements per call, segments are used instead of one target per element. */
const MAX_TARGETS = 400;

interface Segment {
	/** Elements `start` to `end` (exclusive) of the list given: read when the segment comes near. */
	list: ArrayLike<Element>;
	start: number;
	end: number;
	first: Element;
	last: Element;
	firstAbove: boolean;
	lastBelow: boolean;
}

/** A <source> has no box of its own: its <video> or <picture> is watched instead. */
function targetOf(element: Element): Element {
	return element.localName === "source"
		? (element.parentElement ?? element)
		: element;
}

export function createNearView(
	signal: AbortSignal,
	onNear: (elements: Element[]) => void,
): (elements: ArrayLike<Element>) => void {
	const segmentsOf = new Map<Element, Set<Segment>>();

	const release = (segment: Segment) => {
		for (const target of [segment.first, segment.last]) {
			const segments = segmentsOf.get(target);
			segments?.delete(segment);
			if (segments?.size === 0) {
				segmentsOf.delete(target);
				observer.unobserve(target);
			}
		}
		onNear(
			Array.prototype.slice.call(segment.list, segment.start, segment.end),
		);
	};

	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				const box = entry.boundingClientRect;
				const root = entry.rootBounds;
				for (const segment of [...(segmentsOf.get(entry.target) ?? [])]) {
					if (entry.target === segment.first)
						segment.firstAbove = root !== null && box.bottom < root.top;
					if (entry.target === segment.last)
						segment.lastBelow = root !== null && box.top > root.bottom;
					if (entry.isIntersecting || (segment.firstAbove && segment.lastBelow))
						release(segment);
				}
			}
		},
		{ rootMargin: "100% 0px" },
	);
	signal.addEventListener("abort", () => observer.disconnect());

	const observe = (target: Element, segment: Segment) => {
		const segments = segmentsOf.get(target);
		if (segments) segments.add(segment);
		else {
			segmentsOf.set(target, new Set([segment]));
			observer.observe(target);
		}
	};

	// A static list (querySelectorAll's), not an array: of a page's 2,000 presigned links only the
	// segments' ends are read now, and each element read from a NodeList costs a wrapper object in
	// this script's world. A live collection would not do: its indices shift as the page changes.
	return (elements) => {
		const { length } = elements;
		const size =
			length <= MAX_TARGETS ? 1 : Math.ceil(length / (MAX_TARGETS / 2));
		for (let start = 0; start < length; start += size) {
			const end = Math.min(start + size, length);
			const segment = {
				list: elements,
				start,
				end,
				first: targetOf(elements[start] as Element),
				last: targetOf(elements[end - 1] as Element),
				firstAbove: false,
				lastBelow: false,
			};
			observe(segment.first, segment);
			observe(segment.last, segment);
		}
	};
}
