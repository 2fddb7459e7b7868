/** The JSON the backend and its clients (extension, admin page, CLI) exchange, as zod schemas. */
import { z } from "zod";

export const MAX_KEY_BYTES = 1024;

export const actionSchema = z.enum(["get", "put"]);
export const modeSchema = z.enum(["direct", "managed"]);
export const shareStatusSchema = z.enum([
	"active",
	"expired",
	"revoked",
	"exhausted",
]);

const MIME = /^[\w.+-]+\/[\w.+-]+(?:\s*;\s*[\w.+-]+=(?:[\w.+-]+|"[^"\\]*"))*$/;

export const createShareSchema = z
	.object({
		profile: z.string().min(1).max(64),
		key: z.string().min(1, "give the object key").max(4096),
		/** Defaults to the profile's defaultTtlSeconds. */
		ttlSeconds: z.number().int().min(1).max(604_800).optional(),
		mode: modeSchema.default("direct"),
		action: actionSchema.default("get"),
		/** Download file name, sent as Content-Disposition. */
		filename: z
			.string()
			.min(1)
			.max(255)
			.regex(
				// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
				/^[^\u0000-\u001f\u007f/\\]+$/,
				"must be a plain file name without slashes or control characters",
			)
			.optional(),
		/** Content-Type the uploader must send (put). */
		contentType: z
			.string()
			.max(255)
			.regex(MIME, "must be a MIME type like text/csv")
			.optional(),
		/** Managed links only: how many downloads before the link answers 410. */
		maxDownloads: z.number().int().min(1).max(1_000_000).optional(),
		note: z.string().max(500).optional(),
	})
	.strict();
export type CreateShareRequest = z.input<typeof createShareSchema>;

export const warningSchema = z.object({
	code: z.string(),
	message: z.string(),
});
export type ApiWarning = z.infer<typeof warningSchema>;

const isoTime = z.string();

export const shareSchema = z.object({
	id: z.string(),
	user: z.string(),
	profile: z.string(),
	bucket: z.string(),
	key: z.string(),
	action: actionSchema,
	mode: modeSchema,
	status: shareStatusSchema,
	createdAt: isoTime,
	expiresAt: isoTime,
	effectiveExpiresAt: isoTime,
	expiryCertainty: z.enum(["exact", "upper-bound", "unknown"]),
	credentialType: z.enum(["long-term", "temporary", "unknown"]),
	/** Whether revoking stops the URL working (managed links, per-share sessions). */
	revocable: z.boolean(),
	downloads: z.number(),
	maxDownloads: z.number().nullable(),
	filename: z.string().nullable(),
	contentType: z.string().nullable(),
	note: z.string().nullable(),
	revokedAt: isoTime.nullable(),
	revokedBy: z.string().nullable(),
	revocation: z.string().nullable(),
});
export type Share = z.infer<typeof shareSchema>;

export const createShareResponseSchema = z.object({
	share: shareSchema,
	/** The link: returned once, never stored. */
	url: z.string(),
	warnings: z.array(warningSchema),
});
export type CreateShareResponse = z.infer<typeof createShareResponseSchema>;

export const sharePageSchema = z.object({
	shares: z.array(shareSchema),
	nextCursor: z.string().nullable(),
});

export const listSharesQuerySchema = z
	.object({
		limit: z.coerce.number().int().min(1).max(100).default(20),
		cursor: z.string().max(200).optional(),
		status: shareStatusSchema.optional(),
		profile: z.string().max(64).optional(),
		/** Admins only: whose shares ("*" for everyone's); others always see their own. */
		user: z.string().max(100).optional(),
		q: z.string().max(200).optional(),
	})
	.strict();

export const revokeResponseSchema = z.object({
	share: shareSchema,
	message: z.string(),
});

export const profileViewSchema = z.object({
	id: z.string(),
	label: z.string(),
	bucket: z.string(),
	region: z.string(),
	prefix: z.string(),
	actions: z.array(actionSchema),
	modes: z.array(modeSchema),
	maxTtlSeconds: z.number(),
	defaultTtlSeconds: z.number(),
	/** Whether direct links can be revoked one by one (per-share STS sessions). */
	revocableDirectLinks: z.boolean(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const objectsQuerySchema = z
	.object({
		prefix: z.string().max(1024).optional(),
		cursor: z.string().max(2048).optional(),
		limit: z.coerce.number().int().min(1).max(1000).default(100),
	})
	.strict();

export const objectPageSchema = z.object({
	objects: z.array(
		z.object({ key: z.string(), size: z.number(), lastModified: z.string() }),
	),
	folders: z.array(z.string()),
	nextCursor: z.string().nullable(),
});

export const meSchema = z.object({
	user: z.string(),
	role: z.enum(["admin", "member"]),
	tokenId: z.string(),
});

export const lookupRequestSchema = z
	.object({ url: z.string().min(1).max(16_384) })
	.strict();
export const lookupResponseSchema = z.object({
	known: z.boolean(),
	share: shareSchema.nullable(),
	message: z.string(),
});

export const errorResponseSchema = z.object({
	error: z.object({ code: z.string(), message: z.string() }),
});
