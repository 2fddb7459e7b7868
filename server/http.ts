/** Request parsing and error answers shared by every route: zod at the edge, one error shape. */
import type { Context } from "hono";
import type { z } from "zod";
import { SignetError } from "../shared/errors.ts";
import { redactSecrets } from "../shared/presigned/redact.ts";
import type { Role } from "./ports.ts";

export interface AuthUser {
	name: string;
	role: Role;
	tokenId: string;
}

export type AppEnv = { Variables: { user: AuthUser } };

/** Reads and validates a JSON body; bad JSON or fields become a 400 that names them. */
export async function readJson<S extends z.ZodType>(
	c: Context,
	schema: S,
): Promise<z.output<S>> {
	let body: unknown;
	try {
		body = await c.req.json();
	} catch {
		throw new SignetError("bad_request", "The request body is not valid JSON.");
	}
	return validate(schema, body, "Invalid body");
}

export function readQuery<S extends z.ZodType>(
	c: Context,
	schema: S,
): z.output<S> {
	return validate(schema, c.req.query(), "Invalid query");
}

/** The parsed input, or a 400 naming up to five fields, after `lead` ("Invalid body"). */
export function validate<S extends z.ZodType>(
	schema: S,
	input: unknown,
	lead: string,
): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.slice(0, 5).map((issue) => {
		const field = issue.path.map(String).join(".");
		return field ? `${field}: ${issue.message}` : issue.message;
	});
	throw new SignetError("bad_request", `${lead}: ${problems.join("; ")}.`);
}

/** The token of an `Authorization: Bearer …` header; "" when there is none. */
export function bearerToken(c: Context): string {
	const header = c.req.header("authorization") ?? "";
	return header.startsWith("Bearer ") ? header.slice(7).trim() : "";
}

export function errorBody(code: string, message: string) {
	return { error: { code, message } };
}

/** The app's one error handler: our errors as JSON with their status; anything else logged and hidden. */
export function onError(log: (line: string) => void) {
	return (error: Error, c: Context) => {
		if (error instanceof SignetError) {
			return c.json(errorBody(error.code, error.message), error.status as 400);
		}
		log(
			`error ${c.req.method} ${redactPath(c.req.path)}: ${redactSecrets(String(error?.stack ?? error))}`,
		);
		return c.json(
			errorBody(
				"internal",
				"Something went wrong on our side. It has been logged.",
			),
			500,
		);
	};
}

export function requireAdmin(user: AuthUser): void {
	if (user.role !== "admin")
		throw new SignetError("forbidden", "Only admins may do this.");
}

/** Paths with the managed-link token taken out: the token is the bearer secret. */
export function redactPath(path: string): string {
	return redactSecrets(path.replace(/^\/s\/[^/?#]+/, "/s/REDACTED"));
}
