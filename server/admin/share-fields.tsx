/** @jsxImportSource hono/jsx */
/** Every field of one share, in two cards: the link itself, and its expiry and revocation. */
import type { Child } from "hono/jsx";
import type { ShareRecord } from "../ports.ts";
import { isRevocable } from "../share-view.ts";
import { Countdown, Time } from "./components.tsx";
import { Downloads } from "./share-table.tsx";

export function ShareFields({ share, now }: { share: ShareRecord; now: Date }) {
	return (
		<div class="grid two">
			<Fields
				title="The link"
				rows={[
					["Share id", <code>{share.id}</code>],
					["User", share.user],
					["Profile", share.profileId],
					["Object", <code>{`${share.bucket}/${share.key}`}</code>],
					[
						"Link",
						`${share.mode}, ${share.action === "get" ? "download (GET)" : "upload (PUT)"}`,
					],
					["Created", <Time at={share.createdAt} seconds />],
					["Downloads", <Downloads share={share} />],
					["Download name", share.filename],
					["Content type", share.contentType],
					["Note", share.note],
				]}
			/>
			<Fields
				title="Expiry and revocation"
				rows={[
					["Expires (as signed)", <Time at={share.expiresAt} seconds />],
					[
						"Really stops working",
						<>
							<Time at={share.effectiveExpiresAt} seconds />,{" "}
							<Countdown
								at={share.effectiveExpiresAt}
								now={now}
								upperBound={share.expiryCertainty !== "exact"}
							/>
						</>,
					],
					[
						"Signed with",
						share.credentialType === "long-term"
							? "a long-term access key"
							: "temporary credentials",
					],
					[
						"STS session",
						share.sessionUserId && <code>{share.sessionUserId}</code>,
					],
					[
						"Session ends",
						share.sessionExpiresAt && (
							<Time at={share.sessionExpiresAt} seconds />
						),
					],
					[
						"Revocable",
						isRevocable(share)
							? "yes: revoking stops the link"
							: "no: S3 honours the URL until it expires",
					],
					[
						"Revoked",
						share.revokedAt && (
							<>
								<Time at={share.revokedAt} seconds /> by{" "}
								{share.revokedBy ?? "?"}
							</>
						),
					],
					["What revoking did", share.revocation],
				]}
			/>
		</div>
	);
}

function Fields(props: { title: string; rows: [string, Child][] }) {
	return (
		<section class="card">
			<h3>{props.title}</h3>
			<dl class="fields">
				{props.rows.map(([label, value]) => (
					<>
						<dt>{label}</dt>
						<dd>{value ?? <span class="muted">—</span>}</dd>
					</>
				))}
			</dl>
		</section>
	);
}
