/** @jsxImportSource hono/jsx */
/** The emergency buttons: revoke every share of a profile or of a user, and say what that achieved. */
import { Hono } from "hono";
import { SignetError } from "../../shared/errors.ts";
import type { AppDeps } from "../ports.ts";
import { revokeProfile } from "../revoke-service.ts";
import { USER_NAME } from "../tokens.ts";
import { Notice } from "./components.tsx";
import { confirmPage } from "./confirm.tsx";
import { viewerOf } from "./errors.tsx";
import { isConfirmed } from "./form.ts";
import { count } from "./format.ts";
import { Layout, render } from "./layout.tsx";
import { whatRevokeAllDoes } from "./profiles.tsx";
import { revokeUserShares } from "./revoke-user.ts";
import { UserResult } from "./revoke-user-result.tsx";
import type { AdminEnv } from "./session.ts";
import { sharesHref } from "./share-filters.tsx";

export function adminRevokeAllRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>()
		.post("/profiles/:id/revoke-all", async (c) => {
			const id = c.req.param("id");
			const profile = deps.config.profiles.find((p) => p.id === id);
			if (!profile)
				throw new SignetError("not_found", `There is no profile '${id}'.`);
			if (!(await isConfirmed(c))) {
				return confirmPage(c, {
					title: `Revoke every share of '${profile.id}'?`,
					explanation: <p>{whatRevokeAllDoes(profile)}</p>,
					action: `/admin/profiles/${encodeURIComponent(profile.id)}/revoke-all`,
					button: "Revoke all of them",
					cancelHref: "/admin/profiles",
				});
			}
			const result = await revokeProfile(deps, c.var.user, profile.id);
			return render(
				c,
				<Layout title="Revoked" viewer={viewerOf(c.var)} section="profiles">
					<h1>Every share of '{profile.id}' revoked</h1>
					<Notice
						kind={profile.credentials.roleArn ? "ok" : "warn"}
						title={`${count(result.revoked, "share")} revoked.`}
					>
						{result.message}
					</Notice>
					<p>
						<a href={sharesHref({ profile: profile.id })}>
							See the profile's shares
						</a>{" "}
						· <a href="/admin/profiles">Back to the profiles</a>
					</p>
				</Layout>,
			);
		})
		.post("/users/:user/revoke-all", async (c) => {
			const user = c.req.param("user");
			if (!USER_NAME.test(user))
				throw new SignetError("bad_request", `'${user}' is not a user name.`);
			if (!(await isConfirmed(c))) {
				return confirmPage(c, {
					title: `Revoke every share of ${user}?`,
					explanation: (
						<p>
							Managed links answer 410 at once; direct links signed by their own
							STS session are denied through IAM. Direct links signed with
							long-term keys or a shared session are recorded as revoked, but S3
							honours them until they expire: the result lists them.
						</p>
					),
					action: `/admin/users/${encodeURIComponent(user)}/revoke-all`,
					button: `Revoke all of ${user}'s shares`,
					cancelHref: sharesHref({ user }),
				});
			}
			const result = await revokeUserShares(deps, c.var.user, user);
			return render(
				c,
				<Layout title="Revoked" viewer={viewerOf(c.var)} section="shares">
					<h1>Every share of {user} revoked</h1>
					<UserResult result={result} />
					<p>
						<a href={sharesHref({ user })}>See {user}'s shares</a>
					</p>
				</Layout>,
			);
		});
}
