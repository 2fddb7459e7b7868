import { describe, expect, it } from "vitest";
import { decodingAt } from "./decode.test-support.ts";
import { decode } from "./decode.ts";

const NOW = Date.parse("2025-03-01T12:00:00Z");
const SIG = "sig=Z%2FRHIX5Xcg0Mq2rqI3OlWTjEg2tYkboXr1P9ZUXDtkk%3D";
const SERVICE_SAS = `sv=2022-11-02&st=2025-03-01T00%3A00%3A00Z&se=2025-03-02T00%3A00%3A00Z&sr=b&sp=rw&sip=168.1.5.60-168.1.5.70&spr=https&${SIG}`;
const USER_DELEGATION = [
	"sv=2022-11-02",
	"se=2025-03-03T00%3A00%3A00Z",
	"sr=b",
	"sp=r",
	"skoid=00000000-0000-0000-0000-000000000001",
	"sktid=00000000-0000-0000-0000-000000000002",
	"skt=2025-03-01T00%3A00%3A00Z",
	"ske=2025-03-02T06%3A00%3A00Z",
	"sks=b",
	"skv=2022-11-02",
	SIG,
].join("&");

const { decoded, failure, codes } = decodingAt(NOW);

describe("Azure service SAS signed with the account key", () => {
	it("reads account, container, blob, times, permissions and addresses", () => {
		const url = decoded(
			`https://myaccount.blob.core.windows.net/sascontainer/sasblob.txt?${SERVICE_SAS}`,
		);
		expect(url).toMatchObject({
			scheme: "azure-sas",
			provider: "azure",
			addressingStyle: "path",
			host: "myaccount.blob.core.windows.net",
			bucket: "sascontainer",
			key: "sasblob.txt",
			region: null,
			signer: "myaccount",
			credentialType: "long-term",
			credentialExpiresAt: null,
			signedAt: null,
			validFrom: "2025-03-01T00:00:00Z",
			expiresAt: "2025-03-02T00:00:00Z",
			effectiveExpiresAt: "2025-03-02T00:00:00Z",
			expiryCertainty: "exact",
			permissions: ["read", "write"],
			allowedIp: "168.1.5.60-168.1.5.70",
			warnings: [],
		});
	});

	it.each([
		[
			"https://acct.blob.core.windows.net/photos/2025/cat.jpg",
			"acct",
			"photos",
			"2025/cat.jpg",
		],
		["https://acct.blob.core.windows.net/c/a%20b.txt", "acct", "c", "a b.txt"],
		["https://acct.blob.core.windows.net/c/c+d.txt", "acct", "c", "c+d.txt"],
		[
			"https://acct.blob.core.windows.net/c/%E6%97%A5%E6%9C%AC/%C3%A9.txt",
			"acct",
			"c",
			"日本/é.txt",
		],
		[
			"https://acct.blob.core.windows.net/c/100%25.txt",
			"acct",
			"c",
			"100%.txt",
		],
		[
			"https://acct.blob.core.windows.net/c/dir%2Ffile",
			"acct",
			"c",
			"dir/file",
		],
		["https://acct.blob.core.windows.net/c", "acct", "c", null],
		[
			"https://acct.dfs.core.windows.net/fs/dir/file.parquet",
			"acct",
			"fs",
			"dir/file.parquet",
		],
		[
			"https://acct.file.core.windows.net/share/dir/doc.docx",
			"acct",
			"share",
			"dir/doc.docx",
		],
		[
			"https://acct.queue.core.windows.net/jobs/messages",
			"acct",
			"jobs",
			"messages",
		],
		["https://acct.blob.core.usgovcloudapi.net/c/k", "acct", "c", "k"],
		["https://acct.blob.core.chinacloudapi.cn/c/k", "acct", "c", "k"],
		["https://acct.z12.blob.storage.azure.net/c/k", "acct", "c", "k"],
		[
			"http://127.0.0.1:10000/devstoreaccount1/container/blob.txt",
			"devstoreaccount1",
			"container",
			"blob.txt",
		],
		[
			"http://localhost:10000/devstoreaccount1/c/a%20b",
			"devstoreaccount1",
			"c",
			"a b",
		],
		["http://[::1]:10000/devstoreaccount1/c/k", "devstoreaccount1", "c", "k"],
		["http://account1.blob.localhost:10000/c/k", "account1", "c", "k"],
		["https://files.example.com/c/k", null, "c", "k"],
	])(
		"reads %s as account %s, container %s, blob %j",
		(base, signer, bucket, key) => {
			expect(decoded(`${base}?${SERVICE_SAS}`)).toMatchObject({
				signer,
				bucket,
				key,
			});
		},
	);

	it("reads the container and blob from an Azurite URL without an insecure-http warning", () => {
		const url = decoded(
			`http://127.0.0.1:10000/devstoreaccount1/container/blob.txt?${SERVICE_SAS}`,
		);
		expect(url).toMatchObject({
			host: "127.0.0.1:10000",
			bucket: "container",
			key: "blob.txt",
		});
		expect(url.warnings).toEqual([]);
	});

	it.each([
		[
			"racwdxyltfmeopi",
			"",
			[
				"read",
				"add",
				"create",
				"write",
				"delete",
				"delete-version",
				"permanent-delete",
				"list",
				"tags",
				"find",
				"move",
				"execute",
				"ownership",
				"permissions",
				"set-immutability-policy",
			],
		],
		[
			"rwdlacup",
			"&ss=b&srt=sco",
			["read", "write", "delete", "list", "add", "create", "update", "process"],
		],
		["rz", "", ["read", "z"]],
	])("spells out sp=%s%s", (sp, extra, permissions) => {
		const url = `https://acct.blob.core.windows.net/c/k?sv=2022-11-02&se=2025-03-02&sp=${sp}${extra}&${SIG}`;
		expect(decoded(url).permissions).toEqual(permissions);
	});

	it("reads p as process on a queue", () => {
		const url = `https://acct.queue.core.windows.net/jobs/messages?sv=2022-11-02&se=2025-03-02&sp=raup&${SIG}`;
		expect(decoded(url).permissions).toEqual([
			"read",
			"add",
			"update",
			"process",
		]);
	});

	it("accepts a date-only expiry as midnight UTC", () => {
		const url = `https://acct.blob.core.windows.net/c/k?sv=2022-11-02&se=2025-03-02&sp=r&${SIG}`;
		expect(decoded(url)).toMatchObject({
			expiresAt: "2025-03-02T00:00:00Z",
			permissions: ["read"],
		});
	});

	it("warns before st that the URL is not yet valid, and after se that it has expired", () => {
		const url = `https://acct.blob.core.windows.net/c/k?${SERVICE_SAS}`;
		expect(codes(url, Date.parse("2025-02-28T23:59:59Z"))).toEqual([
			"not-yet-valid",
		]);
		expect(codes(url)).toEqual([]);
		expect(codes(url, Date.parse("2025-03-02T00:00:00Z"))).toEqual(["expired"]);
	});

	it("says those times the way people quote them", () => {
		const url = `https://acct.blob.core.windows.net/c/k?${SERVICE_SAS}`;
		const messages = (nowMs: number) => {
			const result = decode(url, { nowMs });
			return result.ok ? result.value.warnings.map((w) => w.message) : [];
		};
		expect(messages(Date.parse("2025-02-28T23:59:59Z"))).toEqual([
			"Not valid before 2025-03-01 00:00:00 UTC: requests until then are refused.",
		]);
		expect(messages(Date.parse("2025-03-02T00:00:00Z"))).toEqual([
			"Expired at 2025-03-02 00:00:00 UTC: every request is now refused.",
		]);
	});
});

describe("Azure user delegation SAS", () => {
	it("expires exactly when the delegation key does, if that comes before se", () => {
		const url = decoded(
			`https://acct.blob.core.windows.net/c/k?${USER_DELEGATION}`,
		);
		expect(url).toMatchObject({
			credentialType: "temporary",
			expiresAt: "2025-03-03T00:00:00Z",
			credentialExpiresAt: "2025-03-02T06:00:00Z",
			effectiveExpiresAt: "2025-03-02T06:00:00Z",
			expiryCertainty: "exact",
			warnings: [],
		});
	});

	it("expires at se when the delegation key outlives it", () => {
		const url = decoded(
			`https://acct.blob.core.windows.net/c/k?${USER_DELEGATION.replace("ske=2025-03-02T06", "ske=2025-03-05T06")}`,
		);
		expect(url).toMatchObject({
			effectiveExpiresAt: "2025-03-03T00:00:00Z",
			expiryCertainty: "exact",
		});
	});

	it("gives only an upper bound, with a warning, when ske is absent", () => {
		const url = decoded(
			`https://acct.blob.core.windows.net/c/k?${USER_DELEGATION.replace("&ske=2025-03-02T06%3A00%3A00Z", "")}`,
		);
		expect(url).toMatchObject({
			credentialExpiresAt: null,
			expiryCertainty: "upper-bound",
		});
		expect(url.warnings.map((w) => w.code)).toEqual(["temporary-credentials"]);
	});
});

describe("Azure SAS tied to a stored access policy", () => {
	it("says the expiry lives in the named policy and that it cannot be known", () => {
		const url = decoded(
			`https://acct.blob.core.windows.net/c/k?sv=2022-11-02&si=read-only-policy&sr=b&${SIG}`,
		);
		expect(url).toMatchObject({
			expiresAt: null,
			effectiveExpiresAt: null,
			expiryCertainty: "unknown",
			permissions: null,
		});
		expect(url.warnings).toEqual([
			{
				code: "expiry-in-policy",
				message: expect.stringContaining(
					"stored access policy 'read-only-policy'",
				),
			},
		]);
	});

	it("uses se when the URL states one next to the policy", () => {
		const url = decoded(
			`https://acct.blob.core.windows.net/c/k?sv=2022-11-02&si=p1&se=2025-03-02&${SIG}`,
		);
		expect(url).toMatchObject({
			expiresAt: "2025-03-02T00:00:00Z",
			warnings: [],
		});
	});
});

describe("malformed Azure SAS", () => {
	it.each([
		["se", "sv=2022-11-02&se=tomorrow", "se 'tomorrow'"],
		[
			"st",
			"sv=2022-11-02&st=2025-13-45T00%3A00%3A00Z&se=2025-03-02",
			"st '2025-13-45T00:00:00Z'",
		],
		[
			"ske",
			"sv=2022-11-02&se=2025-03-02&skoid=x&ske=03%2F02%2F2025",
			"ske '03/02/2025'",
		],
		["se, when neither se nor si is present", "sv=2022-11-02&sp=r", "se"],
	])("refuses a bad %s, naming it", (_, query, quoted) => {
		expect(
			failure(`https://acct.blob.core.windows.net/c/k?${query}&${SIG}`),
		).toMatchObject({
			code: "malformed",
			message: expect.stringContaining(quoted),
		});
	});

	it("refuses a broken escape in the blob name", () => {
		expect(
			failure(`https://acct.blob.core.windows.net/c/%zz?${SERVICE_SAS}`),
		).toMatchObject({
			code: "malformed",
			message: expect.stringContaining("percent-escape"),
		});
	});
});

describe("Azure SAS times that do not exist", () => {
	it.each(["2025-02-30T00:00:00Z", "2025-01-01T24:00:00Z", "2025-13-01"])(
		"refuses se=%s",
		(se) => {
			const result = decode(
				`https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=${encodeURIComponent(se)}&sr=b&sp=r&sig=x`,
			);
			expect(!result.ok && result.error.code).toBe("malformed");
		},
	);
});
