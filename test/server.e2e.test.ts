/**
 * The backend over real HTTP against a real S3 server that checks signatures and expiry, with STS
 * and IAM faked at their HTTP boundary; the IAM policy it writes is checked in the policy simulator.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../server/node.ts";
import {
	createShareResponseSchema,
	revokeResponseSchema,
} from "../shared/api.ts";
import { decode } from "../shared/presigned/decode.ts";
import { type Backend, ROLE_ARN, startBackend } from "./support/backend.ts";
import type { FakeAws } from "./support/fake-aws.ts";
import { simulateSessionGet } from "./support/iam-simulator.ts";
import { LOCAL_TEMPORARY } from "./support/s3-server.ts";

let aws: FakeAws;
let server: RunningServer;
let backend: Backend;
const tokens: Record<"admin" | "alice" | "bob", string> = {
	admin: "",
	alice: "",
	bob: "",
};

beforeAll(async () => {
	backend = await startBackend({
		objects: {
			"reports/q1.csv": "month,revenue\nJan,1\n",
			"reports/2025/march/summary.pdf": "%PDF",
			"secret/pay.csv": "no",
		},
		profiles: (base) => [
			{ id: "reports", label: "Reports", ...base, actions: ["get", "put"] },
			{
				id: "scoped",
				label: "Scoped",
				...base,
				credentials: { roleArn: ROLE_ARN },
			},
		],
	});
	({ aws, server } = backend);
	Object.assign(tokens, backend.tokens);
});

afterAll(() => backend?.close());

function api(
	method: string,
	path: string,
	as: keyof typeof tokens,
	body?: unknown,
) {
	return fetch(`${server.url}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${tokens[as]}`,
			"content-type": "application/json",
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

async function share(body: object, as: keyof typeof tokens = "alice") {
	const response = await api("POST", "/api/shares", as, {
		profile: "reports",
		key: "reports/q1.csv",
		...body,
	});
	expect(response.status).toBe(201);
	return createShareResponseSchema.parse(await response.json());
}

describe("direct links against a signature-checking S3 server", () => {
	it("downloads the object", async () => {
		const { url } = await share({ ttlSeconds: 300 });
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe("month,revenue\nJan,1\n");
	});

	it("is refused with 403 once tampered with", async () => {
		const { url } = await share({});
		for (const tampered of [
			url.replace("q1.csv", "q2.csv"),
			url.replace(/X-Amz-Expires=\d+/, "X-Amz-Expires=7200"),
		]) {
			const response = await fetch(tampered);
			expect(response.status).toBe(403);
			expect(await response.text()).toContain("SignatureDoesNotMatch");
		}
	});

	it("dies when it says: a 1-second link fetched later gets 403 Request has expired", async () => {
		const { url, share: made } = await share({ ttlSeconds: 1 });
		expect(
			Date.parse(made.effectiveExpiresAt) - Date.parse(made.createdAt),
		).toBeLessThanOrEqual(1000);
		await new Promise((done) => setTimeout(done, 2100));
		const response = await fetch(url);
		expect(response.status).toBe(403);
		expect(await response.text()).toContain("Request has expired");
	});

	it("uploads with a PUT link, and the upload can be read back", async () => {
		const { url } = await share({
			key: "reports/upload.txt",
			action: "put",
			contentType: "text/plain",
		});
		const put = await fetch(url, {
			method: "PUT",
			body: "uploaded through Signet",
			headers: { "content-type": "text/plain" },
		});
		expect(put.status).toBe(200);
		const { url: readUrl } = await share({ key: "reports/upload.txt" });
		expect(await (await fetch(readUrl)).text()).toBe("uploaded through Signet");
	});

	it("refuses escapes before signing anything", async () => {
		for (const key of [
			"reports/../secret/pay.csv",
			"reports/%2e%2e/secret/pay.csv",
			"secret/pay.csv",
			"reports-x/a",
		]) {
			const response = await api("POST", "/api/shares", "alice", {
				profile: "reports",
				key,
			});
			expect(response.status).toBe(400);
		}
	});
});

describe("managed links over HTTP", () => {
	it("redirect to the object, count downloads and answer 410 at the limit", async () => {
		const { url, share: made } = await share({
			mode: "managed",
			maxDownloads: 2,
			filename: "Q1.csv",
		});
		for (let visit = 0; visit < 2; visit++) {
			const response = await fetch(url);
			expect(response.status).toBe(200);
			expect(response.redirected).toBe(true);
			expect(response.headers.get("content-disposition")).toBe(
				'attachment; filename="Q1.csv"',
			);
		}
		expect((await fetch(url)).status).toBe(410);
		const detail = (await (
			await api("GET", `/api/shares/${made.id}`, "alice")
		).json()) as { share: { downloads: number } };
		expect(detail.share.downloads).toBe(2);
	});

	it("answer 410 right after revocation", async () => {
		const { url, share: made } = await share({ mode: "managed" });
		expect((await fetch(url, { redirect: "manual" })).status).toBe(302);
		expect(
			(await api("DELETE", `/api/shares/${made.id}`, "alice")).status,
		).toBe(200);
		const gone = await fetch(url);
		expect(gone.status).toBe(410);
		expect(await gone.text()).toContain("revoked");
	});
});

describe("browsing a profile's objects", () => {
	it("lists objects and folders under the prefix, and nothing outside it", async () => {
		const listing = (await (
			await api("GET", "/api/profiles/reports/objects", "alice")
		).json()) as {
			objects: { key: string; size: number }[];
			folders: string[];
		};
		expect(listing.objects.map((o) => o.key)).toContain("reports/q1.csv");
		expect(listing.folders).toEqual(["reports/2025/"]);
		const nested = (await (
			await api(
				"GET",
				"/api/profiles/reports/objects?prefix=reports/2025/",
				"alice",
			)
		).json()) as {
			folders: string[];
		};
		expect(nested.folders).toEqual(["reports/2025/march/"]);
		for (const prefix of ["secret/", "reports/../secret/", ""]) {
			const outside = await api(
				"GET",
				`/api/profiles/reports/objects?prefix=${encodeURIComponent(prefix)}`,
				"alice",
			);
			expect(outside.status).toBe(400);
		}
	});
});

describe("who may do what", () => {
	it("keeps a member away from another member's share", async () => {
		const { share: bobs } = await share({}, "bob");
		expect((await api("GET", `/api/shares/${bobs.id}`, "alice")).status).toBe(
			404,
		);
		expect(
			(await api("DELETE", `/api/shares/${bobs.id}`, "alice")).status,
		).toBe(404);
		expect((await api("GET", `/api/shares/${bobs.id}`, "admin")).status).toBe(
			200,
		);
	});
});

describe("per-share STS sessions and IAM revocation", () => {
	it("signs with a session scoped to the one object, which downloads it", async () => {
		const { url, share: made } = await share({
			profile: "scoped",
			ttlSeconds: 600,
		});
		const call = aws.assumeRoleCalls.at(-1);
		expect(call).toMatchObject({
			roleArn: ROLE_ARN,
			roleSessionName: `signet-${made.id}`,
			durationSeconds: 900,
		});
		expect(JSON.parse(call?.policy ?? "{}").Statement[0]).toMatchObject({
			Effect: "Allow",
			Action: "s3:GetObject",
			Resource: "arn:aws:s3:::acme/reports/q1.csv",
		});
		const decoded = decode(url);
		expect(decoded.ok && decoded.value).toMatchObject({
			signer: LOCAL_TEMPORARY.accessKeyId,
			hasSessionToken: true,
		});
		expect(made).toMatchObject({ revocable: true, expiryCertainty: "exact" });
		expect((await fetch(url)).status).toBe(200);
	});

	it("revokes by denying that session in the role's inline policy, as the simulator confirms", async () => {
		const { share: made } = await share({ profile: "scoped" });
		const { share: other } = await share({ profile: "scoped" });
		const revoked = revokeResponseSchema.parse(
			await (await api("DELETE", `/api/shares/${made.id}`, "alice")).json(),
		);
		expect(revoked.message).toContain("IAM now denies");
		const policy = aws.rolePolicy("signet-scoped", "signet-revocations");
		expect(policy).toBeDefined();
		const verdict = (shareId: string) => simulate(shareId, policy ?? "{}", {});
		expect(await verdict(made.id)).toBe("ExplicitlyDenied");
		expect(await verdict(other.id)).toBe("Allowed");
	});

	it("restores a Deny that a concurrent writer dropped, with the role's next revocation", async () => {
		const { share: first } = await share({ profile: "scoped" });
		const { share: second } = await share({ profile: "scoped" });
		await api("DELETE", `/api/shares/${first.id}`, "alice");
		const withFirst = aws.rolePolicy("signet-scoped", "signet-revocations");
		expect(await simulate(first.id, withFirst ?? "{}", {})).toBe(
			"ExplicitlyDenied",
		);
		// Another writer (a second Worker isolate) puts back the policy as it read it before.
		aws.setRolePolicy(
			"signet-scoped",
			"signet-revocations",
			JSON.stringify({ Version: "2012-10-17", Statement: [] }),
		);
		await api("DELETE", `/api/shares/${second.id}`, "alice");
		const healed =
			aws.rolePolicy("signet-scoped", "signet-revocations") ?? "{}";
		expect(await simulate(first.id, healed, {})).toBe("ExplicitlyDenied");
		expect(await simulate(second.id, healed, {})).toBe("ExplicitlyDenied");
	});

	it("revokes a whole profile: every earlier session denied, managed links 410, later sessions fine", async () => {
		const managed = await share({ profile: "scoped", mode: "managed" });
		expect(
			(await api("POST", "/api/profiles/scoped/revoke-all", "alice")).status,
		).toBe(403);
		const response = await api(
			"POST",
			"/api/profiles/scoped/revoke-all",
			"admin",
		);
		expect(response.status).toBe(200);
		const result = (await response.json()) as {
			revoked: number;
			message: string;
		};
		expect(result.revoked).toBeGreaterThan(0);
		expect(result.message).toContain("issued before");
		expect((await fetch(managed.url)).status).toBe(410);
		const policy =
			aws.rolePolicy("signet-scoped", "signet-revocations") ?? "{}";
		const issuedBefore = new Date(Date.now() - 60_000).toISOString();
		const issuedAfter = new Date(Date.now() + 60_000).toISOString();
		expect(
			await simulate("shr_earlier", policy, {
				"aws:TokenIssueTime": issuedBefore,
			}),
		).toBe("ExplicitlyDenied");
		expect(
			await simulate("shr_later", policy, {
				"aws:TokenIssueTime": issuedAfter,
			}),
		).toBe("Allowed");
	});
});

function simulate(
	shareId: string,
	revocationPolicy: string,
	context: { "aws:TokenIssueTime"?: string },
) {
	return simulateSessionGet({
		roleName: "signet-scoped",
		shareId,
		objectArn: "arn:aws:s3:::acme/reports/q1.csv",
		allowedResource: "arn:aws:s3:::acme/reports/*",
		revocationPolicy,
		issuedAt: context["aws:TokenIssueTime"],
	});
}
