/** The user's shares with live countdowns and status; revoke one with a confirmation. */
import { useEffect, useState } from "preact/hooks";
import type { Share } from "../../shared/api.ts";
import { Countdown } from "../lib/countdown.tsx";
import { send } from "../lib/messages.ts";
import { useNow } from "../lib/use-now.ts";

export function MyShares() {
	const nowMs = useNow();
	const [shares, setShares] = useState<Share[] | null>(null);
	const [cursor, setCursor] = useState<string | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const load = (from?: string) =>
		send("listShares", { cursor: from }).then(
			(page) => {
				setShares((current) =>
					from && current ? [...current, ...page.shares] : page.shares,
				);
				setCursor(page.nextCursor);
			},
			(e: Error) => setError(e.message),
		);
	useEffect(() => {
		void load();
	}, []);
	const revoke = async (share: Share) => {
		try {
			const { share: revoked, message } = await send("revokeShare", {
				id: share.id,
			});
			setShares(
				(current) =>
					current?.map((s) => (s.id === revoked.id ? revoked : s)) ?? null,
			);
			setNotice(message);
		} catch (e) {
			setError((e as Error).message);
		}
	};
	if (error) return <p class="error">{error}</p>;
	if (!shares) return <p class="muted">Loading your shares…</p>;
	if (shares.length === 0)
		return <p class="muted">You have not shared anything yet.</p>;
	return (
		<div class="my-shares">
			{notice && (
				<p class="notice" role="status">
					{notice}
				</p>
			)}
			<ul class="share-list">
				{shares.map((share) => (
					<ShareRow
						key={share.id}
						share={share}
						nowMs={nowMs}
						onRevoke={() => revoke(share)}
					/>
				))}
			</ul>
			{cursor && (
				<button type="button" onClick={() => load(cursor)}>
					Show more
				</button>
			)}
		</div>
	);
}

function ShareRow({
	share,
	nowMs,
	onRevoke,
}: {
	share: Share;
	nowMs: number;
	onRevoke: () => Promise<void>;
}) {
	const [confirming, setConfirming] = useState(false);
	const live = share.status === "active";
	return (
		<li class="share-row" data-share-id={share.id}>
			<div class="row">
				<strong class="grow key" title={`${share.bucket}/${share.key}`}>
					{share.key}
				</strong>
				<span class={`status status-${share.status}`}>{share.status}</span>
			</div>
			<div class="row muted">
				<span>
					{share.mode === "managed"
						? `managed · ${downloadCount(share.downloads, share.maxDownloads)}`
						: "direct"}
				</span>
				<span class="grow" />
				{live && (
					<Countdown
						expiresAtMs={Date.parse(share.effectiveExpiresAt)}
						certainty={share.expiryCertainty}
						nowMs={nowMs}
					/>
				)}
			</div>
			{live &&
				(confirming ? (
					<div class="row confirm">
						<span class="grow">
							{share.revocable
								? "Revoke this link now?"
								: "Record as revoked? S3 will still honour it until it expires."}
						</span>
						<button
							type="button"
							class="danger"
							onClick={() => onRevoke().then(() => setConfirming(false))}
						>
							Revoke
						</button>
						<button type="button" onClick={() => setConfirming(false)}>
							Cancel
						</button>
					</div>
				) : (
					<button
						type="button"
						class="danger revoke"
						onClick={() => setConfirming(true)}
					>
						Revoke…
					</button>
				))}
		</li>
	);
}

/** "1 download", "3 downloads", "1/5 downloads": the limit, when there is one, after a slash. */
function downloadCount(downloads: number, limit: number | null): string {
	const noun = (limit ?? downloads) === 1 ? "download" : "downloads";
	return `${downloads}${limit ? `/${limit}` : ""} ${noun}`;
}
