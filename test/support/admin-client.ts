/** Drives the admin page of an in-memory test app like a browser: a session cookie, forms, CSRF. */
import type { createTestApp } from "./app-deps.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface AdminClient {
	/** The `signet_session` cookie's value. */
	sessionId: string;
	csrf: string;
	get(path: string): Promise<Response>;
	/** Posts a form with this session's CSRF token unless `csrf` is given (null: none). */
	post(
		path: string,
		fields?: Record<string, string>,
		options?: { csrf?: string | null; headers?: Record<string, string> },
	): Promise<Response>;
}

export async function postForm(
	test: TestApp,
	path: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<Response> {
	return test.app.request(path, {
		method: "POST",
		headers: {
			"content-type": "application/x-www-form-urlencoded",
			...headers,
		},
		body: new URLSearchParams(fields).toString(),
	});
}

/** The hidden CSRF field of a page. */
export function csrfOf(html: string): string {
	return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
}

export async function signInAdmin(
	test: TestApp,
	as: keyof TestApp["tokens"] = "admin",
): Promise<AdminClient> {
	const response = await postForm(test, "/admin/sign-in", {
		token: test.tokens[as],
	});
	const sessionId =
		/signet_session=([^;]+)/.exec(
			response.headers.get("set-cookie") ?? "",
		)?.[1] ?? "";
	if (!sessionId)
		throw new Error(
			`Signing in as ${as} answered ${response.status}, no cookie.`,
		);
	const cookie = `signet_session=${sessionId}`;
	const get = async (path: string) =>
		test.app.request(path, { headers: { cookie } });
	const csrf = csrfOf(await (await get("/admin")).text());
	return {
		sessionId,
		csrf,
		get,
		post: (path, fields = {}, options = {}) => {
			const token = options.csrf === undefined ? csrf : options.csrf;
			return postForm(
				test,
				path,
				token === null ? fields : { csrf: token, ...fields },
				{ cookie, ...options.headers },
			);
		},
	};
}

/** A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
export async function textOf(response: Response): Promise<string> {
	return (await response.text())
		.replace(/<[^>]+>/g, " ")
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&amp;/g, "&")
		.replace(/\s+/g, " ");
}
