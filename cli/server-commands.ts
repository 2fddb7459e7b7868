/** `signet serve` and `signet token …`: run the backend, and manage API tokens in its database. */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createSqliteStore } from "../server/adapters/sqlite-store.ts";
import {
	DATABASE_FILE,
	dataDirOf,
	settingsFromEnv,
	startServer,
} from "../server/node.ts";
import { issueToken, USER_NAME } from "../server/tokens.ts";
import { CliError } from "./cli-error.ts";

export async function runServe(): Promise<number> {
	const server = await startServer(await settingsFromEnv(process.env));
	// One write, the token first: whoever waits for the "listening" line has the token too.
	const first = server.bootstrapToken
		? `First start: an admin API token was created. It is shown only this once:\n\n  ${server.bootstrapToken}\n\n`
		: "";
	process.stdout.write(`${first}Signet backend listening on ${server.url}\n`);
	await new Promise<void>((done) => {
		for (const signal of ["SIGINT", "SIGTERM"] as const)
			process.once(signal, () => done());
	});
	await server.close();
	return 0;
}

const TOKEN_HELP = `Usage:
  signet token create --user NAME [--admin] [--label TEXT]   create an API token (shown once)
  signet token list                                           list tokens (never their values)
  signet token revoke ID                                      revoke a token by its id
The database is SIGNET_DATA_DIR/signet.sqlite (default ./data).`;

export async function runToken(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			user: { type: "string" },
			admin: { type: "boolean", default: false },
			label: { type: "string" },
		},
	});
	const [action, id, ...extra] = positionals;
	if (extra.length > 0)
		throw new CliError(`Unexpected '${extra.join(" ")}'.\n${TOKEN_HELP}`, 2);
	const store = createSqliteStore({
		path: join(dataDirOf(process.env), DATABASE_FILE),
	});
	try {
		if (action === "create") {
			if (!values.user || !USER_NAME.test(values.user)) {
				throw new CliError(
					"Give the token's user: --user NAME (letters, digits, . @ + - _).",
					2,
				);
			}
			const role = values.admin ? "admin" : "member";
			const { token, record } = await issueToken(store.tokens, {
				user: values.user,
				role,
				label: values.label,
				now: new Date(),
			});
			process.stdout.write(
				`Created ${role} token ${record.id} for ${record.user}. Shown only this once:\n\n  ${token}\n`,
			);
			return 0;
		}
		if (action === "list") {
			for (const token of await store.tokens.list()) {
				const state = token.revokedAt ? `revoked ${token.revokedAt}` : "active";
				process.stdout.write(
					`${token.id}  ${token.user.padEnd(16)} ${token.role.padEnd(6)} ${token.createdAt}  ${state}${token.label ? `  ${token.label}` : ""}\n`,
				);
			}
			return 0;
		}
		if (action === "revoke") {
			if (!id)
				throw new CliError(`Give the token id to revoke.\n${TOKEN_HELP}`, 2);
			if (!(await store.tokens.revoke(id, new Date().toISOString())))
				throw new CliError(`There is no token '${id}'.`, 1);
			process.stdout.write(`Revoked token ${id}.\n`);
			return 0;
		}
		throw new CliError(TOKEN_HELP, 2);
	} finally {
		await store.close();
	}
}
