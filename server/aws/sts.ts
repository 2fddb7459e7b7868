/** STS AssumeRole over the Query protocol. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html */
import type { AwsCredentials } from "../ports.ts";
import { AwsError } from "./aws-error.ts";
import type { AwsFetch } from "./aws-fetch.ts";
import { callQueryApi } from "./query-api.ts";
import { child, childText } from "./xml.ts";

export interface AssumeRoleInput {
	roleArn: string;
	roleSessionName: string;
	durationSeconds: number;
	/** A session policy (JSON), narrowing what the role allows. */
	policy?: string;
	externalId?: string;
}

export interface AssumedRole {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	expiration: Date;
	/** `AROA…:<session name>`: the `aws:userid` of the session. */
	assumedRoleId: string | undefined;
}

export interface StsTarget {
	endpoint: URL;
	region: string;
	/** The caller's own credentials. */
	credentials: AwsCredentials;
}

export async function assumeRole(
	send: AwsFetch,
	target: StsTarget,
	input: AssumeRoleInput,
): Promise<AssumedRole> {
	const result = await callQueryApi(send, {
		service: "sts",
		...target,
		version: "2011-06-15",
		action: "AssumeRole",
		params: {
			RoleArn: input.roleArn,
			RoleSessionName: input.roleSessionName,
			DurationSeconds: input.durationSeconds,
			Policy: input.policy,
			ExternalId: input.externalId,
		},
	});
	const credentials = child(result, "Credentials");
	const accessKeyId = childText(credentials, "AccessKeyId");
	const secretAccessKey = childText(credentials, "SecretAccessKey");
	const sessionToken = childText(credentials, "SessionToken");
	const expiration = new Date(childText(credentials, "Expiration") ?? "");
	if (
		!accessKeyId ||
		!secretAccessKey ||
		!sessionToken ||
		Number.isNaN(expiration.getTime())
	) {
		throw new AwsError(
			"MalformedAnswer",
			"STS answered AssumeRole without complete credentials.",
		);
	}
	return {
		accessKeyId,
		secretAccessKey,
		sessionToken,
		expiration,
		assumedRoleId: childText(child(result, "AssumedRoleUser"), "AssumedRoleId"),
	};
}
