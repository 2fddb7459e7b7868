/** IAM role policy calls: what counts as done when IAM answers with an error. */
import { describe, expect, it } from "vitest";
import { AwsError } from "./aws-error.ts";
import type { AwsFetch } from "./aws-fetch.ts";
import { deleteRolePolicy, type IamTarget } from "./iam.ts";

const TARGET: IamTarget = {
	endpoint: new URL("https://iam.amazonaws.com/"),
	region: "us-east-1",
	credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x" },
};
const POLICY = { roleName: "signet-reports", policyName: "signet-revocations" };

const answering =
	(error: AwsError): AwsFetch =>
	async () => {
		throw error;
	};

describe("deleteRolePolicy", () => {
	it("takes NoSuchEntity as done: the policy is gone, maybe by a first attempt whose answer was lost", async () => {
		const send = answering(
			new AwsError("NoSuchEntity", "not found", { status: 404 }),
		);
		await expect(
			deleteRolePolicy(send, TARGET, POLICY),
		).resolves.toBeUndefined();
	});

	it("passes any other refusal on", async () => {
		const send = answering(new AwsError("AccessDenied", "no", { status: 403 }));
		await expect(deleteRolePolicy(send, TARGET, POLICY)).rejects.toMatchObject({
			code: "AccessDenied",
		});
	});
});
