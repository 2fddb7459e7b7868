/** `signet inspect`: decode URLs from the arguments, or one per line from stdin. */
import { createInterface } from "node:readline";
import { decode } from "../shared/presigned/decode.ts";
import { decodedJson } from "../shared/presigned/decoded-json.ts";
import { redactSecrets } from "../shared/presigned/redact.ts";
import { CliError } from "./cli-error.ts";
import { formatDecoded } from "./format-decoded.ts";

export interface InspectOptions {
	urls: string[];
	json: boolean;
	nowMs: number;
}

export async function runInspect({
	urls,
	json,
	nowMs,
}: InspectOptions): Promise<number> {
	if (urls.length > 1) {
		throw new CliError(
			"Give one URL, or none to read them from stdin (quote URLs: '&' splits shell commands).",
			2,
		);
	}
	const [url] = urls;
	if (url !== undefined) {
		const result = decode(url, { nowMs });
		if (!result.ok) throw new CliError(result.error.message, 1);
		process.stdout.write(
			json
				? `${JSON.stringify(decodedJson(result.value), null, 2)}\n`
				: formatDecoded(result.value, nowMs),
		);
		return 0;
	}
	if (process.stdin.isTTY) {
		throw new CliError(
			"Give a URL to inspect, or pipe URLs in, one per line.",
			2,
		);
	}
	return inspectLines(nowMs);
}

/** One JSON line per non-empty input line; a line that fails says so in place and sets exit code 1. */
async function inspectLines(nowMs: number): Promise<number> {
	let exitCode = 0;
	let lineNumber = 0;
	for await (const line of createInterface({
		input: process.stdin,
		crlfDelay: Number.POSITIVE_INFINITY,
	})) {
		lineNumber += 1;
		const url = line.trim();
		if (url === "") continue;
		const result = decode(url, { nowMs });
		if (result.ok) {
			process.stdout.write(`${JSON.stringify(decodedJson(result.value))}\n`);
		} else {
			exitCode = 1;
			process.stdout.write(
				`${JSON.stringify({ line: lineNumber, input: redactSecrets(url), error: result.error })}\n`,
			);
		}
	}
	return exitCode;
}
