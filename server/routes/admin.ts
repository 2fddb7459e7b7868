/**
 * /admin: the admin page, server-rendered (server/admin/). It signs in with a session cookie, not
 * the API's bearer token: every page but sign-in and the assets needs an admin's session, and every
 * POST the session's CSRF token.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { SignetError } from "../../shared/errors.ts";
import { adminActivityRoutes } from "../admin/activity.tsx";
import { adminAssetRoutes } from "../admin/assets.ts";
import { refuseCrossSitePosts, requireCsrf } from "../admin/csrf.ts";
import { adminPages, notFoundPage } from "../admin/errors.tsx";
import { adminProfilesRoutes } from "../admin/profiles.tsx";
import { adminRevokeAllRoutes } from "../admin/revoke-all.tsx";
import { type AdminEnv, requireAdminSession } from "../admin/session.ts";
import { adminShareDetailRoutes } from "../admin/share-detail.tsx";
import { adminSharesRoutes } from "../admin/shares.tsx";
import { adminSignInRoutes, adminSignOutRoutes } from "../admin/sign-in.tsx";
import { adminTokenCreateRoutes } from "../admin/token-created.tsx";
import { adminTokensRoutes } from "../admin/tokens.tsx";
import type { AppDeps } from "../ports.ts";

export function adminRoutes(deps: AppDeps) {
	return (
		new Hono<AdminEnv>()
			.use(adminPages())
			.use(
				bodyLimit({
					maxSize: 16 * 1024,
					onError: () => {
						throw new SignetError(
							"payload_too_large",
							"The form is larger than 16 KB.",
						);
					},
				}),
			)
			.use(refuseCrossSitePosts())
			.route("/assets", adminAssetRoutes())
			.route("/", adminSignInRoutes(deps))
			// Everything below: signed-in admins only, and POSTs with the session's CSRF token.
			.use(requireAdminSession(deps))
			.use(requireCsrf())
			.route("/", adminSignOutRoutes(deps))
			.route("/", adminSharesRoutes(deps))
			.route("/", adminShareDetailRoutes(deps))
			.route("/", adminRevokeAllRoutes(deps))
			.route("/", adminTokensRoutes(deps))
			.route("/", adminTokenCreateRoutes(deps))
			.route("/", adminProfilesRoutes(deps))
			.route("/", adminActivityRoutes(deps))
			.all("*", notFoundPage())
	);
}
