/** @jsxImportSource hono/jsx */
/** The shares table: one row per share, linking to its page, with status and a live countdown. */
import type { ShareRecord } from "../ports.ts";
import { statusOf } from "../share-view.ts";
import { Countdown, StatusBadge, Time } from "./components.tsx";
import { sharesHref } from "./share-filters.tsx";

export function SharesTable(props: { shares: ShareRecord[]; now: Date }) {
	return (
		<div class="table-wrap">
			<table>
				<thead>
					<tr>
						<th>Created</th>
						<th>User</th>
						<th>Profile</th>
						<th>Object</th>
						<th>Link</th>
						<th>Stops working</th>
						<th class="num">Downloads</th>
						<th>Status</th>
					</tr>
				</thead>
				<tbody>
					{props.shares.map((share) => (
						<ShareRow share={share} now={props.now} />
					))}
				</tbody>
			</table>
		</div>
	);
}

function ShareRow({ share, now }: { share: ShareRecord; now: Date }) {
	const detail = `/admin/shares/${encodeURIComponent(share.id)}`;
	return (
		<tr data-share-id={share.id}>
			<td class="nowrap">
				<Time at={share.createdAt} />
			</td>
			<td>
				<a href={sharesHref({ user: share.user })}>{share.user}</a>
			</td>
			<td>
				<a href={sharesHref({ profile: share.profileId })}>{share.profileId}</a>
			</td>
			<td class="object">
				<a href={detail}>{share.key}</a>
				<span class="bucket">{share.bucket}</span>
			</td>
			<td class="nowrap">
				{share.mode} · {share.action}
			</td>
			<td>
				<Countdown
					at={share.effectiveExpiresAt}
					now={now}
					upperBound={share.expiryCertainty !== "exact"}
				/>
			</td>
			<td class="num">
				<Downloads share={share} />
			</td>
			<td>
				<StatusBadge status={statusOf(share, now)} />
			</td>
		</tr>
	);
}

export function Downloads({ share }: { share: ShareRecord }) {
	if (share.mode === "direct")
		return (
			<span title="S3 does not tell anyone how often a direct URL is used.">
				—
			</span>
		);
	return (
		<span>
			{share.downloads}
			{share.maxDownloads !== null && ` / ${share.maxDownloads}`}
		</span>
	);
}
