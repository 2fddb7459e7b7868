/** @jsxImportSource hono/jsx */
/**
 * The confirmation step without script: an action posted without confirm=yes answers this page, and
 * nothing changes until its button is pressed. With script, admin.js asks with window.confirm.
 */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { viewerOf } from "./errors.tsx";
import { CsrfField, Layout, render } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";

export interface ConfirmOptions {
	title: string;
	/** What will happen, in words. */
	explanation: Child;
	action: string;
	button: string;
	cancelHref: string;
}

export function confirmPage(c: Context<AdminEnv>, options: ConfirmOptions) {
	return render(
		c,
		<Layout title={options.title} viewer={viewerOf(c.var)}>
			<div class="card confirm">
				<h1>{options.title}</h1>
				<div>{options.explanation}</div>
				<form method="post" action={options.action} class="actions">
					<CsrfField token={c.var.session.csrfToken} />
					<input type="hidden" name="confirm" value="yes" />
					<button type="submit" class="danger">
						{options.button}
					</button>
					<a class="button secondary" href={options.cancelHref}>
						Cancel
					</a>
				</form>
			</div>
		</Layout>,
	);
}
