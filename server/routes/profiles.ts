/** /api/profiles: what the caller may share from, browsing objects, and the emergency revoke-all. */
import { Hono } from "hono";
import { objectsQuerySchema, type ProfileView } from "../../shared/api.ts";
import { SignetError } from "../../shared/errors.ts";
import type { Profile } from "../config.ts";
import { type AppEnv, readQuery, requireAdmin } from "../http.ts";
import type { AppDeps } from "../ports.ts";
import { revokeProfile } from "../revoke-service.ts";
import { findProfile, mayUse } from "../share-service.ts";

export function profileView(profile: Profile): ProfileView {
	return {
		id: profile.id,
		label: profile.label,
		bucket: profile.bucket,
		region: profile.region,
		prefix: profile.prefix,
		actions: profile.actions,
		modes: profile.modes,
		maxTtlSeconds: profile.maxTtlSeconds,
		defaultTtlSeconds: profile.defaultTtlSeconds,
		revocableDirectLinks:
			Boolean(profile.credentials.roleArn) &&
			profile.credentials.session === "per-share",
	};
}

export function profilesRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get("/", (c) =>
			c.json({
				profiles: deps.config.profiles
					.filter((profile) => mayUse(c.var.user, profile))
					.map(profileView),
			}),
		)
		.get("/:id/objects", async (c) => {
			const profile = findProfile(deps, c.var.user, c.req.param("id"));
			const query = readQuery(c, objectsQuerySchema);
			const prefix = query.prefix ?? profile.prefix;
			if (
				!prefix.startsWith(profile.prefix) ||
				prefix.split("/").includes("..")
			) {
				throw new SignetError(
					"key_outside_prefix",
					`Prefix '${prefix}' is not under the profile's prefix '${profile.prefix}'.`,
				);
			}
			return c.json(
				await deps.objects.list({
					profile,
					prefix,
					cursor: query.cursor,
					limit: query.limit,
				}),
			);
		})
		.post("/:id/revoke-all", async (c) => {
			requireAdmin(c.var.user);
			return c.json(await revokeProfile(deps, c.var.user, c.req.param("id")));
		});
}
