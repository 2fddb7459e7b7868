/**
 * The Workers entry inside workerd, on a local D1, against the real S3 server and the fake STS/IAM
 * started in Node (test/workerd/global-setup.ts) and reached over 127.0.0.1: the same checks as the
 * Node backend's end-to-end tests, with every fetch made by the Workers runtime.
 */
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import worker, { type WorkerEnv } from "../server/worker.ts";
import {
	createShareResponseSchema,
	revokeResponseSchema,
} from "../shared/api.ts";
import { decode } from "../shared/presigned/decode.ts";
import { signInAdmin, textOf } from "./support/admin-client.ts";
import { LOCAL_LONG_TERM, LOCAL_TEMPORARY } from "./support/local-keys.ts";

const { s3Endpoint, awsEndpoint, bucket, roleArn } = inject("upstreams");
const ADMIN_TOKEN = `sgt_workerdupstr_${"B".repeat(43)}`;
const ORIGIN = "https://signet.example.workers.dev";
const base = {
	bucket,
	region: "us-east-1",
	endpoint: s3Endpoint,
	prefix: "reports",
};

const WORKER_ENV: WorkerEnv = {
	DB: env.DB,
	SIGNET_CONFIG: JSON.stringify({
		profiles: [
			{ id: "reports", label: "Reports", ...base },
			{ id: "scoped", label: "Scoped", ...base, credentials: { roleArn } },
		],
	}),
	SIGNET_BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
	AWS_ACCESS_KEY_ID: LOCAL_LONG_TERM.accessKeyId,
	AWS_SECRET_ACCESS_KEY: LOCAL_LONG_TERM.secretAccessKey,
	AWS_ENDPOINT_URL_STS: awsEndpoint,
	AWS_ENDPOINT_URL_IAM: awsEndpoint,
};

/** The Worker answering in memory, as the admin-page client drives it. */
const app = {
	request: (path: string, init?: RequestInit) =>
		worker.fetch(new Request(`${ORIGIN}${path}`, init), WORKER_ENV),
};

function api(method: string, path: string, body?: unknown) {
	return app.request(path, {
		method,
		headers: {
			authorization: `Bearer ${ADMIN_TOKEN}`,
			"content-type": "application/json",
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

async function share(body: object) {
	const response = await api("POST", "/api/shares", {
		profile: "reports",
		key: "reports/q1.csv",
		...body,
	});
	expect(response.status).toBe(201);
	return createShareResponseSchema.parse(await response.json());
}

/** What the fake STS and IAM recorded. */
async function fakeAwsState() {
	const response = await fetch(`${awsEndpoint}/__fake-aws/state`);
	return (await response.json()) as {
		assumeRoleCalls: { roleSessionName: string; policy?: string }[];
		policies: Record<string, string>;
	};
}

describe("the Worker against a signature-checking S3 server", () => {
	it("signs a direct share whose URL downloads the object", async () => {
		const { url } = await share({ ttlSeconds: 300 });
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe("month,revenue\nJan,1\n");
	});

	it("redirects a managed link to a URL that downloads, and answers 410 once revoked", async () => {
		const { url, share: made } = await share({ mode: "managed" });
		const visit = await worker.fetch(new Request(url), WORKER_ENV);
		expect(visit.status).toBe(302);
		const target = await fetch(visit.headers.get("location") ?? "");
		expect(await target.text()).toBe("month,revenue\nJan,1\n");
		expect((await api("DELETE", `/api/shares/${made.id}`)).status).toBe(200);
		const gone = await worker.fetch(new Request(url), WORKER_ENV);
		expect(gone.status).toBe(410);
	});

	it("lists objects and folders under the profile's prefix through the API", async () => {
		const response = await api("GET", "/api/profiles/reports/objects");
		expect(response.status).toBe(200);
		const listing = (await response.json()) as {
			objects: { key: string }[];
			folders: string[];
		};
		expect(listing.objects.map((o) => o.key)).toEqual(["reports/q1.csv"]);
		expect(listing.folders).toEqual(["reports/2025/"]);
		const outside = await api(
			"GET",
			"/api/profiles/reports/objects?prefix=secret/",
		);
		expect(outside.status).toBe(400);
	});
});

describe("the Worker with STS sessions and IAM revocation", () => {
	it("signs a roleArn share with a per-share ASIA session from STS, which downloads, and revokes it with an IAM Deny", async () => {
		const { url, share: made } = await share({ profile: "scoped" });
		const decoded = decode(url);
		expect(decoded.ok && decoded.value).toMatchObject({
			signer: LOCAL_TEMPORARY.accessKeyId,
			credentialType: "temporary",
			hasSessionToken: true,
		});
		expect(made).toMatchObject({ revocable: true, expiryCertainty: "exact" });
		expect((await fetch(url)).status).toBe(200);
		const call = (await fakeAwsState()).assumeRoleCalls.at(-1);
		expect(call?.roleSessionName).toBe(`signet-${made.id}`);
		expect(JSON.parse(call?.policy ?? "{}").Statement[0]).toMatchObject({
			Action: "s3:GetObject",
			Resource: `arn:aws:s3:::${bucket}/reports/q1.csv`,
		});

		const revoked = revokeResponseSchema.parse(
			await (await api("DELETE", `/api/shares/${made.id}`)).json(),
		);
		expect(revoked.message).toContain("IAM now denies");
		const policy = JSON.parse(
			(await fakeAwsState()).policies["signet-scoped/signet-revocations"] ??
				"{}",
		) as { Statement: { Effect: string; Condition: unknown }[] };
		expect(policy.Statement).toContainEqual(
			expect.objectContaining({ Effect: "Deny" }),
		);
		// The real policy simulator (it reads data files, so the fake runs it in Node): the policy
		// the Worker wrote denies this session and no other.
		const decide = async (shareId: string) => {
			const response = await fetch(`${awsEndpoint}/__fake-aws/simulate`, {
				method: "POST",
				body: JSON.stringify({
					roleName: "signet-scoped",
					shareId,
					objectArn: `arn:aws:s3:::${bucket}/reports/q1.csv`,
					allowedResource: `arn:aws:s3:::${bucket}/reports/*`,
				}),
			});
			return ((await response.json()) as { decision?: string }).decision;
		};
		expect(await decide(made.id)).toBe("ExplicitlyDenied");
		expect(await decide("shr_another")).toBe("Allowed");
	});

	it("redirects a roleArn managed link to a URL signed by the profile's shared STS session, which downloads", async () => {
		const { url } = await share({ profile: "scoped", mode: "managed" });
		const visit = await worker.fetch(new Request(url), WORKER_ENV);
		expect(visit.status).toBe(302);
		const location = visit.headers.get("location") ?? "";
		const decoded = decode(location);
		expect(decoded.ok && decoded.value).toMatchObject({
			signer: LOCAL_TEMPORARY.accessKeyId,
			hasSessionToken: true,
		});
		expect(await (await fetch(location)).text()).toBe("month,revenue\nJan,1\n");
		const calls = (await fakeAwsState()).assumeRoleCalls;
		expect(calls.map((c) => c.roleSessionName)).toContain(
			"signet-shared-scoped",
		);
	});
});

describe("the admin page in workerd", () => {
	it("signs in, lists shares and revokes one", async () => {
		const { share: made } = await share({
			mode: "managed",
			note: "admin page",
		});
		const admin = await signInAdmin({ app, tokens: { admin: ADMIN_TOKEN } });
		const href = `/admin/shares/${made.id}`;
		const list = await (await admin.get("/admin")).text();
		expect(list).toContain(`href="${href}"`);
		expect(list).toContain("reports/q1.csv");
		const response = await admin.post(`${href}/revoke`, { confirm: "yes" });
		expect(response.headers.get("location")).toBe(`${href}?done=revoked`);
		expect(await textOf(await admin.get(href))).toContain("revoked");
		const after = (await (
			await api("GET", `/api/shares/${made.id}`)
		).json()) as {
			share: { status: string };
		};
		expect(after.share.status).toBe("revoked");
	});
});
