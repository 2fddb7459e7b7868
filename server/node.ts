/** Node entry: read env and the config file once, build the adapters, serve the app over HTTP. */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createAwsAdapters } from "./adapters/aws-adapters.ts";
import { createNodeBaseCredentials } from "./adapters/node-credentials.ts";
import { createSqliteStore } from "./adapters/sqlite-store.ts";
import { createApp } from "./app.ts";
import { parseConfig, type SignetConfig } from "./config.ts";
import type { AppDeps, Clock, Store } from "./ports.ts";
import { createNodeCrypto } from "./signing/node-crypto.ts";
import { bootstrapAdmin, bootstrapTokenFrom } from "./tokens.ts";

/** The SQLite file's name in the data folder. */
export const DATABASE_FILE = "signet.sqlite";

/** SIGNET_DATA_DIR, default ./data: where the server (and `signet token`) keep the database. */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
	return resolve(env.SIGNET_DATA_DIR ?? "data");
}

export interface NodeSettings {
	/** The parsed configuration (from SIGNET_CONFIG, default ./signet.config.json). */
	config: SignetConfig;
	dataDir: string;
	host: string;
	port: number;
	publicUrl?: string;
	bootstrapAdminToken?: string;
	/** STS and IAM endpoints (AWS_ENDPOINT_URL_STS / _IAM): VPC endpoints, or a fake in tests. */
	stsEndpoint?: string;
	iamEndpoint?: string;
	log?: (line: string) => void;
}

export interface RunningServer {
	url: string;
	store: Store;
	/** The admin token created on first start, shown once; null when the database already had tokens. */
	bootstrapToken: string | null;
	close(): Promise<void>;
}

/**
 * Reads PORT, HOST, SIGNET_CONFIG, SIGNET_DATA_DIR, SIGNET_PUBLIC_URL, SIGNET_BOOTSTRAP_ADMIN_TOKEN,
 * AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_IAM. AWS credentials come from the default provider chain.
 */
export async function settingsFromEnv(
	env: NodeJS.ProcessEnv,
): Promise<NodeSettings> {
	const configPath = resolve(env.SIGNET_CONFIG ?? "signet.config.json");
	let text: string;
	try {
		text = await readFile(configPath, "utf8");
	} catch {
		throw new Error(
			`[signet] No configuration at ${configPath}. Set SIGNET_CONFIG, or see the README's "Configuration".`,
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(
			`[signet] ${configPath} is not valid JSON: ${(error as Error).message}`,
		);
	}
	const port = Number(env.PORT ?? 8787);
	if (!Number.isInteger(port) || port < 0 || port > 65_535)
		throw new Error(`[signet] PORT '${env.PORT}' is not a port number.`);
	const bootstrap = bootstrapTokenFrom(
		env.SIGNET_BOOTSTRAP_ADMIN_TOKEN,
		"[signet]",
	);
	return {
		config: parseConfig(json, configPath),
		dataDir: dataDirOf(env),
		host: env.HOST ?? "127.0.0.1",
		port,
		publicUrl: env.SIGNET_PUBLIC_URL,
		bootstrapAdminToken: bootstrap,
		stsEndpoint: env.AWS_ENDPOINT_URL_STS,
		iamEndpoint: env.AWS_ENDPOINT_URL_IAM,
	};
}

export async function startServer(
	settings: NodeSettings,
): Promise<RunningServer> {
	const log =
		settings.log ??
		((line: string) =>
			process.stdout.write(`${new Date().toISOString()} ${line}\n`));
	const clock: Clock = { now: () => new Date() };
	const store = createSqliteStore({
		path: join(settings.dataDir, DATABASE_FILE),
	});
	const bootstrapToken = await bootstrapAdmin(
		store.tokens,
		clock.now(),
		settings.bootstrapAdminToken,
	);
	const deps: AppDeps = {
		config: settings.config,
		store,
		...createAwsAdapters({
			baseCredentials: createNodeBaseCredentials(),
			// node:crypto signs several times faster than crypto.subtle: URLs and AWS calls alike.
			crypto: createNodeCrypto(),
			clock,
			stsEndpoint: settings.stsEndpoint,
			iamEndpoint: settings.iamEndpoint,
		}),
		clock,
		publicUrl: "", // set below, once the port is known
		log,
		clientAddress: (c) => getConnInfo(c).remote.address ?? null,
	};
	const app = createApp(deps);
	const server = createAdaptorServer({ fetch: app.fetch });
	const port = await new Promise<number>((resolvePort, reject) => {
		server.once("error", (error: NodeJS.ErrnoException) =>
			reject(
				new Error(
					error.code === "EADDRINUSE"
						? `[signet] ${settings.host}:${settings.port} is already in use. Stop the other server or set PORT.`
						: `[signet] Cannot listen on ${settings.host}:${settings.port}: ${error.message}`,
				),
			),
		);
		server.listen(settings.port, settings.host, () => {
			const address = server.address();
			resolvePort(
				typeof address === "object" && address ? address.port : settings.port,
			);
		});
	}).catch(async (error) => {
		await store.close();
		throw error;
	});
	const url = `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`;
	deps.publicUrl = settings.publicUrl ?? settings.config.publicUrl ?? url;
	return {
		url,
		store,
		bootstrapToken,
		close: async () => {
			await new Promise<void>((done) => server.close(() => done()));
			await store.close();
		},
	};
}
