/** @jsxImportSource hono/jsx */
/** GET /admin: every share, newest first, searched, filtered and paged with the store's cursor. */
import { Hono } from "hono";
import { readQuery } from "../http.ts";
import { type AppDeps, type ShareRecord, stamp } from "../ports.ts";
import { ConfirmForm } from "./components.tsx";
import { viewerOf } from "./errors.tsx";
import { Layout, render, type Viewer } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";
import {
	FilterForm,
	type Filters,
	sharesHref,
	sharesQuery,
} from "./share-filters.tsx";
import { SharesTable } from "./share-table.tsx";

export const PAGE_SIZE = 50;

export function adminSharesRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>().get("/", async (c) => {
		const query = readQuery(c, sharesQuery);
		const now = deps.clock.now();
		const page = await deps.store.shares.list({
			search: query.q || undefined,
			status: query.status,
			profileId: query.profile,
			user: query.user,
			now: stamp(now),
			limit: PAGE_SIZE,
			cursor: query.cursor,
		});
		const { cursor, ...filters } = query;
		return render(
			c,
			<SharesPage
				viewer={viewerOf(c.var)}
				shares={page.items}
				now={now}
				filters={filters}
				profiles={deps.config.profiles.map((p) => p.id)}
				nextHref={page.nextCursor ? sharesHref(filters, page.nextCursor) : null}
				isFirstPage={cursor === undefined}
			/>,
		);
	});
}

interface SharesPageProps {
	viewer: Viewer | null;
	shares: ShareRecord[];
	now: Date;
	filters: Filters;
	profiles: string[];
	nextHref: string | null;
	isFirstPage: boolean;
}

function SharesPage(props: SharesPageProps) {
	const { filters, viewer } = props;
	const isFiltered = Object.values(filters).some(Boolean);
	return (
		<Layout title="Shares" viewer={viewer} section="shares">
			<div class="page-head">
				<div>
					<h1>Shares</h1>
					<p class="muted">
						Every link anyone made, newest first. Open one for its details and
						visits.
					</p>
				</div>
				{viewer && filters.user && (
					<ConfirmForm
						action={`/admin/users/${encodeURIComponent(filters.user)}/revoke-all`}
						question={`Revoke every share of ${filters.user}? Managed links stop at once; direct links signed by their own session are denied through IAM.`}
						label={`Revoke all of ${filters.user}'s shares…`}
						csrfToken={viewer.csrfToken}
					/>
				)}
			</div>
			<FilterForm filters={filters} profiles={props.profiles} />
			{props.shares.length === 0 ? (
				<div class="table-wrap empty">
					<strong>
						{isFiltered ? "No shares match these filters." : "No shares yet."}
					</strong>
					{isFiltered ? (
						<a href="/admin">Show every share</a>
					) : (
						"Shares appear here when someone makes a link with the extension or the API."
					)}
				</div>
			) : (
				<SharesTable shares={props.shares} now={props.now} />
			)}
			<div class="pager">
				<span>
					{props.isFirstPage ? (
						"Newest first"
					) : (
						<a href={sharesHref(filters)}>← First page</a>
					)}
					{` · up to ${PAGE_SIZE} a page`}
				</span>
				{props.nextHref && (
					<a class="button secondary" href={props.nextHref} rel="next">
						Next page →
					</a>
				)}
			</div>
		</Layout>
	);
}
