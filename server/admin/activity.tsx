/** @jsxImportSource hono/jsx */
/** GET /admin/activity: the whole audit trail, newest first: admin actions, visits and refusals. */
import { Hono } from "hono";
import { z } from "zod";
import { readQuery } from "../http.ts";
import type { AppDeps } from "../ports.ts";
import { AuditTrail } from "./audit-trail.tsx";
import { viewerOf } from "./errors.tsx";
import { Layout, render } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";

const activityQuery = z.object({ cursor: z.string().max(200).optional() });

export function adminActivityRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>().get("/activity", async (c) => {
		const { cursor } = readQuery(c, activityQuery);
		const page = await deps.store.audit.list({ limit: 100, cursor });
		return render(
			c,
			<Layout title="Activity" viewer={viewerOf(c.var)} section="activity">
				<div class="page-head">
					<div>
						<h1>Activity</h1>
						<p class="muted">
							The audit trail of everything: shares made, visited, refused and
							revoked, tokens, and admins signing in.
						</p>
					</div>
				</div>
				<AuditTrail events={page.items} showShare />
				<div class="pager">
					<span>
						{cursor ? <a href="/admin/activity">← Newest</a> : "Newest first"}
					</span>
					{page.nextCursor && (
						<a
							class="button secondary"
							href={`/admin/activity?${new URLSearchParams({ cursor: page.nextCursor })}`}
							rel="next"
						>
							Older →
						</a>
					)}
				</div>
			</Layout>,
		);
	});
}
