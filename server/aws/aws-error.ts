/** AWS's error answers as one error type, and their description without any secret. */

/** An AWS API error (its `<Code>`), a network failure (NetworkError) or a timeout (TimeoutError). */
export class AwsError extends Error {
	override name = "AwsError";
	readonly code: string;
	/** The HTTP status; undefined when no answer came. */
	readonly status: number | undefined;
	readonly requestId: string | undefined;

	constructor(
		code: string,
		message: string,
		options: { status?: number; requestId?: string } = {},
	) {
		super(message);
		this.code = code;
		this.status = options.status;
		this.requestId = options.requestId;
	}
}

/**
 * An error in words that carry no secret: its code, HTTP status and message, with the given secrets
 * cut out. The cause keeps only those, never the original error (it may hold request details).
 */
export function describeAwsError(
	error: unknown,
	secrets: (string | undefined)[],
): { summary: string; cause: Error } {
	const e = (typeof error === "object" && error !== null ? error : {}) as {
		name?: unknown;
		code?: unknown;
		message?: unknown;
		status?: unknown;
		requestId?: unknown;
	};
	const code = [e.code, e.name].find(
		(value): value is string =>
			typeof value === "string" && value !== "Error" && value !== "AwsError",
	);
	const status = typeof e.status === "number" ? e.status : undefined;
	let message = typeof e.message === "string" ? e.message : String(error);
	for (const secret of secrets) {
		if (secret && secret.length >= 4)
			message = message.replaceAll(secret, "[redacted]");
	}
	const label = `${code ?? "UnknownError"}${status ? ` (HTTP ${status})` : ""}`;
	const requestId = typeof e.requestId === "string" ? e.requestId : undefined;
	return {
		summary: `${label}: ${message}`,
		cause: new Error(requestId ? `${label}, request id ${requestId}` : label),
	};
}
