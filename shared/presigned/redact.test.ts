import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact.ts";

describe("redactSecrets", () => {
	it.each([
		[
			"SigV4 query",
			"GET https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAX%2F20250301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=IQoJb3%2F%2Fx&X-Amz-Signature=0a1b2c 200",
			"GET https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAX%2F20250301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=REDACTED&X-Amz-Signature=REDACTED 200",
		],
		[
			"SigV2 and CloudFront",
			"/k?AWSAccessKeyId=AKIAX&Expires=1700000000&Signature=vjbyPxybd%2BZ0zzNDkKEeadA%3D and /v.mp4?Expires=1&Signature=abc~def_&Key-Pair-Id=K2J",
			"/k?AWSAccessKeyId=AKIAX&Expires=1700000000&Signature=REDACTED and /v.mp4?Expires=1&Signature=REDACTED&Key-Pair-Id=K2J",
		],
		[
			"Azure SAS inside HTML",
			'<a href="https://acct.blob.core.windows.net/c/b?sv=2022-11-02&amp;sig=Zm9v%2Bbar%3D&amp;se=2025-01-01">',
			'<a href="https://acct.blob.core.windows.net/c/b?sv=2022-11-02&amp;sig=REDACTED&amp;se=2025-01-01">',
		],
		[
			"GCS V4",
			"?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=8b3c",
			"?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=REDACTED",
		],
		[
			"headers and JSON",
			'x-amz-security-token: IQoJb3JpZ2lu==\n{"X-Amz-Security-Token":"IQoJ/abc"}',
			'x-amz-security-token: REDACTED\n{"X-Amz-Security-Token":"REDACTED"}',
		],
		[
			"a SigV4 Authorization header",
			`Authorization: AWS4-HMAC-SHA256 Credential=AKIAX/20250301/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${"ab".repeat(32)}`,
			"Authorization: AWS4-HMAC-SHA256 Credential=AKIAX/20250301/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=REDACTED",
		],
		[
			"a SigV2 Authorization header",
			"Authorization: AWS AKIAX:frJIUN8DYpKDtOLCwo//yllqDzg=",
			"Authorization: AWS AKIAX:REDACTED",
		],
	])("removes the secrets of %s and nothing else", (_, input, expected) => {
		expect(redactSecrets(input)).toBe(expected);
	});

	it("leaves text without secrets alone, including words like signature in prose", () => {
		const text = "The signature=valid check passed; see ?q=sig and sigma=1";
		expect(redactSecrets(text)).toBe(text);
	});
});
