/** @jsxImportSource hono/jsx */
/** GET /admin/profiles: what each configured profile allows, read-only, with its emergency button. */
import { Hono } from "hono";
import { formatSeconds } from "../../shared/relative-time.ts";
import type { Profile } from "../config.ts";
import type { AppDeps } from "../ports.ts";
import { ConfirmForm } from "./components.tsx";
import { viewerOf } from "./errors.tsx";
import { Layout, render, type Viewer } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";
import { sharesHref } from "./share-filters.tsx";

export function adminProfilesRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>().get("/profiles", (c) =>
		render(
			c,
			<ProfilesPage viewer={viewerOf(c.var)} profiles={deps.config.profiles} />,
		),
	);
}

/** What revoke-all does for this profile, in words. */
export function whatRevokeAllDoes(profile: Profile): string {
	return profile.credentials.roleArn
		? `IAM will deny every session of ${profile.credentials.roleArn} issued before now: every direct link of '${profile.id}' stops working and its managed links answer 410. New links work again right after.`
		: `Managed links of '${profile.id}' will answer 410. Its direct links were signed with long-term keys: S3 honours them until they expire.`;
}

function ProfilesPage(props: { viewer: Viewer | null; profiles: Profile[] }) {
	return (
		<Layout title="Profiles" viewer={props.viewer} section="profiles">
			<div class="page-head">
				<div>
					<h1>Profiles</h1>
					<p class="muted">
						What each profile of <code>signet.config.json</code> allows. Change
						them in the file and restart the backend.
					</p>
				</div>
			</div>
			<div class="grid">
				{props.profiles.map((profile) => (
					<ProfileCard profile={profile} viewer={props.viewer} />
				))}
			</div>
		</Layout>
	);
}

function ProfileCard(props: { profile: Profile; viewer: Viewer | null }) {
	const { profile, viewer } = props;
	const { credentials } = profile;
	const isRevocable =
		Boolean(credentials.roleArn) && credentials.session === "per-share";
	return (
		<section class="card" data-profile={profile.id}>
			<h2>
				{profile.label} <span class="muted small">({profile.id})</span>
			</h2>
			<dl class="fields">
				<dt>Bucket</dt>
				<dd>
					<code>{profile.bucket}</code> in {profile.region}
					{profile.endpoint && (
						<span class="muted"> at {profile.endpoint}</span>
					)}
				</dd>
				<dt>Prefix</dt>
				<dd>
					{profile.prefix ? <code>{profile.prefix}</code> : "the whole bucket"}
				</dd>
				<dt>Actions</dt>
				<dd>
					{profile.actions.map((a) => (
						<span class="tag">{a === "get" ? "download" : "upload"}</span>
					))}
				</dd>
				<dt>Links</dt>
				<dd>
					{profile.modes.map((m) => (
						<span class="tag">{m}</span>
					))}
				</dd>
				<dt>Lifetime</dt>
				<dd>
					default {formatSeconds(profile.defaultTtlSeconds)}, at most{" "}
					{formatSeconds(profile.maxTtlSeconds)}
				</dd>
				<dt>Users</dt>
				<dd>
					{profile.users.includes("*") ? "everyone" : profile.users.join(", ")}
					<span class="muted"> (admins always)</span>
				</dd>
				<dt>Signs with</dt>
				<dd>
					{credentials.roleArn ? (
						<>
							role <code>{credentials.roleArn}</code>, {credentials.session}{" "}
							sessions of up to {formatSeconds(credentials.maxSessionSeconds)}
						</>
					) : (
						"the backend's own identity (long-term keys)"
					)}
				</dd>
				<dt>Direct links revocable</dt>
				<dd>
					{isRevocable
						? "yes, one by one (each share has its own STS session)"
						: "no: S3 honours a direct URL until it expires; managed links always are"}
				</dd>
			</dl>
			<div class="actions">
				<a class="button secondary" href={sharesHref({ profile: profile.id })}>
					Its shares
				</a>
				{viewer && (
					<ConfirmForm
						action={`/admin/profiles/${encodeURIComponent(profile.id)}/revoke-all`}
						question={`Revoke every share of '${profile.id}'? ${whatRevokeAllDoes(profile)}`}
						label="Revoke all…"
						csrfToken={viewer.csrfToken}
					/>
				)}
			</div>
		</section>
	);
}
