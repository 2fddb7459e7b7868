/** The share form: profile, key, lifetime, mode and options; then the result with its countdown. */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { CreateShareResponse, ProfileView } from "../../shared/api.ts";
import { formatDuration } from "../../shared/relative-time.ts";
import { send } from "../lib/messages.ts";
import { allowedPresets } from "./lifetimes.ts";
import { type Prefill, readPrefill } from "./prefill.ts";
import { ShareResult } from "./share-result.tsx";

export function ShareForm({
	defaultTtlSeconds,
}: {
	defaultTtlSeconds: number;
}) {
	const [profiles, setProfiles] = useState<ProfileView[] | null>(null);
	// The form starts from both: it reads its first profile and key once, when it mounts.
	const [prefill, setPrefill] = useState<Prefill | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [result, setResult] = useState<CreateShareResponse | null>(null);
	useEffect(() => {
		send("listProfiles", {}).then(setProfiles, (e: Error) =>
			setError(e.message),
		);
		readPrefill(location.search).then(setPrefill);
	}, []);
	if (result)
		return <ShareResult result={result} onAnother={() => setResult(null)} />;
	if (!profiles || !prefill)
		return error ? (
			<p class="error">{error}</p>
		) : (
			<p class="muted">Loading profiles…</p>
		);
	if (profiles.length === 0)
		return (
			<p class="error">
				You may not use any profile yet. Ask an admin of your Signet backend.
			</p>
		);
	return (
		<Form
			profiles={profiles}
			prefill={prefill}
			defaultTtlSeconds={defaultTtlSeconds}
			onCreated={setResult}
			initialError={error ?? prefill.problem}
		/>
	);
}

interface FormProps {
	profiles: ProfileView[];
	prefill: Prefill;
	defaultTtlSeconds: number;
	onCreated: (result: CreateShareResponse) => void;
	initialError: string | null;
}

function Form({
	profiles,
	prefill,
	defaultTtlSeconds,
	onCreated,
	initialError,
}: FormProps) {
	const first =
		profiles.find((p) => p.bucket === prefill.location?.bucket) ?? profiles[0];
	const [profileId, setProfileId] = useState(first?.id ?? "");
	const profile =
		profiles.find((p) => p.id === profileId) ?? (first as ProfileView);
	const [key, setKey] = useState(prefill.location?.key || profile.prefix);
	const presets = useMemo(
		() => allowedPresets(profile.maxTtlSeconds),
		[profile],
	);
	const [ttl, setTtl] = useState(
		String(Math.min(defaultTtlSeconds, profile.maxTtlSeconds)),
	);
	const [customMinutes, setCustomMinutes] = useState("30");
	const [mode, setMode] = useState(profile.modes[0] ?? "direct");
	const [action, setAction] = useState(profile.actions[0] ?? "get");
	const [filename, setFilename] = useState("");
	const [maxDownloads, setMaxDownloads] = useState("");
	const [error, setError] = useState(initialError);
	const [busy, setBusy] = useState(false);
	useEffect(() => setKey((current) => current || profile.prefix), [profile]);
	const otherBucket =
		prefill.location && prefill.location.bucket !== profile.bucket;

	const submit = async (event: Event) => {
		event.preventDefault();
		setBusy(true);
		setError(null);
		const ttlSeconds =
			ttl === "custom" ? Math.round(Number(customMinutes) * 60) : Number(ttl);
		try {
			const created = await send("createShare", {
				profile: profile.id,
				key,
				ttlSeconds,
				mode,
				action,
				filename: filename.trim() || undefined,
				maxDownloads:
					mode === "managed" && maxDownloads ? Number(maxDownloads) : undefined,
			});
			onCreated(created);
		} catch (e) {
			setError((e as Error).message);
		} finally {
			setBusy(false);
		}
	};

	return (
		<form class="share-form" onSubmit={submit}>
			<label for="profile">Profile</label>
			<select
				id="profile"
				value={profileId}
				onChange={(e) => setProfileId(e.currentTarget.value)}
			>
				{profiles.map((p) => (
					<option key={p.id} value={p.id}>
						{p.label} — {p.bucket}
					</option>
				))}
			</select>
			{otherBucket && (
				<p class="warning">
					The object is in bucket {prefill.location?.bucket}, which no profile
					of yours covers.
				</p>
			)}
			<label for="key">Object key</label>
			<input
				id="key"
				required
				value={key}
				onInput={(e) => setKey(e.currentTarget.value)}
				spellcheck={false}
			/>
			{profile.prefix && <p class="muted">Must be under {profile.prefix}</p>}
			<label for="ttl">Lifetime</label>
			<div class="row">
				<select
					id="ttl"
					class="grow"
					value={ttl}
					onChange={(e) => setTtl(e.currentTarget.value)}
				>
					{presets.map((seconds) => (
						<option key={seconds} value={String(seconds)}>
							{formatDuration(seconds * 1000)}
						</option>
					))}
					<option value="custom">Custom…</option>
				</select>
				{ttl === "custom" && (
					<input
						id="custom-minutes"
						type="number"
						min="1"
						max={Math.floor(profile.maxTtlSeconds / 60)}
						value={customMinutes}
						onInput={(e) => setCustomMinutes(e.currentTarget.value)}
						aria-label="Minutes"
						style="width: 90px"
					/>
				)}
				{ttl === "custom" && <span class="muted">min</span>}
			</div>
			<p class="muted">
				At most {formatDuration(profile.maxTtlSeconds * 1000)} for this profile.
			</p>
			<div class="row">
				<label class="grow">
					Link{" "}
					<select
						id="mode"
						value={mode}
						onChange={(e) => setMode(e.currentTarget.value as typeof mode)}
					>
						{profile.modes.map((m) => (
							<option key={m} value={m}>
								{m === "managed" ? "Managed (revocable)" : "Direct S3 URL"}
							</option>
						))}
					</select>
				</label>
				{profile.actions.length > 1 && (
					<label class="grow">
						Allows{" "}
						<select
							id="action"
							value={action}
							onChange={(e) =>
								setAction(e.currentTarget.value as typeof action)
							}
						>
							<option value="get">Download</option>
							<option value="put">Upload</option>
						</select>
					</label>
				)}
			</div>
			<label for="filename">Download file name (optional)</label>
			<input
				id="filename"
				value={filename}
				onInput={(e) => setFilename(e.currentTarget.value)}
			/>
			{mode === "managed" && (
				<>
					<label for="max-downloads">Download limit (optional)</label>
					<input
						id="max-downloads"
						type="number"
						min="1"
						value={maxDownloads}
						onInput={(e) => setMaxDownloads(e.currentTarget.value)}
					/>
				</>
			)}
			{error && (
				<p class="error" role="alert">
					{error}
				</p>
			)}
			<button class="primary" type="submit" disabled={busy} id="create">
				{busy ? "Creating…" : "Create link"}
			</button>
		</form>
	);
}
