/**
 * The Worker as `wrangler deploy --dry-run` would upload it (offline: no login, no network), and a
 * scan of it for anything shaped like an AWS credential or equal to a known secret.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export interface WorkerBundle {
	/** Every file wrangler wrote (worker.js, its source map), by name. */
	files: Record<string, string>;
	/** The upload size wrangler reports: "Total Upload: 609.46 KiB / gzip: 151.38 KiB". */
	uploadKiB: number;
	uploadGzipKiB: number;
}

const WRANGLER = join(process.cwd(), "node_modules/.bin/wrangler");

export async function buildWorkerBundle(): Promise<WorkerBundle> {
	const outdir = await mkdtemp(join(tmpdir(), "signet-worker-"));
	try {
		const { stdout } = await promisify(execFile)(
			WRANGLER,
			["deploy", "--dry-run", "--outdir", outdir],
			{
				env: {
					...process.env,
					WRANGLER_SEND_METRICS: "false",
					// Keep the test's own keys out of the build's environment.
					AWS_ACCESS_KEY_ID: "",
					AWS_SECRET_ACCESS_KEY: "",
				},
				timeout: 120_000,
			},
		);
		const size =
			/Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout) ?? [];
		const files: Record<string, string> = {};
		for (const name of await readdir(outdir)) {
			files[name] = await readFile(join(outdir, name), "utf8");
		}
		return {
			files,
			uploadKiB: Number(size[1]),
			uploadGzipKiB: Number(size[2]),
		};
	} finally {
		await rm(outdir, { recursive: true, force: true });
	}
}

export interface CredentialFinding {
	kind: string;
	/** The match with its middle masked, so a report never repeats a secret. */
	excerpt: string;
	file: string;
	offset: number;
}

/** Shapes of AWS credentials: key ids, and secrets or session tokens written next to their name. */
const SHAPES: [kind: string, pattern: RegExp][] = [
	["access key id", /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g],
	[
		"secret access key",
		/(?:secret_?access_?key|aws_?secret|secretKey)["'`]?\s*[:=]\s*["'`][A-Za-z0-9/+=]{40}["'`]/gi,
	],
	[
		"session token",
		/(?:session_?token|security_?token)["'`]?\s*[:=]\s*["'`][A-Za-z0-9/+=]{100,}/gi,
	],
	// STS session tokens start with these (base64 of their binary header).
	["session token", /\b(?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{40,}/g],
];

export function scanForCredentials(
	files: Record<string, string>,
	knownSecrets: string[],
): CredentialFinding[] {
	const findings: CredentialFinding[] = [];
	for (const [file, text] of Object.entries(files)) {
		for (const [kind, pattern] of SHAPES) {
			for (const match of text.matchAll(pattern)) {
				findings.push({
					kind,
					excerpt: mask(match[0]),
					file,
					offset: match.index,
				});
			}
		}
		for (const secret of knownSecrets) {
			let at = text.indexOf(secret);
			while (at !== -1) {
				findings.push({
					kind: "known secret",
					excerpt: mask(secret),
					file,
					offset: at,
				});
				at = text.indexOf(secret, at + 1);
			}
		}
	}
	return findings;
}

function mask(text: string): string {
	return text.length <= 12
		? "*".repeat(text.length)
		: `${text.slice(0, 6)}…${text.slice(-2)}`;
}
