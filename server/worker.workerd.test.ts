/** The Workers entry inside workerd, on a local D1: shares signed with Web Crypto, managed links redirect and revoke. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createShareResponseSchema } from "../shared/api.ts";
import { decode } from "../shared/presigned/decode.ts";
import worker, { type WorkerEnv } from "./worker.ts";

const ADMIN_TOKEN = `sgt_workerdtest1_${"A".repeat(43)}`;
const ORIGIN = "https://signet.example.workers.dev";

const WORKER_ENV: WorkerEnv = {
	DB: env.DB,
	SIGNET_CONFIG: JSON.stringify({
		profiles: [
			{
				id: "reports",
				label: "Finance reports",
				bucket: "acme-reports",
				region: "eu-west-1",
				prefix: "reports/",
			},
		],
	}),
	SIGNET_BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
	AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
	AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

function call(method: string, path: string, body?: unknown) {
	return worker.fetch(
		new Request(`${ORIGIN}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${ADMIN_TOKEN}`,
				"content-type": "application/json",
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		}),
		WORKER_ENV,
	);
}

async function share(body: Record<string, unknown>) {
	const response = await call("POST", "/api/shares", body);
	expect(response.status).toBe(201);
	return createShareResponseSchema.parse(await response.json());
}

describe("the Workers entry", () => {
	it("signs a direct share with the bootstrap admin token and the secrets' keys", async () => {
		const { url, share: made } = await share({
			profile: "reports",
			key: "reports/2025/q1.pdf",
			ttlSeconds: 600,
		});
		const decoded = decode(url);
		expect(decoded.ok && decoded.value).toMatchObject({
			scheme: "aws-sigv4",
			bucket: "acme-reports",
			key: "reports/2025/q1.pdf",
			region: "eu-west-1",
			signer: "AKIAIOSFODNN7EXAMPLE",
			hasSessionToken: false,
		});
		expect(made).toMatchObject({ user: "admin", credentialType: "long-term" });
	});

	it("redirects a managed link to a fresh URL, and answers 410 once it is revoked", async () => {
		const { url, share: made } = await share({
			profile: "reports",
			key: "reports/board.pdf",
			mode: "managed",
		});
		expect(url.startsWith(`${ORIGIN}/s/`)).toBe(true);
		const visit = await worker.fetch(new Request(url), WORKER_ENV);
		expect(visit.status).toBe(302);
		const target = decode(visit.headers.get("location") ?? "");
		expect(target.ok && target.value).toMatchObject({
			bucket: "acme-reports",
			key: "reports/board.pdf",
		});
		expect((await call("DELETE", `/api/shares/${made.id}`)).status).toBe(200);
		const after = await worker.fetch(new Request(url), WORKER_ENV);
		expect(after.status).toBe(410);
	});

	it("records the visitor's cf-connecting-ip in the audit trail", async () => {
		const { url, share: made } = await share({
			profile: "reports",
			key: "reports/ip.pdf",
			mode: "managed",
		});
		const headers = { "cf-connecting-ip": "203.0.113.9" };
		await worker.fetch(new Request(url, { headers }), WORKER_ENV);
		const { results } = await env.DB.prepare(
			"SELECT client_ip AS clientIp FROM audit_events WHERE share_id = ? AND type = 'share.visited'",
		)
			.bind(made.id)
			.all<{ clientIp: string | null }>();
		expect(results.map((row) => row.clientIp)).toEqual(["203.0.113.9"]);
	});
});
