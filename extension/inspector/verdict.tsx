/** The answer to "Check now": the verdict as a headline, its explanation, and the server's status and code. */
import type { CheckResult, CheckVerdict } from "../lib/messages.ts";

const HEADLINES: Record<
	CheckVerdict,
	{ text: string; tone: "good" | "bad" | "unsure" }
> = {
	works: { text: "Works", tone: "good" },
	expired: { text: "Expired", tone: "bad" },
	"credentials-expired": { text: "Signing credentials expired", tone: "bad" },
	"signature-mismatch": { text: "Signature does not match", tone: "bad" },
	"access-denied": { text: "Access denied", tone: "bad" },
	"not-found": { text: "Object not found", tone: "bad" },
	unreachable: { text: "Host unreachable", tone: "unsure" },
	other: { text: "Refused", tone: "bad" },
};

export function Verdict({
	result,
	checkedAtMs,
}: {
	result: CheckResult;
	checkedAtMs: number;
}) {
	const headline = HEADLINES[result.verdict];
	const answer = [
		result.status !== null && `HTTP ${result.status}`,
		result.code,
	]
		.filter(Boolean)
		.join(" · ");
	return (
		<section class={`verdict verdict-${headline.tone}`} aria-live="polite">
			<h2>{headline.text}</h2>
			<p>{result.message}</p>
			<p class="muted">
				{answer && <code>{answer}</code>}
				{answer && " · "}
				checked at {new Date(checkedAtMs).toLocaleTimeString()}
			</p>
		</section>
	);
}
