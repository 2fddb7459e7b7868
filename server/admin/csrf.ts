/**
 * CSRF defences of the admin page: every state-changing form carries the session's random CSRF
 * token (compared in constant time), and browsers' Sec-Fetch-Site must not name another site.
 */
import type { MiddlewareHandler } from "hono";
import { SignetError } from "../../shared/errors.ts";
import { constantTimeEqual } from "../secrets.ts";
import type { AdminEnv } from "./session.ts";

/** Refuses a state-changing request whose form lacks this session's CSRF token. */
export function requireCsrf(): MiddlewareHandler<AdminEnv> {
	return async (c, next) => {
		if (c.req.method === "GET" || c.req.method === "HEAD") return next();
		const body = await c.req.parseBody();
		const sent = typeof body.csrf === "string" ? body.csrf : "";
		if (!constantTimeEqual(sent, c.var.session.csrfToken)) {
			throw new SignetError(
				"forbidden",
				"Nothing was changed: this form is out of date or did not come from the admin page. Reload the page and try again.",
			);
		}
		return next();
	};
}

/** Only our own pages may post: browsers say where a form came from (Sec-Fetch-Site). */
export function refuseCrossSitePosts(): MiddlewareHandler {
	return async (c, next) => {
		const site = c.req.header("sec-fetch-site");
		if (
			c.req.method === "POST" &&
			site &&
			site !== "same-origin" &&
			site !== "none"
		) {
			throw new SignetError(
				"forbidden",
				"Nothing was changed: this form was sent from another site.",
			);
		}
		return next();
	};
}
