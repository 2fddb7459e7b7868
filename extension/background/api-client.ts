/** Calls to the Signet backend, with errors turned into sentences a user can act on. */
import type { z } from "zod";
import { errorResponseSchema } from "../../shared/api.ts";

export class ApiError extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
		this.name = "ApiError";
	}
}

export interface ApiTarget {
	url: string;
	token: string;
}

export async function callApi<S extends z.ZodType>(
	target: ApiTarget,
	method: "GET" | "POST" | "DELETE",
	path: string,
	schema: S,
	body?: unknown,
): Promise<z.output<S>> {
	if (!target.url || !target.token) {
		throw new ApiError(
			"signed_out",
			"Sign in first: open Signet's options and enter the backend URL and your API token.",
		);
	}
	let response: Response;
	try {
		response = await fetch(`${target.url}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${target.token}`,
				...(body === undefined ? {} : { "content-type": "application/json" }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: "omit",
			cache: "no-store",
			signal: AbortSignal.timeout(15_000),
		});
	} catch (error) {
		const why =
			error instanceof DOMException && error.name === "TimeoutError"
				? "it did not answer within 15 s"
				: "the connection failed";
		throw new ApiError(
			"unreachable",
			`Cannot reach the Signet backend at ${target.url}: ${why}. Check the URL in Signet's options.`,
		);
	}
	const json: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const parsed = errorResponseSchema.safeParse(json);
		if (response.status === 401) {
			throw new ApiError(
				"unauthorized",
				"The backend refused your API token (mistyped or revoked). Sign in again in Signet's options.",
			);
		}
		throw new ApiError(
			parsed.success ? parsed.data.error.code : `http_${response.status}`,
			parsed.success
				? parsed.data.error.message
				: `The backend answered HTTP ${response.status} without an explanation.`,
		);
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		throw new ApiError(
			"bad_response",
			`The backend at ${target.url} answered something Signet does not understand. Is it a Signet backend of a matching version?`,
		);
	}
	return parsed.data;
}

/** `https://signet.example.com/` → `https://signet.example.com`; refuses anything not http(s). */
export function normaliseBackendUrl(input: string): string {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		throw new ApiError(
			"bad_url",
			`'${input}' is not a URL. Enter the backend's address, like https://signet.example.com.`,
		);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") {
		throw new ApiError(
			"bad_url",
			"The backend URL must start with https:// (or http:// for a local backend).",
		);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
