/**
 * A small, strict XML reader for the answers of STS, IAM and S3: elements, text, entities and
 * CDATA; no DTDs (refused), attributes skipped. Workers have no DOMParser, and these shapes are known.
 */

export interface XmlElement {
	/** The local name: a namespace prefix is dropped. */
	name: string;
	children: XmlElement[];
	/** The element's own text (not its children's), entities decoded. */
	text: string;
}

const PREFIX = "[signet] [xml]";
const ENTITIES: Record<string, string> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: '"',
	apos: "'",
};
const NAME = /^[A-Za-z_][\w.:-]*/;

/** The document's root element; throws a SyntaxError on anything that is not well-formed. */
export function parseXml(xml: string): XmlElement {
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let i = 0;
	while (i < xml.length) {
		const open = xml.indexOf("<", i);
		const textEnd = open === -1 ? xml.length : open;
		if (textEnd > i) {
			const text = xml.slice(i, textEnd);
			const parent = stack.at(-1);
			if (parent) parent.text += decodeEntities(text);
			else if (text.trim() !== "") fail("text outside the root element");
		}
		if (open === -1) break;
		if (xml.startsWith("<?", open)) {
			i = after(xml, "?>", open);
		} else if (xml.startsWith("<!--", open)) {
			i = after(xml, "-->", open);
		} else if (xml.startsWith("<![CDATA[", open)) {
			const end = after(xml, "]]>", open);
			const parent = stack.at(-1) ?? fail("CDATA outside the root element");
			parent.text += xml.slice(open + 9, end - 3);
			i = end;
		} else if (xml.startsWith("<!", open)) {
			fail("DTDs and declarations are not accepted");
		} else if (xml.startsWith("</", open)) {
			const end = after(xml, ">", open);
			const name = localName(xml.slice(open + 2, end - 1).trim());
			const element = stack.pop();
			if (element?.name !== name)
				fail(`</${name}> closes <${element?.name ?? "nothing"}>`);
			i = end;
		} else {
			const end = tagEnd(xml, open);
			const inside = xml.slice(open + 1, end);
			const selfClosing = inside.endsWith("/");
			const name = NAME.exec(inside)?.[0] ?? fail("a tag without a name");
			const element: XmlElement = {
				name: localName(name),
				children: [],
				text: "",
			};
			const parent = stack.at(-1);
			if (parent) parent.children.push(element);
			else if (root) fail("a second root element");
			else root = element;
			if (!selfClosing) stack.push(element);
			i = end + 1;
		}
	}
	if (stack.length > 0) fail(`<${stack.at(-1)?.name}> is never closed`);
	return root ?? fail("no root element");
}

/** The first child named `name`, if any. */
export function child(
	element: XmlElement | undefined,
	name: string,
): XmlElement | undefined {
	return element?.children.find((c) => c.name === name);
}

/** Every child named `name`. */
export function childrenNamed(
	element: XmlElement | undefined,
	name: string,
): XmlElement[] {
	return element?.children.filter((c) => c.name === name) ?? [];
}

/** The text of the first child named `name`, or undefined when there is no such child. */
export function childText(
	element: XmlElement | undefined,
	name: string,
): string | undefined {
	return child(element, name)?.text;
}

function localName(name: string): string {
	return name.slice(name.indexOf(":") + 1);
}

/** The index just past `end`, searching from `from`. */
function after(xml: string, end: string, from: number): number {
	const at = xml.indexOf(end, from);
	if (at === -1) fail(`unterminated markup at ${from}`);
	return at + end.length;
}

/** The `>` closing the start tag at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
	let quote = "";
	for (let i = from + 1; i < xml.length; i++) {
		const ch = xml[i];
		if (quote) {
			if (ch === quote) quote = "";
		} else if (ch === '"' || ch === "'") {
			quote = ch;
		} else if (ch === ">") {
			return i;
		} else if (ch === "<") {
			break;
		}
	}
	return fail(`unterminated tag at ${from}`);
}

function decodeEntities(text: string): string {
	if (!text.includes("&")) return text;
	return text.replace(/&([^;&\s]*);?/g, (match, entity: string) => {
		if (!match.endsWith(";")) fail(`a bare '&' in text: '${match}'`);
		const named = ENTITIES[entity];
		if (named !== undefined) return named;
		const code = /^#x[0-9a-f]+$/i.test(entity)
			? Number.parseInt(entity.slice(2), 16)
			: /^#\d+$/.test(entity)
				? Number.parseInt(entity.slice(1), 10)
				: Number.NaN;
		if (!Number.isInteger(code) || code > 0x10ffff || code === 0)
			fail(`unknown entity '${match}'`);
		return String.fromCodePoint(code);
	});
}

function fail(problem: string): never {
	throw new SyntaxError(`${PREFIX} Not well-formed XML: ${problem}.`);
}
