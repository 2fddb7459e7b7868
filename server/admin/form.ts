/** Reads an HTML form's fields with zod; what is wrong becomes a 400 page naming the fields. */
import type { Context } from "hono";
import type { z } from "zod";
import { SignetError } from "../../shared/errors.ts";

export async function readForm<S extends z.ZodType>(
	c: Context,
	schema: S,
): Promise<z.output<S>> {
	const result = schema.safeParse(await c.req.parseBody());
	if (result.success) return result.data;
	const problems = result.error.issues.slice(0, 5).map((issue) => {
		const field = issue.path.map(String).join(".");
		return field ? `${field}: ${issue.message}` : issue.message;
	});
	throw new SignetError(
		"bad_request",
		`The form is not valid: ${problems.join("; ")}.`,
	);
}

/** Whether the admin already said yes (admin.js, or the confirmation page's button). */
export async function isConfirmed(c: Context): Promise<boolean> {
	return (await c.req.parseBody()).confirm === "yes";
}
