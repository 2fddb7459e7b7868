/** /api/shares: create, list, read and revoke shares. */
import { Hono } from "hono";
import { createShareSchema, listSharesQuerySchema } from "../../shared/api.ts";
import { SignetError } from "../../shared/errors.ts";
import { type AppEnv, readJson, readQuery } from "../http.ts";
import { type AppDeps, stamp } from "../ports.ts";
import { revokeShare, visibleShare } from "../revoke-service.ts";
import { createShare } from "../share-service.ts";
import { shareView } from "../share-view.ts";

export function sharesRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.post("/", async (c) => {
			const input = await readJson(c, createShareSchema);
			return c.json(await createShare(deps, c.var.user, input), 201);
		})
		.get("/", async (c) => {
			const query = readQuery(c, listSharesQuerySchema);
			const user = c.var.user;
			if (
				query.user !== undefined &&
				query.user !== user.name &&
				user.role !== "admin"
			) {
				throw new SignetError(
					"forbidden",
					"Only admins may list other users' shares.",
				);
			}
			const now = deps.clock.now();
			const owner = query.user ?? user.name;
			const page = await deps.store.shares.list({
				user: owner === "*" ? undefined : owner,
				profileId: query.profile,
				status: query.status,
				search: query.q,
				now: stamp(now),
				limit: query.limit,
				cursor: query.cursor,
			});
			return c.json({
				shares: page.items.map((share) => shareView(share, now)),
				nextCursor: page.nextCursor,
			});
		})
		.get("/:id", async (c) => {
			const share = await visibleShare(deps, c.var.user, c.req.param("id"));
			return c.json({ share: shareView(share, deps.clock.now()) });
		})
		.delete("/:id", async (c) =>
			c.json(await revokeShare(deps, c.var.user, c.req.param("id"))),
		);
}
