/**
 * The Worker bundle as wrangler would upload it carries no credential: nothing shaped like an AWS
 * key, secret or session token, and none of the secrets the tests (or a local .dev.vars) use.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { countdownsAt } from "./support/admin-script.ts";
import { LONG_TERM, TEMPORARY } from "./support/aws-presign.ts";
import { LOCAL_LONG_TERM, LOCAL_TEMPORARY } from "./support/local-keys.ts";
import {
	buildWorkerBundle,
	scanForCredentials,
	type WorkerBundle,
} from "./support/worker-bundle.ts";

/** The values of a local `.dev.vars` (what `wrangler dev` reads secrets from), if there is one. */
function devVarsSecrets(): string[] {
	if (!existsSync(".dev.vars")) return [];
	return readFileSync(".dev.vars", "utf8")
		.split("\n")
		.map((line) => /^\s*[A-Z_][A-Z0-9_]*\s*=\s*"?(.*?)"?\s*$/.exec(line)?.[1])
		.filter((value): value is string => Boolean(value && value.length >= 8));
}

const KNOWN_SECRETS = [
	...[LOCAL_LONG_TERM, LOCAL_TEMPORARY, LONG_TERM, TEMPORARY].flatMap(
		(keys) => [keys.accessKeyId, keys.secretAccessKey],
	),
	TEMPORARY.sessionToken,
	...devVarsSecrets(),
];

describe("the Worker bundle (wrangler deploy --dry-run)", () => {
	let bundle: WorkerBundle;
	beforeAll(async () => {
		bundle = await buildWorkerBundle();
	}, 120_000);

	it("holds no AWS credential and no test secret", () => {
		expect(Object.keys(bundle.files)).toContain("worker.js");
		expect(scanForCredentials(bundle.files, KNOWN_SECRETS)).toEqual([]);
	});

	it("serves an admin.js whose countdowns read as the server's, minified as it is", async () => {
		// The bundle imports nothing: Node runs it as it is, with just enough of the Worker's env.
		const dir = await mkdtemp(join(tmpdir(), "signet-worker-run-"));
		try {
			for (const [name, text] of Object.entries(bundle.files))
				await writeFile(join(dir, name), text);
			const file = join(dir, "worker.js");
			const worker = (await import(pathToFileURL(file).href)).default as {
				fetch(request: Request, env: unknown): Promise<Response>;
			};
			const response = await worker.fetch(
				new Request("https://signet.example.workers.dev/admin/assets/admin.js"),
				{
					// Serving a static asset reads no table: a database that refuses every query.
					DB: {
						prepare() {
							throw new Error("this test has no database");
						},
					},
					SIGNET_CONFIG: JSON.stringify({
						profiles: [
							{ id: "p", label: "P", bucket: "acme", region: "eu-west-1" },
						],
					}),
					AWS_ACCESS_KEY_ID: LOCAL_LONG_TERM.accessKeyId,
					AWS_SECRET_ACCESS_KEY: LOCAL_LONG_TERM.secretAccessKey,
				},
			);
			expect(response.status).toBe(200);
			const nowMs = Date.parse("2025-03-01T12:00:00Z");
			const at = (seconds: number) =>
				new Date(nowMs + seconds * 1000).toISOString();
			expect(
				countdownsAt(await response.text(), nowMs, [
					at(45),
					at(8100),
					at(-3 * 86_400),
				]),
			).toEqual(["in 45 s", "in 2 h 15 min", "3 days ago"]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it("stays within the 250 KB gzip budget", () => {
		expect(bundle.uploadGzipKiB).toBeGreaterThan(0);
		expect(bundle.uploadGzipKiB).toBeLessThanOrEqual(250);
	});
});

describe("scanForCredentials", () => {
	it.each([
		["an access key id", 'const id = "AKIAZZZZEXAMPLE12345";', "access key id"],
		["a temporary key id", "x=ASIAQWERTYUIOPASDFGH;", "access key id"],
		[
			"a secret next to its name",
			`{secretAccessKey: "${"a/B+".repeat(10)}"}`,
			"secret access key",
		],
		[
			"a session token next to its name",
			`sessionToken="${"Zm9v".repeat(30)}"`,
			"session token",
		],
		[
			"an STS session token",
			`"FwoGZXIvYXdzE${"x".repeat(60)}"`,
			"session token",
		],
		[
			"a known secret anywhere",
			`"${LOCAL_LONG_TERM.secretAccessKey}"`,
			"known secret",
		],
	])("finds %s", (_, text, kind) => {
		const findings = scanForCredentials(
			{ "worker.js": `${text}` },
			KNOWN_SECRETS,
		);
		expect(findings.map((f) => f.kind)).toContain(kind);
		for (const finding of findings) {
			expect(finding.excerpt).not.toContain(LOCAL_LONG_TERM.secretAccessKey);
		}
	});

	it("ignores code that only talks about credentials", () => {
		const text =
			'if (id.startsWith("ASIA")) kind = "temporary"; const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;';
		expect(scanForCredentials({ "worker.js": text }, KNOWN_SECRETS)).toEqual(
			[],
		);
	});
});
