/**
 * What IAM decides for one S3 GetObject by the per-share session `signet-<shareId>` of a signing
 * role, given the role's own permissions and our inline revocation policy: the real policy
 * simulator (@cloud-copilot/iam-simulate; AGPL, so tests only).
 */
import { createRequire } from "node:module";

// Loaded by Node itself, not through Vite: the workerd project's global setup (which starts the fake
// STS/IAM that answers with this) would otherwise inline the package and complain, file by file,
// about source maps it ships without their sources.
const { runSimulation } = createRequire(import.meta.url)(
	"@cloud-copilot/iam-simulate",
) as typeof import("@cloud-copilot/iam-simulate");

export interface SessionGetRequest {
	roleName: string;
	shareId: string;
	/** `arn:aws:s3:::bucket/key` being read. */
	objectArn: string;
	/** What the role's own (managed) policy allows, e.g. `arn:aws:s3:::bucket/prefix/*`. */
	allowedResource: string;
	/** The JSON of the role's `signet-revocations` inline policy, when there is one. */
	revocationPolicy?: string;
	/** ISO time the session was issued (`aws:TokenIssueTime`). */
	issuedAt?: string;
}

/** "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied". */
export async function simulateSessionGet(
	request: SessionGetRequest,
): Promise<string | undefined> {
	const context: Record<string, string> = {
		"aws:userid": `AROAEXAMPLEROLEID:signet-${request.shareId}`,
	};
	if (request.issuedAt) context["aws:TokenIssueTime"] = request.issuedAt;
	const result = await runSimulation(
		{
			request: {
				principal: `arn:aws:sts::123456789012:assumed-role/${request.roleName}/signet-${request.shareId}`,
				action: "s3:GetObject",
				resource: { resource: request.objectArn, accountId: "123456789012" },
				contextVariables: context,
			},
			identityPolicies: [
				{
					name: "role",
					policy: {
						Version: "2012-10-17",
						Statement: [
							{
								Effect: "Allow",
								Action: "s3:GetObject",
								Resource: request.allowedResource,
							},
						],
					},
				},
				...(request.revocationPolicy
					? [
							{
								name: "signet-revocations",
								policy: JSON.parse(request.revocationPolicy),
							},
						]
					: []),
			],
			serviceControlPolicies: [],
			resourceControlPolicies: [],
		},
		{},
	);
	return result.resultType === "single"
		? result.result.analysis?.result
		: result.resultType;
}
