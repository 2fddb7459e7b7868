/** `signet serve` as an operator runs it: a real process configured by env and a config file. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/signet.mjs", import.meta.url));
const BOOTSTRAP = `sgt_bootstrap001_${"A".repeat(43)}`;
let child: ChildProcess | undefined;
let dir = "";

afterEach(async () => {
	child?.kill("SIGTERM");
	child = undefined;
	if (dir) await rm(dir, { recursive: true, force: true });
});

async function configured(config: unknown) {
	dir = await mkdtemp(join(tmpdir(), "signet-serve-"));
	await writeFile(join(dir, "signet.config.json"), JSON.stringify(config));
	return {
		...process.env,
		SIGNET_CONFIG: join(dir, "signet.config.json"),
		SIGNET_DATA_DIR: join(dir, "data"),
		PORT: "0",
		AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
		AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	};
}

/** Starts the server and resolves with everything it printed up to the listening line. */
function serve(
	env: NodeJS.ProcessEnv,
): Promise<{ url: string; output: string }> {
	child = spawn(process.execPath, [BIN, "serve"], {
		env,
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	let errors = "";
	return new Promise((resolve, reject) => {
		child?.stdout?.on("data", (chunk: Buffer) => {
			output += chunk.toString();
			const url = /listening on (http:\/\/\S+)\n/.exec(output)?.[1];
			if (url) resolve({ url, output });
		});
		// stderr holds warnings (the AWS SDK's about Node versions), kept apart from what we assert on.
		child?.stderr?.on("data", (chunk: Buffer) => {
			errors += chunk.toString();
		});
		child?.once("exit", (code) =>
			reject(new Error(`exited ${code}: ${output}${errors}`)),
		);
	});
}

const profile = {
	id: "reports",
	label: "Reports",
	bucket: "acme-reports",
	region: "eu-west-1",
	prefix: "reports/",
};

describe("signet serve", () => {
	it("creates the bootstrap admin token on first start and serves the API with it", async () => {
		const env = {
			...(await configured({ profiles: [profile] })),
			SIGNET_BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP,
		};
		const { url, output } = await serve(env);
		expect(output).toContain(BOOTSTRAP);
		const me = await fetch(`${url}/api/me`, {
			headers: { authorization: `Bearer ${BOOTSTRAP}` },
		});
		expect(await me.json()).toMatchObject({ user: "admin", role: "admin" });
		const created = await fetch(`${url}/api/shares`, {
			method: "POST",
			headers: {
				authorization: `Bearer ${BOOTSTRAP}`,
				"content-type": "application/json",
			},
			body: JSON.stringify({ profile: "reports", key: "reports/a.pdf" }),
		});
		expect(created.status).toBe(201);
	});

	it("prints a random admin token once, and never again", async () => {
		const env = await configured({ profiles: [profile] });
		const first = await serve(env);
		const token = /\n {2}(sgt_\S+)\n/.exec(first.output)?.[1];
		expect(token).toMatch(/^sgt_/);
		child?.kill("SIGTERM");
		await new Promise((done) => child?.once("exit", done));
		const second = await serve(env);
		expect(second.output).not.toContain("sgt_");
		expect(
			(
				await fetch(`${second.url}/api/me`, {
					headers: { authorization: `Bearer ${token}` },
				})
			).status,
		).toBe(200);
	});

	it("refuses a bad config file, naming the field, before listening", async () => {
		const env = await configured({
			profiles: [{ ...profile, bucket: "Not A Bucket" }],
		});
		const run = spawnSync(process.execPath, [BIN, "serve"], {
			env,
			encoding: "utf8",
		});
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain(
			"profiles[0].bucket: is not a valid S3 bucket name",
		);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});
