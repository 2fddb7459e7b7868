/**
 * Admin page sessions: an API token of an admin is exchanged for a random session id in an HttpOnly,
 * SameSite=Strict cookie; the store keeps only its SHA-256. The token signed in with is checked on
 * every request, so revoking it ends the session. The CSRF checks are in csrf.ts.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SignetError } from "../../shared/errors.ts";
import { type AuthUser, bearerToken } from "../http.ts";
import {
	type AppDeps,
	type SessionRecord,
	stamp,
	type TokenRecord,
} from "../ports.ts";
import { randomToken, sha256Hex } from "../secrets.ts";
import { verifyToken } from "../tokens.ts";

export const SESSION_COOKIE = "signet_session";
export const SESSION_SECONDS = 8 * 3600;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export type AdminEnv = {
	Variables: { user: AuthUser; session: SessionRecord };
};

export const ADMINS_ONLY =
	"The admin page is for admins only. This API token belongs to a member; sign in with an admin's token.";

function cookieOptions(deps: AppDeps, c: Context) {
	const secure =
		new URL(c.req.url).protocol === "https:" ||
		deps.publicUrl.startsWith("https:");
	return {
		path: "/admin",
		httpOnly: true,
		sameSite: "Strict",
		secure,
	} as const;
}

/** Starts a session for an admin's token and sets its cookie. */
export async function startSession(
	deps: AppDeps,
	c: Context,
	token: TokenRecord,
): Promise<void> {
	const now = deps.clock.now();
	await deps.store.sessions.deleteExpired(stamp(now));
	const id = randomToken(32);
	const expires = new Date(now.getTime() + SESSION_SECONDS * 1000);
	await deps.store.sessions.create({
		idHash: await sha256Hex(id),
		user: token.user,
		tokenId: token.id,
		csrfToken: randomToken(32),
		createdAt: stamp(now),
		expiresAt: stamp(expires),
	});
	setCookie(c, SESSION_COOKIE, id, {
		...cookieOptions(deps, c),
		maxAge: SESSION_SECONDS,
		expires,
	});
}

/** The signed-in admin, or null: no cookie, unknown or expired session, or its token revoked. */
export async function currentSession(
	deps: AppDeps,
	c: Context,
): Promise<{ session: SessionRecord; user: AuthUser } | null> {
	const id = getCookie(c, SESSION_COOKIE);
	if (!id || !SESSION_ID.test(id)) return null;
	const idHash = await sha256Hex(id);
	const session = await deps.store.sessions.get(idHash);
	if (!session) return null;
	const token = await deps.store.tokens.get(session.tokenId);
	const isValid =
		session.expiresAt > stamp(deps.clock.now()) &&
		token !== null &&
		token.revokedAt === null &&
		token.role === "admin";
	if (!isValid || !token) {
		await deps.store.sessions.delete(idHash);
		return null;
	}
	return {
		session,
		user: { name: token.user, role: token.role, tokenId: token.id },
	};
}

/** Deletes the session and its cookie (sign-out). */
export async function endSession(deps: AppDeps, c: Context<AdminEnv>) {
	await deps.store.sessions.delete(c.var.session.idHash);
	deleteCookie(c, SESSION_COOKIE, cookieOptions(deps, c));
}

/**
 * Lets signed-in admins through. Anyone else is sent to sign in, except a member who shows an API
 * token (Authorization: Bearer): they get 403, as on every admin action of the API.
 */
export function requireAdminSession(
	deps: AppDeps,
): MiddlewareHandler<AdminEnv> {
	return async (c, next) => {
		const found = await currentSession(deps, c);
		if (found) {
			c.set("user", found.user);
			c.set("session", found.session);
			return next();
		}
		const token = bearerToken(c);
		const bearer = token ? await verifyToken(deps.store.tokens, token) : null;
		if (bearer && bearer.role !== "admin")
			throw new SignetError("forbidden", ADMINS_ONLY);
		if (getCookie(c, SESSION_COOKIE) !== undefined)
			deleteCookie(c, SESSION_COOKIE, cookieOptions(deps, c));
		const back = c.req.method === "GET" ? new URL(c.req.url) : null;
		const query = back
			? `?${new URLSearchParams({ next: back.pathname + back.search })}`
			: "";
		return c.redirect(`/admin/sign-in${query}`, 303);
	};
}

/** A `next` address to return to after signing in: only an admin page of this site. */
export function safeNext(next: unknown): string {
	return typeof next === "string" &&
		/^\/admin(?:[/?][^\\\s]*)?$/.test(next) &&
		!next.startsWith("//") &&
		!next.includes("/..")
		? next
		: "/admin";
}
