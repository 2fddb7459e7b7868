/** @jsxImportSource hono/jsx */
/**
 * Every admin response gets the strict CSP and no caching; every error becomes a page. The app's one
 * onError has already logged it and answered JSON; here that answer is swapped for HTML.
 */
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isSignetError } from "../../shared/errors.ts";
import { Layout, render, type Viewer } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";

export const ADMIN_CSP =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const TITLES: Record<number, string> = {
	400: "That request was not understood",
	403: "Not allowed",
	404: "Not found",
	409: "Conflict",
	413: "Too large",
	502: "AWS did not accept the change",
};

export function adminPages(): MiddlewareHandler<AdminEnv> {
	return async (c, next) => {
		await next();
		const error = c.error;
		if (error) {
			const status = (
				isSignetError(error) ? error.status : 500
			) as ContentfulStatusCode;
			const message = isSignetError(error)
				? error.message
				: "Something went wrong on our side. It has been logged; try again in a moment.";
			c.res = await render(
				c,
				<ErrorPage
					status={status}
					message={message}
					viewer={viewerOf(c.var)}
				/>,
				status,
			);
		}
		c.header("Content-Security-Policy", ADMIN_CSP);
		c.header("X-Content-Type-Options", "nosniff");
		c.header("X-Frame-Options", "DENY");
		c.header("Referrer-Policy", "no-referrer");
		if (!c.res.headers.has("cache-control"))
			c.header("Cache-Control", "no-store");
	};
}

export function viewerOf(vars: Partial<AdminEnv["Variables"]>): Viewer | null {
	return vars.user && vars.session
		? { name: vars.user.name, csrfToken: vars.session.csrfToken }
		: null;
}

export function ErrorPage(props: {
	status: number;
	message: string;
	viewer: Viewer | null;
}) {
	const title = TITLES[props.status] ?? "Something went wrong";
	return (
		<Layout title={title} viewer={props.viewer} narrow={!props.viewer}>
			<h1>{title}</h1>
			<p>{props.message}</p>
			<p class="muted small">
				{props.viewer ? (
					<a href="/admin">Back to the shares</a>
				) : (
					<a href="/admin/sign-in">Sign in</a>
				)}
			</p>
		</Layout>
	);
}

/** The last route of /admin: unknown admin addresses are pages too. */
export function notFoundPage(): MiddlewareHandler<AdminEnv> {
	return async (c) =>
		render(
			c,
			<ErrorPage
				status={404}
				message={`There is no admin page at ${c.req.path}.`}
				viewer={viewerOf(c.var)}
			/>,
			404,
		);
}
