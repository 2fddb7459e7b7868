/** @jsxImportSource hono/jsx */
/** /admin/sign-in and /admin/sign-out: an admin's API token in exchange for a session cookie. */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../ports.ts";
import { stamp } from "../ports.ts";
import { verifyToken } from "../tokens.ts";
import { Notice } from "./components.tsx";
import { readForm } from "./form.ts";
import { Layout, render } from "./layout.tsx";
import {
	ADMINS_ONLY,
	type AdminEnv,
	currentSession,
	endSession,
	SESSION_SECONDS,
	safeNext,
	startSession,
} from "./session.ts";

const signInForm = z.object({
	token: z.string().trim().max(200),
	next: z.string().max(2000).optional(),
});

export function adminSignInRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>()
		.get("/sign-in", async (c) => {
			const next = safeNext(c.req.query("next"));
			if (await currentSession(deps, c)) return c.redirect(next, 303);
			const signedOut = c.req.query("signed-out") !== undefined;
			return render(
				c,
				<SignInPage
					next={next}
					notice={signedOut ? "You are signed out." : undefined}
				/>,
			);
		})
		.post("/sign-in", async (c) => {
			const form = await readForm(c, signInForm);
			const next = safeNext(form.next);
			const token = await verifyToken(deps.store.tokens, form.token);
			if (!token) {
				const error = form.token
					? "This API token is not valid or was revoked. Check that you copied all of it."
					: "Paste an admin API token to sign in.";
				return render(c, <SignInPage next={next} error={error} />, 401);
			}
			if (token.role !== "admin") {
				return render(c, <SignInPage next={next} error={ADMINS_ONLY} />, 403);
			}
			await startSession(deps, c, token);
			await audit(deps, c, "admin.signed-in", token.user, token.id);
			return c.redirect(next, 303);
		});
}

export function adminSignOutRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>().post("/sign-out", async (c) => {
		await endSession(deps, c);
		await audit(
			deps,
			c,
			"admin.signed-out",
			c.var.user.name,
			c.var.user.tokenId,
		);
		return c.redirect("/admin/sign-in?signed-out", 303);
	});
}

async function audit(
	deps: AppDeps,
	c: Context,
	type: "admin.signed-in" | "admin.signed-out",
	user: string,
	tokenId: string,
) {
	await deps.store.audit.append({
		at: stamp(deps.clock.now()),
		type,
		shareId: null,
		actor: user,
		userAgent: c.req.header("user-agent")?.slice(0, 500) ?? null,
		clientIp: deps.clientAddress(c),
		detail: `with token ${tokenId}`,
	});
}

function SignInPage(props: { next: string; error?: string; notice?: string }) {
	return (
		<Layout title="Sign in" viewer={null} narrow>
			<h1>Sign in</h1>
			<p class="muted">
				Paste an admin's API token (<code>sgt_…</code>). You stay signed in on
				this browser for {SESSION_SECONDS / 3600} hours, or until you sign out.
			</p>
			{props.error && <Notice kind="error">{props.error}</Notice>}
			{props.notice && <Notice kind="ok">{props.notice}</Notice>}
			<form method="post" action="/admin/sign-in" class="card">
				<input type="hidden" name="next" value={props.next} />
				<div class="field">
					<label for="token">Admin API token</label>
					<input
						id="token"
						name="token"
						type="password"
						autocomplete="off"
						spellcheck={false}
						placeholder="sgt_…"
						required
						autofocus
					/>
				</div>
				<button type="submit">Sign in</button>
			</form>
			<p class="muted small">
				No token? <code>npx signet token create --user NAME --admin</code> on
				the server makes one.
			</p>
		</Layout>
	);
}
