/**
 * Global setup of the workerd project, in Node: the S3 server and the fake STS/IAM the Worker talks
 * to over 127.0.0.1, their addresses handed to the tests with provide() (read with inject()).
 */
import type { TestProject } from "vitest/node";
import { BUCKET, ROLE_ARN, startUpstreams } from "../support/backend.ts";

const WORKERD_OBJECTS = {
	"reports/q1.csv": "month,revenue\nJan,1\n",
	"reports/2025/march/summary.pdf": "%PDF",
	"secret/pay.csv": "no",
};

export default async function setup(project: TestProject) {
	const upstreams = await startUpstreams(WORKERD_OBJECTS);
	project.provide("upstreams", {
		s3Endpoint: upstreams.s3.endpoint,
		awsEndpoint: upstreams.aws.endpoint,
		bucket: BUCKET,
		roleArn: ROLE_ARN,
	});
	return () => upstreams.close();
}

declare module "vitest" {
	export interface ProvidedContext {
		upstreams: {
			s3Endpoint: string;
			/** The fake STS and IAM; GET /__fake-aws/state shows what they recorded. */
			awsEndpoint: string;
			bucket: string;
			roleArn: string;
		};
	}
}
