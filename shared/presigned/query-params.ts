/** A URL's query parameters read in place: names in any letter case, values decoded when read. */
import { decodeQueryComponent } from "./percent-decode.ts";

/**
 * Query parameters by name in any letter case; values are percent-decoded when read, and the first
 * of duplicates wins. Kept as offsets into the URL and compared in place: slicing and lower-casing
 * every name cost more on Node 20 than all the lookups together.
 */
export class QueryParams {
	/** Per parameter, Span.SLOTS numbers at the offsets in Span: one flat array, not an object each. */
	private readonly spans: number[] = [];
	/** One bit per lower-cased first letter of a name: most lookups of an absent name end here. */
	private firstLetters = 0;
	/** Decoded lower-cased names by position, for the rare parameters whose names hold `%` or `+`. */
	private escapedNames: (string | undefined)[] | null = null;
	/** The last name looked up, and where it was found: see indexOf. */
	private lastName = "";
	private lastAt = -1;

	constructor(
		private readonly text: string,
		from: number,
		to: number,
	) {
		// Native indexOf finds `%` and `+`; the next one is looked for again only once passed.
		let percentAt = text.indexOf("%", from);
		let plusAt = text.indexOf("+", from);
		// The mask is kept in a local and stored once: this loop runs for every parameter of every URL.
		const spans = this.spans;
		let letters = 0;
		let start = from;
		while (start < to) {
			let end = text.indexOf("&", start);
			if (end === -1 || end > to) end = to;
			let eq = text.indexOf("=", start);
			if (eq === -1 || eq > end) eq = end;
			if (percentAt !== -1 && percentAt < start)
				percentAt = text.indexOf("%", start);
			if (plusAt !== -1 && plusAt < start) plusAt = text.indexOf("+", start);
			if (eq > start) {
				// Where the next `%` or `+` falls tells whether the name, or the value, needs decoding.
				const nextEscape =
					plusAt === -1 || (percentAt !== -1 && percentAt < plusAt)
						? percentAt
						: plusAt;
				let nameLength = eq - start;
				let flags = nextEscape !== -1 && nextEscape < end ? Flag.ESCAPED : 0;
				if (nextEscape !== -1 && nextEscape < eq) {
					const name = decodeQueryComponent(
						text.slice(start, eq),
					).toLowerCase();
					this.escapedNames ??= [];
					this.escapedNames[spans.length / Span.SLOTS] = name;
					nameLength = name.length;
					flags |= Flag.ESCAPED_NAME;
					letters |= letterBit(name.charCodeAt(0));
				} else {
					letters |= letterBit(text.charCodeAt(start));
				}
				// In Span's order: name start and length, value start and end, flags.
				spans.push(start, nameLength, eq + 1, end, flags);
			}
			start = end + 1;
		}
		this.firstLetters = letters;
	}

	/** Pass names as the scheme's docs spell them (`X-Amz-Date`): that spelling is found natively. */
	has(name: string): boolean {
		return this.indexOf(name) !== -1;
	}

	get(name: string): string | undefined {
		const at = this.indexOf(name);
		return at === -1 ? undefined : this.valueAt(at);
	}

	/** The value as written, still percent-encoded, for a caller that reads it more cheaply so. */
	getRaw(name: string): string | undefined {
		const at = this.indexOf(name);
		return at === -1 ? undefined : this.rawValueAt(at);
	}

	/** `[lower-cased name, decoded value]` of every parameter whose name starts with `prefix`. */
	withPrefix(prefix: string): [string, string][] {
		const found: [string, string][] = [];
		if (!this.mayStartWith(prefix)) return found;
		const { spans, text } = this;
		const last = prefix.length - 1;
		const lastCode = asciiLower(prefix.charCodeAt(last));
		for (let at = 0; at < spans.length; at += Span.SLOTS) {
			if ((spans[at + Span.NAME_LENGTH] ?? 0) <= last) continue;
			// Nearly every name fails on the prefix's last character: test it before anything else.
			const code = text.charCodeAt((spans[at + Span.NAME_START] ?? 0) + last);
			if (
				asciiLower(code) !== lastCode &&
				code <= 127 &&
				!this.isEscapedName(at)
			)
				continue;
			if (!this.nameMatches(at, prefix, true)) continue;
			const name = this.nameAt(at);
			// A duplicate shares the prefix, so it would be among those found already.
			if (!isListed(found, name)) found.push([name, this.valueAt(at)]);
		}
		return found;
	}

	/** False when no name starts with the letter `name` starts with. */
	private mayStartWith(name: string): boolean {
		return (
			name.length === 0 ||
			(this.firstLetters & letterBit(name.charCodeAt(0))) !== 0
		);
	}

	/** Where the first parameter called `name` starts in `spans`, or -1. */
	private indexOf(name: string): number {
		// A decoder often asks `has` before `get` of the same name: answer the second from the first.
		if (name === this.lastName) return this.lastAt;
		this.lastName = name;
		this.lastAt = this.find(name);
		return this.lastAt;
	}

	private find(name: string): number {
		if (!this.mayStartWith(name)) return -1;
		// Lengths in locals: V8 would otherwise load and check them again on every pass.
		const { spans } = this;
		const count = spans.length;
		const length = name.length;
		for (let at = 0; at < count; at += Span.SLOTS) {
			if (
				spans[at + Span.NAME_LENGTH] === length &&
				this.nameMatches(at, name, false)
			)
				return at;
		}
		return -1;
	}

	private isEscapedName(at: number): boolean {
		return ((this.spans[at + Span.FLAGS] ?? 0) & Flag.ESCAPED_NAME) !== 0;
	}

	/** Whether the name at `at`, of a length already checked, is `name` (or starts with it) in any case. */
	private nameMatches(at: number, name: string, isPrefix: boolean): boolean {
		if (this.isEscapedName(at))
			return sameName(this.nameAt(at), name, isPrefix);
		const start = this.spans[at + Span.NAME_START] ?? 0;
		const last = name.length - 1;
		// Last character first: names share prefixes like `x-amz-`, so a mismatch shows at once.
		for (let i = last; i >= 0; i--) {
			const code = this.text.charCodeAt(start + i);
			// Outside ASCII, lower-casing is Unicode's: `\u212A` (the Kelvin sign) becomes `k`.
			if (code > 127) return sameName(this.nameAt(at), name, isPrefix);
			if (asciiLower(code) !== asciiLower(name.charCodeAt(i))) return false;
			// Then the usual exact spelling in one native call: indexOf is twice as fast as
			// startsWith on Node 20, and the length was checked, so a find at `start` is the name.
			if (i === last && !isPrefix && this.text.indexOf(name, start) === start)
				return true;
		}
		return true;
	}

	/** The name at `at`, lower-cased (and decoded). */
	private nameAt(at: number): string {
		const start = this.spans[at + Span.NAME_START] ?? 0;
		return (
			this.escapedNames?.[at / Span.SLOTS] ??
			this.text
				.slice(start, start + (this.spans[at + Span.NAME_LENGTH] ?? 0))
				.toLowerCase()
		);
	}

	private rawValueAt(at: number): string {
		return this.text.slice(
			this.spans[at + Span.VALUE_START],
			this.spans[at + Span.VALUE_END],
		);
	}

	private valueAt(at: number): string {
		const raw = this.rawValueAt(at);
		// Most values hold no escape: the constructor saw that already.
		return (this.spans[at + Span.FLAGS] ?? 0) & Flag.ESCAPED
			? decodeQueryComponent(raw)
			: raw;
	}
}

// Enums rather than module constants: esbuild writes an enum member as its number wherever it is
// used, but a module `const` becomes a `var` that V8 loads and checks at each use, here in the
// loops over the spans (2.5% of a whole decode, bundled, on Node 20).

/** What `spans` holds for each parameter. VALUE_START passes VALUE_END when there is no `=`. */
enum Span {
	NAME_START,
	NAME_LENGTH,
	VALUE_START,
	VALUE_END,
	FLAGS,
	SLOTS,
}
/** FLAGS bits: `%` or `+` somewhere in the parameter; in its name. */
enum Flag {
	ESCAPED = 1,
	ESCAPED_NAME = 2,
}

/** The bit of a first character in `firstLetters`: by ASCII letter, all bits outside ASCII. */
function letterBit(code: number): number {
	// Unicode lower-casing can lead to ASCII (the Kelvin sign to `k`), so claim every letter.
	return code > 127 ? -1 : 1 << (asciiLower(code) & 31);
}

function isListed(found: [string, string][], name: string): boolean {
	for (let i = 0; i < found.length; i++)
		if (found[i]?.[0] === name) return true;
	return false;
}

function sameName(lowerName: string, name: string, isPrefix: boolean): boolean {
	const lower = name.toLowerCase();
	return isPrefix ? lowerName.startsWith(lower) : lowerName === lower;
}

function asciiLower(code: number): number {
	return code >= 65 && code <= 90 ? code + 32 : code;
}
