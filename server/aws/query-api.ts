/**
 * The AWS Query protocol of STS and IAM: a form-encoded POST naming the Action and API Version,
 * answered with `<ActionResponse><ActionResult>…`. Their endpoints, by region and partition.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf#CommonParameters
 */
import type { AwsCredentials } from "../ports.ts";
import { escapeUri } from "../signing/escape-uri.ts";
import { dnsSuffixOf } from "../signing/presign-s3.ts";
import type { AwsFetch } from "./aws-fetch.ts";
import { child, parseXml, type XmlElement } from "./xml.ts";

export interface QueryCall {
	service: "sts" | "iam";
	/** The signing region. */
	region: string;
	endpoint: URL;
	version: string;
	action: string;
	/** Parameters left undefined are not sent. */
	params: Record<string, string | number | undefined>;
	credentials: AwsCredentials;
}

/** `<ActionResult>`, or the whole answer for actions without a result (PutRolePolicy). */
export async function callQueryApi(
	send: AwsFetch,
	call: QueryCall,
): Promise<XmlElement> {
	let body = `Action=${escapeUri(call.action)}&Version=${escapeUri(call.version)}`;
	for (const [name, value] of Object.entries(call.params)) {
		if (value !== undefined)
			body += `&${escapeUri(name)}=${escapeUri(String(value))}`;
	}
	const answer = await send({
		service: call.service,
		region: call.region,
		method: "POST",
		url: call.endpoint,
		headers: {
			"content-type": "application/x-www-form-urlencoded; charset=utf-8",
		},
		body,
		credentials: call.credentials,
	});
	const root = parseXml(answer.body);
	return child(root, `${call.action}Result`) ?? root;
}

/** STS's regional endpoint (the SDK's default): https://sts.eu-west-1.amazonaws.com. */
export function stsEndpointFor(region: string): URL {
	return new URL(`https://sts.${region}.${dnsSuffixOf(region)}`);
}

/** IAM is global per partition: its one endpoint and the region it signs for. */
export function iamTargetFor(partition: string): {
	endpoint: URL;
	region: string;
} {
	switch (partition) {
		case "aws-cn":
			return {
				endpoint: new URL("https://iam.cn-north-1.amazonaws.com.cn"),
				region: "cn-north-1",
			};
		case "aws-us-gov":
			return {
				endpoint: new URL("https://iam.us-gov.amazonaws.com"),
				region: "us-gov-west-1",
			};
		default:
			return {
				endpoint: new URL("https://iam.amazonaws.com"),
				region: "us-east-1",
			};
	}
}
