/**
 * Azure Storage shared access signatures: service SAS (account key) and user delegation SAS (Entra ID).
 * https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
 * https://learn.microsoft.com/en-us/rest/api/storageservices/create-user-delegation-sas
 */
import { ok } from "../result.ts";
import { emptyFields, parseIsoDateTime } from "./fields.ts";
import { percentDecode } from "./percent-decode.ts";
import { type Outcome, problem } from "./problem.ts";
import type { SchemeDecoder, SchemeFields, Warning } from "./types.ts";
import { isLoopback, type UrlParts } from "./url-parts.ts";

export const azureSas: SchemeDecoder = {
	matches: (params) =>
		params.has("sig") &&
		(params.has("sv") || params.has("se") || params.has("si")),
	decode: decodeAzureSas,
};

// https://learn.microsoft.com/en-us/azure/storage/common/storage-account-overview#storage-account-endpoints
// Public, US Government and China clouds, DNS-zone endpoints, and Azurite's production-style names.
const AZURE_HOST =
	/^([a-z0-9]+)\.(?:z\d+\.)?(blob|dfs|file|queue|table)\.(?:core\.windows\.net|core\.usgovcloudapi\.net|core\.chinacloudapi\.cn|storage\.azure\.net|localhost)$/;
const IP_HOST = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;

// Letters of `sp`, in the order Azure requires them. `p` depends on the service: see below.
const PERMISSIONS: Record<string, string> = {
	r: "read",
	a: "add",
	c: "create",
	w: "write",
	d: "delete",
	x: "delete-version",
	y: "permanent-delete",
	l: "list",
	t: "tags",
	f: "find",
	m: "move",
	e: "execute",
	o: "ownership",
	p: "permissions",
	i: "set-immutability-policy",
	u: "update",
};

function decodeAzureSas(url: UrlParts): Outcome<SchemeFields, "malformed"> {
	const { params } = url;
	const host = AZURE_HOST.exec(url.hostname);
	const location = locate(host?.[1] ?? null, url);
	if (!location.ok) return location;
	const times: Record<"st" | "se" | "ske", number | null> = {
		st: null,
		se: null,
		ske: null,
	};
	for (const name of ["st", "se", "ske"] as const) {
		const raw = params.get(name);
		if (raw === undefined) continue;
		times[name] = parseIsoDateTime(raw);
		if (times[name] === null) {
			return problem("malformed", "azure-time", name, raw);
		}
	}
	const policy = params.get("si");
	const notes: Warning[] = [];
	if (times.se === null) {
		if (policy === undefined) {
			return problem("malformed", "azure-no-expiry");
		}
		notes.push({
			code: "expiry-in-policy",
			message: `The expiry lives in stored access policy '${policy}' on the container: the URL cannot tell it, and whoever manages the container can change or revoke the policy at any time.`,
		});
	}
	// A user delegation key (skoid, ske) comes from Entra ID and dies at ske, taking the SAS with it.
	const isUserDelegation = params.has("skoid");
	// Account SAS (srt) and Queue service SAS read `p` as process; elsewhere it is set-ACL permissions.
	const isProcess = params.has("srt") || host?.[2] === "queue";
	return ok(
		emptyFields(
			{
				scheme: "azure-sas",
				provider: "azure",
				addressingStyle: "path",

				credentialType: isUserDelegation ? "temporary" : "long-term",
				credentialExpiresAtMs: isUserDelegation ? times.ske : null,
				validFromMs: times.st,
				expiresAtMs: times.se,
				permissions: permissionsOf(params.get("sp"), isProcess),
				allowedIp: params.get("sip") || null,
				notes,
			},
			location.value,
		),
	);
}

function permissionsOf(sp: string | undefined, isProcess: boolean) {
	if (sp === undefined) return null;
	// An unknown letter is kept as written: newer service versions add letters.
	return [...sp].map((letter) =>
		letter === "p" && isProcess ? "process" : (PERMISSIONS[letter] ?? letter),
	);
}

type AzureLocation = Pick<SchemeFields, "signer" | "bucket" | "key">;

/** Account from the host, or from the first path segment on Azurite's IP-style URLs. */
function locate(
	hostAccount: string | null,
	url: UrlParts,
): Outcome<AzureLocation, "malformed"> {
	let rest = url.rawPath.slice(1);
	let account = hostAccount;
	if (
		account === null &&
		(IP_HOST.test(url.hostname) || isLoopback(url.hostname))
	) {
		[account, rest] = splitFirst(rest);
	}
	// Split before decoding: an encoded slash (%2F) belongs to the blob name.
	const [rawContainer, rawBlob] = splitFirst(rest);
	const parts = [account ?? "", rawContainer, rawBlob].map(percentDecode);
	const [signer, bucket, key] = parts;
	if (signer == null || bucket == null || key == null) {
		return problem("malformed", "blob-escape");
	}
	return ok({
		signer: signer || null,
		bucket: bucket || null,
		key: key || null,
	});
}

function splitFirst(path: string): [string, string] {
	const slash = path.indexOf("/");
	return slash === -1
		? [path, ""]
		: [path.slice(0, slash), path.slice(slash + 1)];
}
