/** The Signet backend as a Hono app built from its ports: no runtime, no env, no vendor SDK here. */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { SignetError } from "../shared/errors.ts";
import {
	type AppEnv,
	bearerToken,
	errorBody,
	onError,
	redactPath,
} from "./http.ts";
import type { AppDeps } from "./ports.ts";
import { accountRoutes } from "./routes/account.ts";
import { adminRoutes } from "./routes/admin.ts";
import { linksRoutes } from "./routes/links.ts";
import { profilesRoutes } from "./routes/profiles.ts";
import { sharesRoutes } from "./routes/shares.ts";
import { verifyToken } from "./tokens.ts";

export function createApp(deps: AppDeps) {
	const app = new Hono<AppEnv>();
	app.use(async (c, next) => {
		const started = performance.now();
		await next();
		const user = c.get("user")?.name ?? "-";
		deps.log(
			`${c.req.method} ${redactPath(c.req.path)} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms ${user}`,
		);
	});
	app.use(
		"/api/*",
		cors({
			origin: (origin) =>
				deps.config.extensionOrigins.includes(origin) ? origin : null,
			allowHeaders: ["Authorization", "Content-Type"],
			allowMethods: ["GET", "POST", "DELETE"],
			maxAge: 600,
		}),
	);
	app.use(
		"/api/*",
		bodyLimit({
			maxSize: 64 * 1024,
			onError: (c) =>
				c.json(
					errorBody(
						"payload_too_large",
						"The request body is larger than 64 KB.",
					),
					413,
				),
		}),
	);
	app.use("/api/*", async (c, next) => {
		const token = bearerToken(c);
		const record = token ? await verifyToken(deps.store.tokens, token) : null;
		if (!record) {
			throw new SignetError(
				"unauthorized",
				token
					? "This API token is not valid or was revoked."
					: "Send an API token: Authorization: Bearer sgt_…",
			);
		}
		c.set("user", { name: record.user, role: record.role, tokenId: record.id });
		await next();
	});
	app.get("/healthz", (c) => c.json({ ok: true }));
	app.route("/api/shares", sharesRoutes(deps));
	app.route("/api/profiles", profilesRoutes(deps));
	app.route("/api", accountRoutes(deps));
	app.route("/s", linksRoutes(deps));
	app.route("/admin", adminRoutes(deps));
	app.notFound((c) =>
		c.json(
			errorBody(
				"not_found",
				`No route ${c.req.method} ${redactPath(c.req.path)}.`,
			),
			404,
		),
	);
	app.onError(onError(deps.log));
	return app;
}
