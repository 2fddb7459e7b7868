/** @jsxImportSource hono/jsx */
/** The frame of every admin page: head, header with navigation and sign-out, and the page's own main. */
import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type Section = "shares" | "tokens" | "profiles" | "activity";

export interface Viewer {
	name: string;
	csrfToken: string;
}

export interface LayoutProps {
	title: string;
	/** The signed-in admin; null on the sign-in page and on errors before signing in. */
	viewer: Viewer | null;
	section?: Section;
	narrow?: boolean;
	children?: Child;
}

const NAV: [Section, string, string][] = [
	["shares", "Shares", "/admin"],
	["tokens", "Tokens", "/admin/tokens"],
	["profiles", "Profiles", "/admin/profiles"],
	["activity", "Activity", "/admin/activity"],
];

export function Layout({
	title,
	viewer,
	section,
	narrow,
	children,
}: LayoutProps) {
	return (
		<html lang="en">
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="referrer" content="no-referrer" />
				<title>{title} · Signet admin</title>
				<link rel="icon" href="/admin/assets/favicon.svg" />
				<link rel="stylesheet" href="/admin/assets/admin.css" />
				<script src="/admin/assets/admin.js" defer />
			</head>
			<body>
				<header class="top">
					<div class="top-inner">
						<a class="brand" href="/admin">
							Signet<span>admin</span>
						</a>
						<nav>
							{viewer &&
								NAV.map(([key, label, href]) => (
									<a
										href={href}
										aria-current={key === section ? "page" : undefined}
									>
										{label}
									</a>
								))}
						</nav>
						{viewer && (
							<div class="who">
								<span>
									Signed in as <strong>{viewer.name}</strong>
								</span>
								<form method="post" action="/admin/sign-out">
									<CsrfField token={viewer.csrfToken} />
									<button type="submit">Sign out</button>
								</form>
							</div>
						)}
					</div>
				</header>
				<main class={narrow ? "narrow" : undefined}>{children}</main>
			</body>
		</html>
	);
}

export function CsrfField({ token }: { token: string }) {
	return <input type="hidden" name="csrf" value={token} />;
}

/** Answers a page as HTML5 (a doctype first); Hono's JSX escapes every value put in it. */
export function render(
	c: Context,
	page: Child,
	status: ContentfulStatusCode = 200,
) {
	return c.html(html`<!doctype html>${page}`, status);
}
