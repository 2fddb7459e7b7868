/** Paste a presigned URL: see what it grants and when it dies (decoded locally), check it on demand. */
import { useMemo, useState } from "preact/hooks";
import { decode } from "../../shared/presigned/decode.ts";
import { redactSecrets } from "../../shared/presigned/redact.ts";
import { DecodedDetails } from "../lib/decoded-details.tsx";
import { type CheckResult, send } from "../lib/messages.ts";
import { requestOriginAccess } from "../lib/permissions.ts";
import { useNow } from "../lib/use-now.ts";
import { Verdict } from "./verdict.tsx";

type Check =
	| { state: "idle" }
	| { state: "checking"; url: string }
	| { state: "done"; url: string; result: CheckResult; atMs: number }
	| { state: "failed"; url: string; message: string };

export function Inspector({ initialUrl }: { initialUrl: string }) {
	const [input, setInput] = useState(initialUrl);
	const [check, setCheck] = useState<Check>({ state: "idle" });
	const [copied, setCopied] = useState<string | null>(null);
	const nowMs = useNow();
	const url = input.trim();
	const decoded = useMemo(
		() => (url ? decode(url, { nowMs }) : null),
		[url, nowMs],
	);
	const current = check.state !== "idle" && check.url === url ? check : null;

	async function onCheck() {
		const target = url;
		setCheck({ state: "checking", url: target });
		try {
			// First, while the click still counts as a user gesture.
			if (!(await requestOriginAccess(target))) {
				const { host } = new URL(target);
				const message = `Checking needs your permission for Signet to contact ${host}. Decoding above needs none.`;
				setCheck({ state: "failed", url: target, message });
				return;
			}
			const result = await send("checkUrl", { url: target });
			setCheck({ state: "done", url: target, result, atMs: Date.now() });
		} catch (error) {
			setCheck({
				state: "failed",
				url: target,
				message: (error as Error).message,
			});
		}
	}

	async function onCopy() {
		try {
			await navigator.clipboard.writeText(redactSecrets(url));
			setCopied(
				"Copied without its signature and session token: safe to paste into a ticket.",
			);
		} catch {
			setCopied(
				"The browser refused access to the clipboard. Reload the page and try again.",
			);
		}
		setTimeout(() => setCopied(null), 4000);
	}

	return (
		<main class="inspector">
			<header>
				<h1>Signet inspector</h1>
				<p class="muted">
					Decoding happens locally in your browser; only “Check now” contacts
					the URL's host.
				</p>
			</header>
			<label for="url">Presigned URL</label>
			<textarea
				id="url"
				class="mono"
				rows={4}
				spellcheck={false}
				autofocus={!initialUrl}
				placeholder="Paste a presigned URL: S3, Google Cloud Storage, Azure SAS or CloudFront"
				value={input}
				onInput={(event) => setInput(event.currentTarget.value)}
			/>
			<div class="row actions">
				<button
					type="button"
					class="primary"
					disabled={!decoded?.ok || current?.state === "checking"}
					onClick={onCheck}
				>
					{current?.state === "checking" ? "Checking…" : "Check now"}
				</button>
				<button type="button" disabled={!url} onClick={onCopy}>
					Redacted copy
				</button>
				{copied && <span class="muted">{copied}</span>}
			</div>
			{current?.state === "done" && (
				<Verdict result={current.result} checkedAtMs={current.atMs} />
			)}
			{current?.state === "failed" && <p class="error">{current.message}</p>}
			{decoded && !decoded.ok && <p class="error">{decoded.error.message}</p>}
			{decoded?.ok && <DecodedDetails decoded={decoded.value} nowMs={nowMs} />}
		</main>
	);
}
