/** The popup's frame: signed-out notice, or the Share and My shares tabs. */

import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { type SettingsView, send } from "../lib/messages.ts";
import { MyShares } from "./my-shares.tsx";
import { ShareForm } from "./share-form.tsx";

export function Popup() {
	const [settings, setSettings] = useState<SettingsView | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [tab, setTab] = useState<"share" | "shares">("share");
	useEffect(() => {
		send("getSettings", {}).then(setSettings, (e: Error) =>
			setError(e.message),
		);
	}, []);
	if (error) return <p class="error popup">{error}</p>;
	if (!settings) return <p class="muted popup">Loading…</p>;
	if (!settings.signedIn) {
		return (
			<div class="popup">
				<h1>Signet</h1>
				<p>Connect Signet to your team's backend to share S3 objects.</p>
				<button
					class="primary"
					type="button"
					onClick={() => browser.runtime.openOptionsPage()}
				>
					Open options to sign in
				</button>
			</div>
		);
	}
	return (
		<div class="popup">
			<div class="tabs" role="tablist">
				<button
					type="button"
					role="tab"
					aria-selected={tab === "share"}
					onClick={() => setTab("share")}
				>
					Share
				</button>
				<button
					type="button"
					role="tab"
					aria-selected={tab === "shares"}
					onClick={() => setTab("shares")}
				>
					My shares
				</button>
				<span class="grow" />
				<span class="muted" title={settings.backendUrl}>
					{settings.user}
				</span>
			</div>
			{tab === "share" ? (
				<ShareForm defaultTtlSeconds={settings.defaultTtlSeconds} />
			) : (
				<MyShares />
			)}
		</div>
	);
}
