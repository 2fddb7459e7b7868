/** Workers entry: read the bindings once per isolate, build the adapters, answer with the same app as Node. */
import { createAwsAdapters } from "./adapters/aws-adapters.ts";
import { createD1Store, type D1DatabaseLike } from "./adapters/d1-store.ts";
import type { BaseCredentialIdentity } from "./adapters/sts-credentials.ts";
import { createApp } from "./app.ts";
import { parseConfig } from "./config.ts";
import { errorBody } from "./http.ts";
import type { AppDeps, Clock } from "./ports.ts";
import { createWebCrypto } from "./signing/signing-crypto.ts";
import { bootstrapAdmin, bootstrapTokenFrom } from "./tokens.ts";

/** The bindings wrangler.jsonc declares (DB, vars) and the secrets set with `wrangler secret put`. */
export interface WorkerEnv {
	DB: D1DatabaseLike;
	/** signet.config.json's content, as a JSON string (a var or a secret). */
	SIGNET_CONFIG?: string;
	SIGNET_PUBLIC_URL?: string;
	/** Becomes the first admin token while the database has none. */
	SIGNET_BOOTSTRAP_ADMIN_TOKEN?: string;
	AWS_ACCESS_KEY_ID?: string;
	AWS_SECRET_ACCESS_KEY?: string;
	AWS_SESSION_TOKEN?: string;
	/** STS and IAM endpoints (VPC endpoints, or a fake in tests), as on Node. */
	AWS_ENDPOINT_URL_STS?: string;
	AWS_ENDPOINT_URL_IAM?: string;
}

type App = ReturnType<typeof createApp>;
let built: Promise<App> | null = null;

export default {
	async fetch(request: Request, env: WorkerEnv): Promise<Response> {
		// Bindings are fixed for an isolate's life: build once, and again only after a failed build.
		built ??= buildApp(env, new URL(request.url).origin);
		let app: App;
		try {
			app = await built;
		} catch (error) {
			built = null;
			console.error((error as Error).message);
			return Response.json(
				errorBody("internal", "The backend is not configured: see its logs."),
				{ status: 500 },
			);
		}
		return app.fetch(request);
	},
};

async function buildApp(env: WorkerEnv, origin: string): Promise<App> {
	const config = parseConfig(readConfigJson(env), "SIGNET_CONFIG");
	const accessKeyId = env.AWS_ACCESS_KEY_ID;
	const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
	if (!accessKeyId || !secretAccessKey) {
		throw new Error(
			"[signet] [worker] Missing secrets AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Set them with `npx wrangler secret put`.",
		);
	}
	const bootstrap = bootstrapTokenFrom(
		env.SIGNET_BOOTSTRAP_ADMIN_TOKEN,
		"[signet] [worker]",
	);
	const clock: Clock = { now: () => new Date() };
	const store = createD1Store({ db: env.DB });
	// Only with the secret: a random token would be shown nowhere.
	if (bootstrap) await bootstrapAdmin(store.tokens, clock.now(), bootstrap);
	// The secrets sign AssumeRole, IAM calls and the URLs of profiles without a role.
	const identity: BaseCredentialIdentity = {
		accessKeyId,
		secretAccessKey,
		...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
	};
	const deps: AppDeps = {
		config,
		store,
		...createAwsAdapters({
			baseCredentials: async () => identity,
			crypto: createWebCrypto(),
			clock,
			stsEndpoint: env.AWS_ENDPOINT_URL_STS || undefined,
			iamEndpoint: env.AWS_ENDPOINT_URL_IAM || undefined,
		}),
		clock,
		publicUrl: env.SIGNET_PUBLIC_URL || config.publicUrl || origin,
		log: (line) => console.log(line),
		clientAddress: (c) => c.req.header("cf-connecting-ip") ?? null,
	};
	return createApp(deps);
}

function readConfigJson(env: WorkerEnv): unknown {
	if (!env.SIGNET_CONFIG) {
		throw new Error(
			"[signet] [worker] Missing SIGNET_CONFIG: set it to signet.config.json's content with `npx wrangler secret put SIGNET_CONFIG < signet.config.json`.",
		);
	}
	try {
		return JSON.parse(env.SIGNET_CONFIG);
	} catch (error) {
		throw new Error(
			`[signet] [worker] SIGNET_CONFIG is not valid JSON: ${(error as Error).message}`,
		);
	}
}
