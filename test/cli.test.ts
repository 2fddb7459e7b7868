import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { presign, TEMPORARY } from "./support/aws-presign.ts";

const BIN = fileURLToPath(new URL("../bin/signet.mjs", import.meta.url));
const SIGNED_AT = new Date("2025-03-01T12:00:00Z");

function signet(args: string[], input?: string | Buffer) {
	const run = spawnSync(process.execPath, [BIN, ...args], {
		input: input ?? "",
	});
	return {
		code: run.status,
		stdout: run.stdout.toString("utf8"),
		stderr: run.stderr.toString("utf8"),
		raw: run.stdout,
	};
}

const url = () =>
	presign({
		bucket: "reports",
		key: "2025/q1 final.pdf",
		region: "eu-west-1",
		signingDate: SIGNED_AT,
	});

describe("signet inspect", () => {
	it("prints a readable summary with the time left", async () => {
		const run = signet([
			"inspect",
			"--at",
			"2025-03-01T12:30:00Z",
			await url(),
		]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain("AWS Signature Version 4 presigned URL");
		expect(run.stdout).toMatch(/key\s+2025\/q1 final\.pdf/);
		expect(run.stdout).toMatch(
			/signer\s+AKIAIOSFODNN7EXAMPLE \(long-term key\)/,
		);
		expect(run.stdout).toContain("2025-03-01 13:00:00 UTC, expires in 30 min");
	});

	it("says how long ago an expired URL died, and that temporary credentials make it an upper bound", async () => {
		const temporary = await presign({
			bucket: "b",
			key: "k",
			credentials: TEMPORARY,
			signingDate: SIGNED_AT,
		});
		const run = signet(["inspect", "--at", "2025-03-04T13:00:00Z", temporary]);
		expect(run.stdout).toContain(
			"expired 3 days ago at the latest (may have died earlier)",
		);
		expect(run.stdout).toContain("! temporary-credentials:");
		expect(run.stdout).toContain("! expired:");
		const alive = signet([
			"inspect",
			"--at",
			"2025-03-01T12:30:00Z",
			temporary,
		]);
		expect(alive.stdout).toContain(
			"expires in 30 min at the latest (may die earlier)",
		);
	});

	it("prints the documented JSON fields with --json", async () => {
		const run = signet([
			"inspect",
			"--json",
			"--at",
			"2025-03-01T12:00:00Z",
			await url(),
		]);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({
			scheme: "aws-sigv4",
			bucket: "reports",
			key: "2025/q1 final.pdf",
			region: "eu-west-1",
			signedAt: "2025-03-01T12:00:00Z",
			expiresAt: "2025-03-01T13:00:00Z",
			effectiveExpiresAt: "2025-03-01T13:00:00Z",
			expiryCertainty: "exact",
			credentialType: "long-term",
			warnings: [],
		});
	});

	it("reads URLs from stdin, one JSON line each, and reports bad lines in place with exit code 1", async () => {
		const run = signet(
			["inspect"],
			`${await url()}\n\nnot a url\r\n${await url()}\n`,
		);
		expect(run.code).toBe(1);
		const lines = run.stdout
			.trim()
			.split("\n")
			.map((line) => JSON.parse(line));
		expect(lines).toHaveLength(3);
		expect(lines[0].bucket).toBe("reports");
		expect(lines[1]).toMatchObject({ line: 3, error: { code: "not-a-url" } });
		expect(lines[2].bucket).toBe("reports");
	});

	it.each([
		["a plain page", "https://example.com/page?q=1", "not a presigned URL"],
		[
			"a malformed date",
			"https://b.s3.amazonaws.com/k?X-Amz-Credential=A%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=yesterday&X-Amz-Signature=x",
			"X-Amz-Date 'yesterday'",
		],
		["no URL at all", "hello", "Not a URL"],
	])("exits 1 with one line for %s", (_, input, message) => {
		const run = signet(["inspect", input]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe("");
		expect(run.stderr).toContain(message);
		expect(run.stderr.trim().split("\n")).toHaveLength(1);
		expect(run.stderr).not.toMatch(/\bat .*\.(ts|mjs|js):\d+/);
	});

	it.each([
		[["inspect", "--at", "soon", "https://x"], "--at 'soon'"],
		[["frobnicate"], "Unknown command 'frobnicate'"],
		[["inspect", "--colour"], "--colour"],
	])("exits 2 on wrong usage %j", (args, message) => {
		const run = signet(args);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain(message);
	});

	it("shows help with --help", () => {
		const run = signet(["--help"]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain("signet inspect <url>");
	});
});

describe("signet redact", () => {
	it("removes signatures and tokens and leaves every other byte as it was", async () => {
		const temporary = await presign({
			bucket: "b",
			key: "k",
			credentials: TEMPORARY,
			signingDate: SIGNED_AT,
		});
		const notUtf8 = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
		const input = Buffer.concat([
			Buffer.from(`10.0.0.1 - GET ${temporary} 200\r\n`),
			notUtf8,
			Buffer.from("\nlast line without newline sig=keep ?sig=drop"),
		]);
		const run = signet(["redact"], input);
		expect(run.code).toBe(0);
		const expected = Buffer.concat([
			Buffer.from(
				`10.0.0.1 - GET ${temporary
					.replace(
						/X-Amz-Security-Token=[^&]+/,
						"X-Amz-Security-Token=REDACTED",
					)
					.replace(
						/X-Amz-Signature=[^&]+/,
						"X-Amz-Signature=REDACTED",
					)} 200\r\n`,
			),
			notUtf8,
			Buffer.from("\nlast line without newline sig=keep ?sig=REDACTED"),
		]);
		expect(run.raw.equals(expected)).toBe(true);
		expect(run.stdout).not.toContain(TEMPORARY.sessionToken.slice(0, 12));
	});
});
