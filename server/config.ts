/** signet.config.json: profiles and server settings, validated once at start with errors naming the field. */
import { z } from "zod";
import { MAX_SIGV4_EXPIRES_SECONDS } from "../shared/presigned/effective-expiry.ts";

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const BUCKET = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ROLE_ARN =
	/^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

const credentialsSchema = z
	.object({
		/** Role the backend assumes to sign for this profile; without it, the default chain signs. */
		roleArn: z
			.string()
			.regex(
				ROLE_ARN,
				"must be an IAM role ARN like arn:aws:iam::123456789012:role/signet-reports",
			)
			.optional(),
		externalId: z.string().min(2).max(1224).optional(),
		/** per-share: one STS session per share, revocable one by one; shared: one session, refreshed early. */
		session: z.enum(["per-share", "shared"]).default("per-share"),
		/** The role's MaxSessionDuration (IAM default 3600 s; at most 43200 s). */
		maxSessionSeconds: z.number().int().min(900).max(43_200).default(3600),
	})
	.strict();

export const profileSchema = z
	.object({
		id: z.string().regex(ID, "use lower-case letters, digits and hyphens"),
		label: z.string().min(1).max(100),
		bucket: z.string().regex(BUCKET, "is not a valid S3 bucket name"),
		region: z
			.string()
			.regex(
				/^[a-z]{2}(-[a-z]+)+-\d+$|^auto$/,
				"is not an AWS region like eu-west-1",
			),
		endpoint: z.url({ protocol: /^https?$/ }).optional(),
		/** Keys must start with this; empty allows the whole bucket. A folder prefix ends with "/". */
		prefix: z
			.string()
			.max(512)
			.default("")
			// "reports" means the folder "reports/": never the sibling "reports-secret/".
			.transform((prefix) =>
				prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`,
			)
			.refine(
				(prefix) =>
					!prefix.startsWith("/") && !prefix.split("/").includes(".."),
				{
					message:
						"must be a plain folder like reports/ (no leading slash, no '..')",
				},
			),
		actions: z
			.array(z.enum(["get", "put"]))
			.min(1)
			.default(["get"]),
		modes: z
			.array(z.enum(["direct", "managed"]))
			.min(1)
			.default(["direct", "managed"]),
		maxTtlSeconds: z
			.number()
			.int()
			.min(1)
			.max(MAX_SIGV4_EXPIRES_SECONDS)
			.default(86_400),
		defaultTtlSeconds: z
			.number()
			.int()
			.min(1)
			.max(MAX_SIGV4_EXPIRES_SECONDS)
			.default(3600),
		/** User names allowed to use the profile; "*" for everyone. Admins may always use it. */
		users: z.array(z.string().min(1)).min(1).default(["*"]),
		credentials: credentialsSchema.default({
			session: "per-share",
			maxSessionSeconds: 3600,
		}),
	})
	.strict()
	.refine((p) => p.defaultTtlSeconds <= p.maxTtlSeconds, {
		message: "defaultTtlSeconds must not exceed maxTtlSeconds",
		path: ["defaultTtlSeconds"],
	});

export const configSchema = z
	.object({
		/** Base URL recipients use for managed links (SIGNET_PUBLIC_URL overrides it). */
		publicUrl: z.url({ protocol: /^https?$/ }).optional(),
		/** Origins allowed by CORS: the browser extension's (chrome-extension://ID, moz-extension://UUID). */
		extensionOrigins: z
			.array(z.string().regex(/^(chrome|moz)-extension:\/\/[\w-]+$/))
			.default([]),
		/** How long a managed link's redirect target is valid. */
		managedLinkTtlSeconds: z.number().int().min(5).max(3600).default(60),
		profiles: z.array(profileSchema).min(1, "configure at least one profile"),
	})
	.strict()
	.superRefine((config, ctx) => {
		const seen = new Set<string>();
		config.profiles.forEach((profile, index) => {
			if (seen.has(profile.id)) {
				ctx.addIssue({
					code: "custom",
					path: ["profiles", index, "id"],
					message: `duplicate profile id '${profile.id}'`,
				});
			}
			seen.add(profile.id);
		});
	});

export type SignetConfig = z.infer<typeof configSchema>;
export type Profile = z.infer<typeof profileSchema>;

/** Parses a config object; throws one Error listing every bad field as `profiles[0].bucket: …`. */
export function parseConfig(
	input: unknown,
	source = "signet.config.json",
): SignetConfig {
	const result = configSchema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.map(
		(issue) => `  ${formatPath(issue.path)}: ${issue.message}`,
	);
	throw new Error(`[signet] ${source} is not valid:\n${problems.join("\n")}`);
}

function formatPath(path: PropertyKey[]): string {
	if (path.length === 0) return "(top level)";
	return path
		.map((part, i) =>
			typeof part === "number"
				? `[${part}]`
				: i === 0
					? String(part)
					: `.${String(part)}`,
		)
		.join("");
}
