/** @jsxImportSource hono/jsx */
/** POST /admin/tokens: makes an API token and shows its value this once (the page is never cached). */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../ports.ts";
import { stamp } from "../ports.ts";
import { issueToken, USER_NAME } from "../tokens.ts";
import { Notice } from "./components.tsx";
import { viewerOf } from "./errors.tsx";
import { readForm } from "./form.ts";
import { CsrfField, Layout, render } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";

const createTokenForm = z.object({
	user: z
		.string()
		.trim()
		.regex(USER_NAME, "use 1 to 100 letters, digits and . @ + - _"),
	role: z.enum(["member", "admin"]),
	label: z.preprocess(
		(value) => (value === "" ? undefined : value),
		z.string().trim().max(100).optional(),
	),
});

export function adminTokenCreateRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>().post("/tokens", async (c) => {
		const form = await readForm(c, createTokenForm);
		const now = deps.clock.now();
		const { token, record } = await issueToken(deps.store.tokens, {
			...form,
			now,
		});
		await deps.store.audit.append({
			at: stamp(now),
			type: "token.created",
			shareId: null,
			actor: c.var.user.name,
			userAgent: null,
			clientIp: deps.clientAddress(c),
			detail: `token ${record.id} for ${record.user} (${record.role})${record.label ? `, "${record.label}"` : ""}`,
		});
		return render(
			c,
			<Layout title="Token created" viewer={viewerOf(c.var)} section="tokens">
				<h1>Token created for {record.user}</h1>
				<Notice kind="warn" title="Copy it now: it is shown only this once.">
					Signet keeps only a hash of it. Give it to {record.user} over a
					private channel; they paste it into the extension's options.
				</Notice>
				<div class="card">
					<label for="new-token">
						{record.role === "admin" ? "Admin" : "Member"} token {record.id}
						{record.label && ` (${record.label})`}
					</label>
					<div class="token-box">
						<input id="new-token" value={token} readonly autocomplete="off" />
						<button type="button" data-copy="new-token">
							Copy
						</button>
					</div>
				</div>
				<p>
					<a href="/admin/tokens">Back to the tokens</a>
				</p>
			</Layout>,
		);
	});
}

export function CreateTokenForm({ csrfToken }: { csrfToken: string }) {
	return (
		<form method="post" action="/admin/tokens" class="filters">
			<CsrfField token={csrfToken} />
			<div>
				<label for="new-user">User</label>
				<input
					id="new-user"
					name="user"
					required
					pattern="[\w.@+\-]{1,100}"
					placeholder="alice"
				/>
			</div>
			<div>
				<label for="new-role">Role</label>
				<select id="new-role" name="role">
					<option value="member">member</option>
					<option value="admin">admin</option>
				</select>
			</div>
			<div class="grow">
				<label for="new-label">Label (optional)</label>
				<input
					id="new-label"
					name="label"
					maxlength={100}
					placeholder="Alice's laptop"
				/>
			</div>
			<button type="submit">Create token</button>
		</form>
	);
}
