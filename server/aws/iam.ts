/**
 * IAM's inline role policies over the Query protocol: Get, Put and DeleteRolePolicy.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
 */
import type { AwsCredentials } from "../ports.ts";
import { AwsError } from "./aws-error.ts";
import type { AwsFetch } from "./aws-fetch.ts";
import { callQueryApi } from "./query-api.ts";
import { childText } from "./xml.ts";

export interface IamTarget {
	endpoint: URL;
	region: string;
	credentials: AwsCredentials;
}

export interface RolePolicyName {
	roleName: string;
	policyName: string;
}

function call(
	send: AwsFetch,
	target: IamTarget,
	action: string,
	params: Record<string, string>,
) {
	return callQueryApi(send, {
		service: "iam",
		...target,
		version: "2010-05-08",
		action,
		params,
	});
}

/** The policy document as JSON text, or null when the role has no policy of that name (NoSuchEntity). */
export async function getRolePolicy(
	send: AwsFetch,
	target: IamTarget,
	{ roleName, policyName }: RolePolicyName,
): Promise<string | null> {
	try {
		const result = await call(send, target, "GetRolePolicy", {
			RoleName: roleName,
			PolicyName: policyName,
		});
		// IAM returns the document URL-encoded (RFC 3986).
		return decodeURIComponent(childText(result, "PolicyDocument") ?? "");
	} catch (error) {
		if (error instanceof AwsError && error.code === "NoSuchEntity") return null;
		throw error;
	}
}

export async function putRolePolicy(
	send: AwsFetch,
	target: IamTarget,
	{ roleName, policyName }: RolePolicyName,
	document: string,
): Promise<void> {
	await call(send, target, "PutRolePolicy", {
		RoleName: roleName,
		PolicyName: policyName,
		PolicyDocument: document,
	});
}

export async function deleteRolePolicy(
	send: AwsFetch,
	target: IamTarget,
	{ roleName, policyName }: RolePolicyName,
): Promise<void> {
	try {
		await call(send, target, "DeleteRolePolicy", {
			RoleName: roleName,
			PolicyName: policyName,
		});
	} catch (error) {
		// Already gone, perhaps by our own first attempt whose answer timed out: what was wanted.
		if (error instanceof AwsError && error.code === "NoSuchEntity") return;
		throw error;
	}
}
