/** The `signet` command line: decode presigned URLs and redact their secrets, offline. */
import { parseArgs } from "node:util";
import { CliError } from "./cli-error.ts";
import { runInspect } from "./inspect.ts";
import { runRedact } from "./redact.ts";

const HELP = `signet — share links for private S3 objects, and the truth about presigned URLs

Usage:
  signet inspect <url>            what a presigned URL grants and when it really expires
  signet inspect --json <url>     the same as one JSON object
  signet inspect < urls.txt       one JSON line per URL read from stdin
  signet redact < app.log         copy stdin to stdout with signatures and session tokens removed
  signet serve                    run the signing backend (see the README for its environment)
  signet token create --user NAME [--admin]   create an API token; also: token list, token revoke ID

Options:
  --json          print JSON instead of the summary
  --at <time>     judge expiry as of this ISO 8601 time instead of now
  -h, --help      show this help

Schemes: AWS SigV4 and SigV2 (S3, R2, MinIO and other S3-compatibles), Google Cloud Storage V4
and V2, Azure SAS, CloudFront signed URLs. Decoding is local: no URL leaves this machine.
Exit codes: 0 decoded, 1 not a presigned URL or malformed, 2 wrong usage.`;

export async function main(argv: string[]): Promise<number> {
	// Loaded only when used: the backend pulls in the AWS SDK and SQLite, which inspect does not need.
	if (argv[0] === "token")
		return (await import("./server-commands.ts")).runToken(argv.slice(1));
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			json: { type: "boolean", default: false },
			at: { type: "string" },
			help: { type: "boolean", short: "h", default: false },
		},
	});
	const [command, ...rest] = positionals;
	if (values.help || command === undefined || command === "help") {
		process.stdout.write(`${HELP}\n`);
		return command === undefined && !values.help ? 2 : 0;
	}
	if (command === "inspect") {
		return runInspect({
			urls: rest,
			json: values.json,
			nowMs: parseAt(values.at),
		});
	}
	if (command === "redact") {
		if (rest.length > 0)
			throw new CliError(
				"signet redact reads stdin and takes no arguments.",
				2,
			);
		return runRedact(process.stdin, process.stdout);
	}
	if (command === "serve") {
		return (await import("./server-commands.ts")).runServe();
	}
	throw new CliError(
		`Unknown command '${command}'. Run 'signet --help' for the commands.`,
		2,
	);
}

function parseAt(at: string | undefined): number {
	if (at === undefined) return Date.now();
	const ms = Date.parse(at);
	if (Number.isNaN(ms))
		throw new CliError(
			`--at '${at}' is not a time; use ISO 8601, like 2025-03-01T12:00:00Z.`,
			2,
		);
	return ms;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// Expected problems get one line; anything else too, but never a stack trace with a URL in it.
		const message = (
			error instanceof Error ? error.message : String(error)
		).replace(/^\[signet\] /, "");
		process.stderr.write(`signet: ${message}\n`);
		process.exitCode = error instanceof CliError ? error.exitCode : 2;
	},
);
