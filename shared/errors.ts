/** SignetError: the one error type that crosses our boundaries, with a stable code and HTTP status. */

export const ERROR_STATUS = {
	bad_request: 400,
	invalid_key: 400,
	key_outside_prefix: 400,
	ttl_too_long: 400,
	action_not_allowed: 400,
	mode_not_allowed: 400,
	unauthorized: 401,
	forbidden: 403,
	profile_not_allowed: 403,
	not_found: 404,
	conflict: 409,
	gone: 410,
	payload_too_large: 413,
	upstream_failed: 502,
	revocation_failed: 502,
	internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class SignetError extends Error {
	readonly status: number;

	constructor(
		readonly code: ErrorCode,
		message: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = "SignetError";
		this.status = ERROR_STATUS[code];
	}
}

export function isSignetError(error: unknown): error is SignetError {
	return error instanceof SignetError;
}
