/** @jsxImportSource hono/jsx */
/** Small pieces the admin pages share: status badges, countdowns, notices and confirmed forms. */
import type { Child } from "hono/jsx";
import { utcText } from "../../shared/relative-time.ts";
import type { ShareStatus } from "../ports.ts";
import { countdown, SOON_MS } from "./format.ts";
import { CsrfField } from "./layout.tsx";

export function StatusBadge({ status }: { status: ShareStatus }) {
	return <span class={`badge ${status}`}>{status}</span>;
}

/** A time in UTC, machine-readable too. */
export function Time({ at, seconds }: { at: string; seconds?: boolean }) {
	return (
		<time datetime={at} title={at}>
			{utcText(at, { seconds: seconds ?? false })}
		</time>
	);
}

/** `in 45 min`, kept live by admin.js; "at most" when the credentials may end sooner. */
export function Countdown(props: {
	at: string;
	now: Date;
	upperBound?: boolean;
}) {
	const left = Date.parse(props.at) - props.now.getTime();
	return (
		<span class="nowrap">
			<time
				class={`countdown${left <= 0 ? " past" : left < SOON_MS ? " soon" : ""}`}
				datetime={props.at}
				title={utcText(props.at)}
				data-expires-at={props.at}
			>
				{countdown(Date.parse(props.at), props.now.getTime())}
			</time>
			{props.upperBound && (
				<span
					class="bound"
					title="An upper bound: the signing credentials may end sooner."
				>
					{" "}
					at most
				</span>
			)}
		</span>
	);
}

export function Notice(props: {
	kind: "ok" | "warn" | "error";
	title?: string;
	children?: Child;
}) {
	return (
		<div class={`notice ${props.kind}`} role="status">
			{props.title && <strong>{props.title}</strong>}
			{props.children}
		</div>
	);
}

/**
 * A POST form that asks first: admin.js asks with window.confirm and sends confirm=yes; without
 * script the server answers with a confirmation page instead of acting (see confirm.tsx).
 */
export function ConfirmForm(props: {
	action: string;
	question: string;
	label: string;
	csrfToken: string;
	danger?: boolean;
}) {
	return (
		<form method="post" action={props.action} data-confirm={props.question}>
			<CsrfField token={props.csrfToken} />
			<input type="hidden" name="confirm" value="" />
			<button
				type="submit"
				class={props.danger === false ? "secondary" : "danger-outline"}
			>
				{props.label}
			</button>
		</form>
	);
}
