import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

const profile = {
	id: "reports",
	label: "Reports",
	bucket: "acme-reports",
	region: "eu-west-1",
};

describe("parseConfig", () => {
	it("fills in safe defaults", () => {
		const config = parseConfig({ profiles: [profile] });
		expect(config.profiles[0]).toMatchObject({
			prefix: "",
			actions: ["get"],
			modes: ["direct", "managed"],
			maxTtlSeconds: 86_400,
			defaultTtlSeconds: 3600,
			users: ["*"],
			credentials: { session: "per-share", maxSessionSeconds: 3600 },
		});
		expect(config.managedLinkTtlSeconds).toBe(60);
	});

	it("treats a prefix as a folder, so 'reports' never matches 'reports-secret/'", () => {
		expect(
			parseConfig({ profiles: [{ ...profile, prefix: "reports" }] }).profiles[0]
				?.prefix,
		).toBe("reports/");
	});

	it("names every bad field in one error", () => {
		const attempt = () =>
			parseConfig(
				{
					profiles: [
						{ ...profile, bucket: "Bad_Bucket", maxTtlSeconds: 700_000 },
						{ ...profile, credentials: { roleArn: "not-an-arn" } },
					],
					surprise: true,
				},
				"/etc/signet.json",
			);
		expect(attempt).toThrow("/etc/signet.json is not valid");
		expect(attempt).toThrow(
			"profiles[0].bucket: is not a valid S3 bucket name",
		);
		expect(attempt).toThrow("profiles[0].maxTtlSeconds");
		expect(attempt).toThrow(
			"profiles[1].credentials.roleArn: must be an IAM role ARN",
		);
		expect(attempt).toThrow("profiles[1].id: duplicate profile id 'reports'");
		expect(attempt).toThrow('Unrecognized key: "surprise"');
	});

	it.each([
		[{ profiles: [] }, "configure at least one profile"],
		[{ profiles: [{ ...profile, prefix: "../up" }] }, "profiles[0].prefix"],
		[
			{ profiles: [{ ...profile, defaultTtlSeconds: 90_000 }] },
			"defaultTtlSeconds must not exceed maxTtlSeconds",
		],
		[
			{ profiles: [{ ...profile, endpoint: "ftp://x" }] },
			"profiles[0].endpoint",
		],
	])("refuses %j", (input, message) => {
		expect(() => parseConfig(input)).toThrow(message);
	});
});
