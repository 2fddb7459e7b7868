/** The XML reader on the shapes STS, IAM and S3 answer with, and on what it must refuse. */
import { describe, expect, it } from "vitest";
import { childrenNamed, childText, parseXml } from "./xml.ts";

describe("parseXml", () => {
	it("reads an STS AssumeRole answer", () => {
		const root = parseXml(
			`<?xml version="1.0"?>\n<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <AssumeRoleResult>\n    <Credentials>\n      <AccessKeyId>ASIAEXAMPLE</AccessKeyId>\n      <SessionToken>a+b/c=</SessionToken>\n    </Credentials>\n  </AssumeRoleResult>\n</AssumeRoleResponse>`,
		);
		expect(root.name).toBe("AssumeRoleResponse");
		const credentials = root.children[0]?.children[0];
		expect(childText(credentials, "AccessKeyId")).toBe("ASIAEXAMPLE");
		expect(childText(credentials, "SessionToken")).toBe("a+b/c=");
	});

	it.each([
		["&amp;&lt;&gt;&quot;&apos;", `&<>"'`],
		["&#233;&#xE9;&#x1F600;", "éé😀"],
		["a&#13;b&#10;c", "a\rb\nc"],
		["<![CDATA[<not> & markup]]>", "<not> & markup"],
		["x<!-- comment -->y", "xy"],
	])("decodes %s", (inner, text) => {
		expect(parseXml(`<Key>${inner}</Key>`).text).toBe(text);
	});

	it("keeps repeated elements in order, drops namespace prefixes and skips attributes", () => {
		const root = parseXml(
			`<s3:ListBucketResult xmlns:s3="x"><Contents a="1>2"><Key>a</Key></Contents><Contents><Key>b</Key></Contents><Empty/></s3:ListBucketResult>`,
		);
		expect(root.name).toBe("ListBucketResult");
		expect(
			childrenNamed(root, "Contents").map((c) => childText(c, "Key")),
		).toEqual(["a", "b"]);
		expect(childText(root, "Empty")).toBe("");
		expect(childText(root, "Missing")).toBeUndefined();
	});

	it.each([
		["", /no root element/],
		["<a><b></a></b>", /closes/],
		["<a>", /never closed/],
		["<a/><b/>", /second root/],
		["<a>&bogus;</a>", /unknown entity/],
		["<a>AT&T</a>", /bare '&'/],
		['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DTDs/],
		["<a><!-- never ends</a>", /unterminated/],
		["text<a/>", /outside the root/],
	])("refuses %j", (xml, problem) => {
		expect(() => parseXml(xml)).toThrow(problem);
	});
});
