/**
 * The web pages the extension is tried on: a small server on 127.0.0.1 and the presigned links its
 * pages hold (at a realistic S3 host, never fetched).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { presign, TEMPORARY } from "./aws-presign.ts";

export interface TestSite {
	/** http://127.0.0.1:PORT */
	origin: string;
	close(): Promise<void>;
}

/** Answers each path with what `pageAt` gives (read at each request), 404 when it gives nothing. */
export async function serveSite(
	pageAt: (path: string) => { type: string; body: string } | undefined,
): Promise<TestSite> {
	const server = createServer((request, response) => {
		const page = pageAt(request.url ?? "/");
		if (page)
			response.writeHead(200, { "content-type": page.type }).end(page.body);
		else response.writeHead(404).end();
	});
	await new Promise<void>((listening) =>
		server.listen(0, "127.0.0.1", listening),
	);
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		// The browser keeps idle connections open: close them too, or close() waits for them.
		close: () =>
			new Promise((closed) => {
				server.close(() => closed());
				server.closeAllConnections();
			}),
	};
}

/** A SigV4 URL of bucket team-reports, signed `agoSeconds` ago, that lives `expiresIn` seconds. */
export function teamReportUrl(
	key: string,
	expiresIn: number,
	agoSeconds = 0,
	temporary = false,
): Promise<string> {
	return presign({
		bucket: "team-reports",
		key,
		region: "eu-west-1",
		expiresIn,
		signingDate: new Date(Date.now() - agoSeconds * 1000),
		...(temporary ? { credentials: TEMPORARY } : {}),
	});
}

/** A list item holding one link (the URL escaped for HTML), with an optional note after it. */
export function linkItem(id: string, href: string, text: string, note = "") {
	const after = note ? ` <span class="note">${note}</span>` : "";
	return `<li><a id="${id}" href="${href.replaceAll("&", "&amp;")}">${text}</a>${after}</li>`;
}

export const HTML = "text/html; charset=utf-8";
