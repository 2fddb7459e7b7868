/**
 * A fake STS and IAM on 127.0.0.1 speaking the AWS Query protocol (form POST, XML answers), faked at
 * the HTTP boundary: it records every request and, like AWS, refuses any whose SigV4 signature the
 * AWS SDK's own signer does not reproduce with the caller's secret, or whose date is 15 min off.
 * For tests that run in another runtime: `GET /__fake-aws/state` shows what it recorded, and
 * `POST /__fake-aws/simulate` says what IAM would decide for a per-share session (iam-simulator.ts).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */

import { randomBytes, randomUUID } from "node:crypto";
import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { parseBasicDateTime } from "../../shared/presigned/fields.ts";
import { type SessionGetRequest, simulateSessionGet } from "./iam-simulator.ts";
import { sdkSignedHeaders } from "./sdk-sigv4.ts";

export interface FakeAwsCaller {
	accessKeyId: string;
	secretAccessKey: string;
	/** Temporary keys: requests must carry this token. */
	sessionToken?: string;
}

export interface FakeAwsOptions {
	/** The identities whose signed requests it accepts (the backend's own keys); others get 403. */
	callers?: FakeAwsCaller[];
	/** The key pair AssumeRole hands out (give one the local S3 server accepts); must start with ASIA. */
	credentials?: { accessKeyId: string; secretAccessKey: string };
	/** The role's MaxSessionDuration (default 3600). */
	maxSessionSeconds?: number;
	/** When set, AssumeRole refuses calls without this ExternalId (AccessDenied). */
	requireExternalId?: string;
	/** The id before the colon of AssumedRoleId (default AROAEXAMPLEROLEID). */
	roleId?: string;
	/** Clock for Expiration (default: the real time). */
	now?: () => Date;
	/** Answer a request with an error instead, e.g. to test failures. */
	fail?: (request: FakeAwsRequest) => FakeAwsError | undefined;
}

export interface FakeAwsError {
	status: number;
	code: string;
	message: string;
}

export interface FakeAwsRequest {
	action: string;
	params: Record<string, string>;
	/** From the Authorization header; null when unsigned. */
	accessKeyId: string | null;
	hasSessionToken: boolean;
	/** Why the signature was refused (403), or null when it was valid. */
	signatureProblem: string | null;
}

export interface AssumeRoleCall {
	roleArn: string;
	roleSessionName: string;
	durationSeconds: number | undefined;
	externalId: string | undefined;
	policy: string | undefined;
	/** The error code answered, or null when credentials were issued. */
	error: string | null;
}

export interface FakeAws {
	endpoint: string;
	requests: FakeAwsRequest[];
	assumeRoleCalls: AssumeRoleCall[];
	/** The plain JSON of an inline role policy, as last put. */
	rolePolicy(roleName: string, policyName: string): string | undefined;
	setRolePolicy(roleName: string, policyName: string, document: string): void;
	close(): Promise<void>;
}

export const FAKE_ACCOUNT_ID = "123456789012";
const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const DEFAULT_CREDENTIALS = {
	accessKeyId: "ASIAFAKEAWSEXAMPLE01",
	secretAccessKey: "fakeAwsSecretAccessKeyExample0000000001",
};

export async function startFakeAws(
	options: FakeAwsOptions = {},
): Promise<FakeAws> {
	const issued = options.credentials ?? DEFAULT_CREDENTIALS;
	if (!issued.accessKeyId.startsWith("ASIA")) {
		throw new Error(
			`[signet] [fake-aws] Option \`credentials.accessKeyId\` must start with ASIA (temporary credentials), got '${issued.accessKeyId}'.`,
		);
	}
	const state: State = {
		options,
		issued,
		requests: [],
		assumeRoleCalls: [],
		policies: new Map(),
	};
	const server = createServer((req, res) => {
		handle(state, req, res).catch((error: unknown) => {
			send(res, 500, errorXml(STS_NS, "InternalFailure", String(error)));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		requests: state.requests,
		assumeRoleCalls: state.assumeRoleCalls,
		rolePolicy: (role, name) => state.policies.get(`${role}/${name}`),
		setRolePolicy: (role, name, document) => {
			state.policies.set(`${role}/${name}`, document);
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				if (!server.listening) return resolve();
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

interface State {
	options: FakeAwsOptions;
	issued: { accessKeyId: string; secretAccessKey: string };
	requests: FakeAwsRequest[];
	assumeRoleCalls: AssumeRoleCall[];
	policies: Map<string, string>;
}

type Answer = { status: number; body: string };

async function handle(
	state: State,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	if (req.method === "GET" && req.url === "/__fake-aws/state") {
		res.writeHead(200, { "content-type": "application/json" });
		res.end(
			JSON.stringify({
				assumeRoleCalls: state.assumeRoleCalls,
				policies: Object.fromEntries(state.policies),
			}),
		);
		return;
	}
	const body = Buffer.concat(chunks).toString("utf8");
	if (req.method === "POST" && req.url === "/__fake-aws/simulate") {
		// What IAM would decide for a GetObject by a per-share session, given the role's inline
		// revocation policy as this fake holds it: the real simulator, for tests in other runtimes.
		const request = JSON.parse(body) as SessionGetRequest & {
			policyName?: string;
		};
		const decision = await simulateSessionGet({
			...request,
			revocationPolicy: state.policies.get(
				`${request.roleName}/${request.policyName ?? "signet-revocations"}`,
			),
		});
		res.writeHead(200, { "content-type": "application/json" });
		res.end(JSON.stringify({ decision }));
		return;
	}
	const params = Object.fromEntries(new URLSearchParams(body));
	const credential = /Credential=([^/,\s]+)\//.exec(
		req.headers.authorization ?? "",
	);
	const ns = params.Version === "2010-05-08" ? IAM_NS : STS_NS;
	const refusal = await checkSignature(state, req, body, ns === IAM_NS);
	const request: FakeAwsRequest = {
		action: params.Action ?? "",
		params,
		accessKeyId: credential?.[1] ?? null,
		hasSessionToken: req.headers["x-amz-security-token"] !== undefined,
		signatureProblem: refusal?.code ?? null,
	};
	state.requests.push(request);
	const answer = refusal ? failure(ns, refusal) : answerFor(state, request);
	send(res, answer.status, answer.body);
}

const AUTHORIZATION =
	/^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60_000;

/** What AWS would answer to a request it cannot authenticate; undefined when the signature is good. */
async function checkSignature(
	state: State,
	req: IncomingMessage,
	body: string,
	isIam: boolean,
): Promise<FakeAwsError | undefined> {
	const denied = (code: string, message: string) => ({
		status: 403,
		code,
		message,
	});
	const match = AUTHORIZATION.exec(req.headers.authorization ?? "");
	if (!match) {
		return denied(
			"MissingAuthenticationToken",
			"Request is missing Authentication Token",
		);
	}
	const [, accessKeyId, shortDate, region, service, signedHeaders, signature] =
		match as unknown as string[];
	const token = req.headers["x-amz-security-token"];
	const caller = state.options.callers?.find(
		(c) => c.accessKeyId === accessKeyId,
	);
	if (!caller || caller.sessionToken !== token) {
		return denied(
			"InvalidClientTokenId",
			"The security token included in the request is invalid.",
		);
	}
	const expectedService = isIam ? "iam" : "sts";
	if (service !== expectedService) {
		return denied(
			"SignatureDoesNotMatch",
			`Credential should be scoped to correct service: '${expectedService}'.`,
		);
	}
	const amzDate = String(req.headers["x-amz-date"] ?? "");
	const signedAt = parseBasicDateTime(amzDate);
	if (
		signedAt === null ||
		!amzDate.startsWith(shortDate ?? "") ||
		Math.abs(Date.now() - signedAt) > MAX_SKEW_MS
	) {
		return denied(
			"SignatureDoesNotMatch",
			`Signature expired: ${amzDate} is now earlier or later than 15 minutes from now.`,
		);
	}
	const headers: Record<string, string> = {};
	for (const name of (signedHeaders ?? "").split(";")) {
		const value = req.headers[name];
		if (value === undefined) {
			return denied(
				"SignatureDoesNotMatch",
				`Signed header '${name}' is not in the request.`,
			);
		}
		headers[name] = Array.isArray(value) ? value.join(", ") : value;
	}
	const expected = await sdkSignedHeaders({
		method: req.method ?? "",
		url: new URL(req.url ?? "/", `http://${req.headers.host}`),
		headers,
		body,
		service: service ?? "",
		region: region ?? "",
		credentials: caller,
		signingDate: new Date(signedAt),
	});
	if (!expected.authorization?.endsWith(`Signature=${signature}`)) {
		return denied(
			"SignatureDoesNotMatch",
			"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
		);
	}
	return undefined;
}

function answerFor(state: State, request: FakeAwsRequest): Answer {
	if (request.action === "AssumeRole") return assumeRole(state, request);
	const ns = request.params.Version === "2010-05-08" ? IAM_NS : STS_NS;
	const injected = state.options.fail?.(request);
	if (injected) return failure(ns, injected);
	switch (request.action) {
		case "GetCallerIdentity":
			return ok(
				"GetCallerIdentity",
				STS_NS,
				`<Arn>arn:aws:iam::${FAKE_ACCOUNT_ID}:user/signet-test</Arn><UserId>AIDAFAKEAWSEXAMPLE01</UserId><Account>${FAKE_ACCOUNT_ID}</Account>`,
			);
		case "GetRolePolicy":
		case "PutRolePolicy":
		case "DeleteRolePolicy":
			return rolePolicyAction(state, request.action, request.params);
		default:
			return failure(ns, {
				status: 400,
				code: "InvalidAction",
				message: `Could not find operation ${request.action}`,
			});
	}
}

function assumeRole(state: State, request: FakeAwsRequest): Answer {
	const { params } = request;
	const call: AssumeRoleCall = {
		roleArn: params.RoleArn ?? "",
		roleSessionName: params.RoleSessionName ?? "",
		durationSeconds:
			params.DurationSeconds === undefined
				? undefined
				: Number(params.DurationSeconds),
		externalId: params.ExternalId,
		policy: params.Policy,
		error: null,
	};
	state.assumeRoleCalls.push(call);
	const refusal =
		state.options.fail?.(request) ?? refuseAssumeRole(state, request, call);
	if (refusal) {
		call.error = refusal.code;
		return failure(STS_NS, refusal);
	}
	const now = state.options.now?.() ?? new Date();
	const expiration = new Date(
		now.getTime() + (call.durationSeconds ?? 3600) * 1000,
	);
	const roleName = call.roleArn.split("/").at(-1) ?? "";
	const roleId = state.options.roleId ?? "AROAEXAMPLEROLEID";
	return ok(
		"AssumeRole",
		STS_NS,
		`<AssumedRoleUser><Arn>arn:aws:sts::${FAKE_ACCOUNT_ID}:assumed-role/${xml(roleName)}/${xml(call.roleSessionName)}</Arn><AssumedRoleId>${roleId}:${xml(call.roleSessionName)}</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>${xml(state.issued.accessKeyId)}</AccessKeyId><SecretAccessKey>${xml(state.issued.secretAccessKey)}</SecretAccessKey><SessionToken>FakeSessionToken${randomBytes(24).toString("base64url")}</SessionToken><Expiration>${expiration.toISOString().replace(/\.\d{3}Z$/, "Z")}</Expiration></Credentials><PackedPolicySize>${call.policy ? 6 : 0}</PackedPolicySize>`,
	);
}

/** The checks real STS makes that our adapters must respect, with its messages. */
function refuseAssumeRole(
	state: State,
	request: FakeAwsRequest,
	call: AssumeRoleCall,
): FakeAwsError | undefined {
	const invalid = (message: string) => ({
		status: 400,
		code: "ValidationError",
		message,
	});
	const duration = call.durationSeconds ?? 3600;
	if (duration < 900) {
		return invalid(
			`1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
		);
	}
	if (duration > (state.options.maxSessionSeconds ?? 3600)) {
		return invalid(
			"The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
		);
	}
	if (duration > 3600 && request.accessKeyId?.startsWith("ASIA")) {
		return invalid(
			"The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
		);
	}
	if (!/^[\w+=,.@-]{2,64}$/.test(call.roleSessionName)) {
		return invalid(
			"1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
		);
	}
	if ((call.policy?.length ?? 0) > 2048) {
		return invalid(
			"1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048",
		);
	}
	const required = state.options.requireExternalId;
	if (required !== undefined && call.externalId !== required) {
		return {
			status: 403,
			code: "AccessDenied",
			message: `User: arn:aws:iam::${FAKE_ACCOUNT_ID}:user/signet-test is not authorized to perform: sts:AssumeRole on resource: ${call.roleArn}`,
		};
	}
	return undefined;
}

function rolePolicyAction(
	state: State,
	action: "GetRolePolicy" | "PutRolePolicy" | "DeleteRolePolicy",
	params: Record<string, string>,
): Answer {
	const roleName = params.RoleName ?? "";
	const policyName = params.PolicyName ?? "";
	const key = `${roleName}/${policyName}`;
	if (action === "PutRolePolicy") {
		state.policies.set(key, params.PolicyDocument ?? "");
		return ok(action, IAM_NS, null);
	}
	const document = state.policies.get(key);
	if (document === undefined) {
		return failure(IAM_NS, {
			status: 404,
			code: "NoSuchEntity",
			message: `The role policy with name ${policyName} cannot be found.`,
		});
	}
	if (action === "DeleteRolePolicy") {
		state.policies.delete(key);
		return ok(action, IAM_NS, null);
	}
	// Real IAM answers the document URL-encoded (RFC 3986).
	return ok(
		action,
		IAM_NS,
		`<RoleName>${xml(roleName)}</RoleName><PolicyName>${xml(policyName)}</PolicyName><PolicyDocument>${xml(encodeURIComponent(document))}</PolicyDocument>`,
	);
}

function ok(action: string, ns: string, result: string | null): Answer {
	const body =
		result === null ? "" : `<${action}Result>${result}</${action}Result>`;
	return {
		status: 200,
		body: `<${action}Response xmlns="${ns}">${body}<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
	};
}

function failure(ns: string, error: FakeAwsError): Answer {
	return {
		status: error.status,
		body: errorXml(ns, error.code, error.message),
	};
}

function errorXml(ns: string, code: string, message: string): string {
	return `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${xml(code)}</Code><Message>${xml(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`;
}

function send(res: ServerResponse, status: number, body: string): void {
	res.writeHead(status, {
		"content-type": "text/xml",
		"x-amzn-requestid": requestId(),
	});
	res.end(body);
}

function requestId(): string {
	return randomUUID();
}

function xml(value: string): string {
	return value
		.replace(/&/g, "&amp;")
		.replace(/</g, "&lt;")
		.replace(/>/g, "&gt;")
		.replace(/"/g, "&quot;");
}
