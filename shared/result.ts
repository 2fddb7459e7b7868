/** A value or a typed error, for outcomes a caller is expected to handle (bad input, not found). */
export type Failure<C extends string = string> = {
	ok: false;
	error: { code: C; message: string };
};
export type Result<T, C extends string = string> =
	| { ok: true; value: T }
	| Failure<C>;

export function ok<T>(value: T): { ok: true; value: T } {
	return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): Failure<C> {
	return { ok: false, error: { code, message } };
}
