/**
 * `npm start`: the whole of Signet on this machine, with nothing to configure: a local S3 server that
 * checks signatures, holding a demo bucket; the backend with a demo profile; the built extension.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CHROME_EXTENSION_ID } from "../extension/manifest.ts";
import { parseConfig } from "../server/config.ts";
import { startServer } from "../server/node.ts";
import { LOCAL_LONG_TERM, startS3Server } from "../test/support/s3-server.ts";

const DATA_DIR = resolve(process.env.SIGNET_DATA_DIR ?? "data/demo");
const TOKEN_FILE = join(DATA_DIR, "admin-token");

const DEMO_FILES: Record<string, string> = {
	"README.txt":
		"This object lives in the local demo bucket. If you can read it, the share link worked.\n",
	"reports/2025/q1.csv":
		"month,revenue\nJanuary,120000\nFebruary,98000\nMarch,143000\n",
	"reports/2025/q2.csv":
		"month,revenue\nApril,150000\nMay,161000\nJune,139000\n",
	"team/handbook.md":
		"# Handbook\n\nShare links expire. Managed links can be revoked at any time.\n",
};

const s3 = await startS3Server({
	buckets: [{ name: "demo", objects: DEMO_FILES }],
	credentials: [LOCAL_LONG_TERM],
});
// The backend finds its AWS credentials through the default provider chain, as in production.
process.env.AWS_ACCESS_KEY_ID = LOCAL_LONG_TERM.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = LOCAL_LONG_TERM.secretAccessKey;
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;

await mkdir(DATA_DIR, { recursive: true });
const savedToken = existsSync(TOKEN_FILE)
	? (await readFile(TOKEN_FILE, "utf8")).trim()
	: undefined;
const server = await startServer({
	config: parseConfig({
		// The extension's fixed id: its pages may call the API even before host access is granted.
		extensionOrigins: [`chrome-extension://${CHROME_EXTENSION_ID}`],
		profiles: [
			{
				id: "demo",
				label: "Demo bucket (local)",
				bucket: "demo",
				region: "us-east-1",
				endpoint: s3.endpoint,
				actions: ["get", "put"],
				maxTtlSeconds: 604_800,
				defaultTtlSeconds: 3600,
			},
		],
	}),
	dataDir: DATA_DIR,
	host: process.env.HOST ?? "127.0.0.1",
	port: Number(process.env.PORT ?? 8787),
	bootstrapAdminToken: savedToken,
});
if (server.bootstrapToken)
	await writeFile(TOKEN_FILE, `${server.bootstrapToken}\n`, { mode: 0o600 });
const token =
	server.bootstrapToken ?? savedToken ?? "(see data/demo/admin-token)";
const extension = resolve("dist/chrome");

process.stdout.write(`
Signet demo is running. Ctrl-C stops everything.

  Backend        ${server.url}
  Admin token    ${token}
  Admin page     ${server.url}/admin  (sign in with the admin token)
  Local S3       ${s3.endpoint}  (bucket "demo": ${Object.keys(DEMO_FILES).join(", ")})
  Extension      ${existsSync(extension) ? `${extension}  (chrome://extensions → Developer mode → Load unpacked)` : "not built: run npm run build"}
                 then open its options: backend ${server.url}, token above

Try it:
  curl -s -X POST ${server.url}/api/shares -H 'Authorization: Bearer ${token}' \\
    -H 'Content-Type: application/json' -d '{"profile":"demo","key":"README.txt","ttlSeconds":300}'
  npx signet inspect '<the url it returns>'

`);

const stop = async () => {
	await server.close();
	await s3.close();
	process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
