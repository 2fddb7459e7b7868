/** The options page: sign-in, defaults and the sites where page inspection is on. */
import { useEffect, useState } from "preact/hooks";
import { formatDuration } from "../../shared/relative-time.ts";
import { type SettingsView, send } from "../lib/messages.ts";
import { requestOriginAccess } from "../lib/permissions.ts";
import { LIFETIME_PRESETS } from "../popup/lifetimes.ts";

export function Options() {
	const [settings, setSettings] = useState<SettingsView | null>(null);
	const [error, setError] = useState<string | null>(null);
	useEffect(() => {
		send("getSettings", {}).then(setSettings, (e: Error) =>
			setError(e.message),
		);
	}, []);
	const run = (action: Promise<SettingsView>) =>
		action.then(
			(next) => {
				setSettings(next);
				setError(null);
			},
			(e: Error) => setError(e.message),
		);
	return (
		<main class="page">
			<h1>Signet options</h1>
			{error && (
				<p class="error" role="alert">
					{error}
				</p>
			)}
			{settings && (
				<>
					<SignIn settings={settings} run={run} />
					<Defaults settings={settings} run={run} />
					<Inspection settings={settings} run={run} />
				</>
			)}
		</main>
	);
}

type SectionProps = {
	settings: SettingsView;
	run: (action: Promise<SettingsView>) => Promise<void>;
};

function SignIn({ settings, run }: SectionProps) {
	const [backendUrl, setBackendUrl] = useState(
		settings.backendUrl || "http://127.0.0.1:8787",
	);
	const [token, setToken] = useState("");
	const [busy, setBusy] = useState(false);
	if (settings.signedIn) {
		return (
			<section>
				<h2>Backend</h2>
				<p>
					Signed in to <code>{settings.backendUrl}</code> as{" "}
					<strong>{settings.user}</strong> ({settings.role}).
				</p>
				<button type="button" onClick={() => run(send("signOut", {}))}>
					Sign out
				</button>
			</section>
		);
	}
	const submit = async (event: Event) => {
		event.preventDefault();
		setBusy(true);
		// The backend's origin is an optional permission: asked for now, while the user clicks.
		await requestOriginAccess(backendUrl);
		await run(send("signIn", { backendUrl, token }));
		setBusy(false);
	};
	return (
		<section>
			<h2>Connect to your Signet backend</h2>
			<form onSubmit={submit}>
				<label for="backend">Backend URL</label>
				<input
					id="backend"
					type="url"
					required
					value={backendUrl}
					onInput={(e) => setBackendUrl(e.currentTarget.value)}
				/>
				<label for="token">API token</label>
				<input
					id="token"
					type="password"
					required
					autocomplete="off"
					placeholder="sgt_…"
					value={token}
					onInput={(e) => setToken(e.currentTarget.value)}
				/>
				<p class="muted">
					Your administrator gives you a token (signet token create --user
					NAME). Signet never asks for AWS keys.
				</p>
				<button class="primary" type="submit" disabled={busy}>
					{busy ? "Checking…" : "Sign in"}
				</button>
			</form>
		</section>
	);
}

function Defaults({ settings, run }: SectionProps) {
	return (
		<section>
			<h2>Default lifetime of new links</h2>
			<select
				id="default-ttl"
				value={String(settings.defaultTtlSeconds)}
				onChange={(e) =>
					run(
						send("saveDefaults", {
							defaultTtlSeconds: Number(e.currentTarget.value),
						}),
					)
				}
			>
				{LIFETIME_PRESETS.map((seconds) => (
					<option key={seconds} value={String(seconds)}>
						{formatDuration(seconds * 1000)}
					</option>
				))}
			</select>
		</section>
	);
}

function Inspection({ settings, run }: SectionProps) {
	const [site, setSite] = useState("");
	const add = async (event: Event) => {
		event.preventDefault();
		if (!(await requestOriginAccess(site))) {
			await run(
				Promise.reject(
					new Error(
						`Access to ${site} was not granted, so Signet cannot inspect its pages.`,
					),
				),
			);
			return;
		}
		await run(send("setSiteInspection", { origin: site, enabled: true }));
		setSite("");
	};
	return (
		<section>
			<h2>Page inspection</h2>
			<p class="muted">
				On these sites Signet marks every presigned link with when it really
				expires. Decoding happens in your browser; no page address leaves it.
			</p>
			<ul id="inspected-sites">
				{settings.inspectedSites.length === 0 && (
					<li class="muted">No site yet.</li>
				)}
				{settings.inspectedSites.map((origin) => (
					<li key={origin} class="row">
						<code class="grow">{origin}</code>
						<button
							type="button"
							onClick={() =>
								run(send("setSiteInspection", { origin, enabled: false }))
							}
						>
							Turn off
						</button>
					</li>
				))}
			</ul>
			<form class="row" onSubmit={add}>
				<input
					type="url"
					required
					placeholder="https://intranet.example.com"
					value={site}
					onInput={(e) => setSite(e.currentTarget.value)}
				/>
				<button type="submit">Turn on</button>
			</form>
		</section>
	);
}
