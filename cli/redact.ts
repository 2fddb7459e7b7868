/** `signet redact`: stdin to stdout, byte for byte, except for signatures and session tokens. */
import { redactSecrets } from "../shared/presigned/redact.ts";

/**
 * Works line by line so a secret is never split across two chunks. Text is read as latin1, one
 * character per byte, so bytes that are not valid UTF-8 come out exactly as they went in.
 */
export async function runRedact(
	input: NodeJS.ReadableStream,
	output: NodeJS.WritableStream,
): Promise<number> {
	let pending = "";
	for await (const chunk of input) {
		const text =
			pending + (typeof chunk === "string" ? chunk : chunk.toString("latin1"));
		const lastNewline = text.lastIndexOf("\n");
		pending = text.slice(lastNewline + 1);
		if (lastNewline >= 0)
			await write(output, redactSecrets(text.slice(0, lastNewline + 1)));
	}
	if (pending !== "") await write(output, redactSecrets(pending));
	return 0;
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		output.write(Buffer.from(text, "latin1"), (error) =>
			error ? reject(error) : resolve(),
		);
	});
}
