/** @jsxImportSource hono/jsx */
/** /admin/shares/:id: every field of one share, its audit trail, and revoking it. */
import { Hono } from "hono";
import { SignetError } from "../../shared/errors.ts";
import type { AppDeps, AuditEvent, ShareRecord } from "../ports.ts";
import { revokeRecord } from "../revoke-service.ts";
import { isRevocable, statusOf } from "../share-view.ts";
import { AuditTrail } from "./audit-trail.tsx";
import { ConfirmForm, Notice, StatusBadge } from "./components.tsx";
import { confirmPage } from "./confirm.tsx";
import { viewerOf } from "./errors.tsx";
import { isConfirmed } from "./form.ts";
import { Layout, render, type Viewer } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";
import { ShareFields } from "./share-fields.tsx";
import { sharesHref } from "./share-filters.tsx";

const TRAIL_LIMIT = 200;

export function adminShareDetailRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>()
		.get("/shares/:id", async (c) => {
			const share = await findShare(deps, c.req.param("id"));
			const trail = await deps.store.audit.list({
				shareId: share.id,
				limit: TRAIL_LIMIT,
			});
			return render(
				c,
				<ShareDetailPage
					viewer={viewerOf(c.var)}
					share={share}
					events={trail.items}
					isTrailCut={trail.nextCursor !== null}
					now={deps.clock.now()}
					justRevoked={c.req.query("done") === "revoked"}
				/>,
			);
		})
		.post("/shares/:id/revoke", async (c) => {
			const share = await findShare(deps, c.req.param("id"));
			const href = detailHref(share.id);
			if (!(await isConfirmed(c))) {
				return confirmPage(c, {
					title: "Revoke this share?",
					explanation: (
						<p>
							{share.user}'s {share.mode} link to{" "}
							<code>
								{share.bucket}/{share.key}
							</code>
							. {whatRevokingDoes(share)}
						</p>
					),
					action: `${href}/revoke`,
					button: "Revoke the share",
					cancelHref: href,
				});
			}
			await revokeRecord(deps, c.var.user, share);
			return c.redirect(`${href}?done=revoked`, 303);
		});
}

async function findShare(deps: AppDeps, id: string): Promise<ShareRecord> {
	const share = await deps.store.shares.get(id);
	if (!share) throw new SignetError("not_found", `There is no share '${id}'.`);
	return share;
}

export const detailHref = (id: string) =>
	`/admin/shares/${encodeURIComponent(id)}`;

function whatRevokingDoes(share: ShareRecord): string {
	if (share.mode === "managed")
		return "The managed link will answer 410 Gone at once.";
	if (share.sessionUserId !== null)
		return "IAM will deny the share's own STS session, so S3 refuses the URL within seconds.";
	return `It will be recorded as revoked, but S3 honours the URL until it expires (at most until ${share.effectiveExpiresAt}): it was signed with credentials that cannot be revoked per URL.`;
}

interface ShareDetailProps {
	viewer: Viewer | null;
	share: ShareRecord;
	events: AuditEvent[];
	isTrailCut: boolean;
	now: Date;
	justRevoked: boolean;
}

function ShareDetailPage(props: ShareDetailProps) {
	const { share, viewer, now } = props;
	const status = statusOf(share, now);
	const href = detailHref(share.id);
	return (
		<Layout title={`Share ${share.id}`} viewer={viewer} section="shares">
			<p class="small">
				<a href="/admin">← All shares</a>
			</p>
			<div class="page-head">
				<div>
					<h1 class="object">{share.key}</h1>
					<p class="muted">
						<StatusBadge status={status} /> A {share.mode}{" "}
						{share.action === "get" ? "download" : "upload"} link by{" "}
						<a href={sharesHref({ user: share.user })}>{share.user}</a>, profile{" "}
						<a href={sharesHref({ profile: share.profileId })}>
							{share.profileId}
						</a>
					</p>
				</div>
				{viewer && share.revokedAt === null && (
					<ConfirmForm
						action={`${href}/revoke`}
						question={`Revoke this share? ${whatRevokingDoes(share)}`}
						label="Revoke…"
						csrfToken={viewer.csrfToken}
					/>
				)}
			</div>
			{props.justRevoked && share.revokedAt !== null && (
				<Notice kind={isRevocable(share) ? "ok" : "warn"} title="Revoked.">
					{share.revocation}
				</Notice>
			)}
			<ShareFields share={share} now={now} />
			<h2>Audit trail</h2>
			<AuditTrail events={props.events} share={share} />
			{props.isTrailCut && (
				<p class="muted small">Showing the newest {TRAIL_LIMIT} events.</p>
			)}
		</Layout>
	);
}
