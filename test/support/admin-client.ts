/**
 * Drives the admin page like a browser: a session cookie, forms, CSRF. The app answers in memory:
 * createTestApp()'s, or the Workers entry inside workerd.
 */

/** An app answering requests in memory, and the API tokens of its users. */
export interface TestApp {
	app: {
		request(path: string, init?: RequestInit): Response | Promise<Response>;
	};
	tokens: Record<string, string>;
}

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
	as = "admin",
): Promise<AdminClient> {
	const response = await postForm(test, "/admin/sign-in", {
		token: test.tokens[as] ?? "",
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
