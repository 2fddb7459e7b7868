/** Reads an HTML form's fields with zod; what is wrong becomes a 400 page naming the fields. */
import type { Context } from "hono";
import type { z } from "zod";
import { validate } from "../http.ts";

export async function readForm<S extends z.ZodType>(
	c: Context,
	schema: S,
): Promise<z.output<S>> {
	return validate(schema, await c.req.parseBody(), "The form is not valid");
}

/** Whether the admin already said yes (admin.js, or the confirmation page's button). */
export async function isConfirmed(c: Context): Promise<boolean> {
	return (await c.req.parseBody()).confirm === "yes";
}
