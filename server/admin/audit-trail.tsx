/** @jsxImportSource hono/jsx */
/** A table of audit events: one share's trail on its page, or everything on /admin/activity. */
import type { AuditEvent, ShareRecord } from "../ports.ts";
import { Time } from "./components.tsx";
import { EVENT_LABELS } from "./format.ts";

export function AuditTrail(props: {
	events: AuditEvent[];
	/** On a share's page: a revocation without its own event (revoke-all of a profile) is shown too. */
	share?: ShareRecord;
	showShare?: boolean;
}) {
	const events = withRevocation(props.events, props.share);
	if (events.length === 0)
		return (
			<div class="table-wrap empty">
				<strong>No events yet.</strong>
			</div>
		);
	return (
		<div class="table-wrap">
			<table>
				<thead>
					<tr>
						<th>Time</th>
						<th>Event</th>
						{props.showShare && <th>Share</th>}
						<th>Who</th>
						<th>Client address</th>
						<th>User agent</th>
						<th>Detail</th>
					</tr>
				</thead>
				<tbody>
					{events.map((event) => (
						<tr data-event={event.type}>
							<td class="nowrap">
								<Time at={event.at} seconds />
							</td>
							<td class="nowrap">{EVENT_LABELS[event.type] ?? event.type}</td>
							{props.showShare && (
								<td class="nowrap">
									{event.shareId && (
										<a
											href={`/admin/shares/${encodeURIComponent(event.shareId)}`}
										>
											{event.shareId}
										</a>
									)}
								</td>
							)}
							<td>{event.actor ?? <span class="muted">visitor</span>}</td>
							<td class="nowrap">{event.clientIp ?? "—"}</td>
							<td class="ua">{event.userAgent ?? "—"}</td>
							<td>{event.detail}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** Revoke-all of a profile writes one summary event; the share's own record says when and by whom. */
function withRevocation(
	events: AuditEvent[],
	share: ShareRecord | undefined,
): AuditEvent[] {
	if (!share?.revokedAt || events.some((e) => e.type === "share.revoked"))
		return events;
	const revoked: AuditEvent = {
		id: 0,
		at: share.revokedAt,
		type: "share.revoked",
		shareId: share.id,
		actor: share.revokedBy,
		userAgent: null,
		clientIp: null,
		detail: share.revocation,
	};
	return [...events, revoked].sort((a, b) =>
		a.at < b.at ? 1 : a.at > b.at ? -1 : 0,
	);
}
