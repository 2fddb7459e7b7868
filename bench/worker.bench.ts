/**
 * The Worker: its upload size (wrangler deploy --dry-run), its cold start and the cost of one
 * managed-link visit in workerd locally (the Miniflare that comes with wrangler), each next to a
 * baseline measured in the same run: a hello-world Worker for the cold start, GET /healthz per visit.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readD1Migrations } from "@cloudflare/vitest-plugin";
import { buildWorkerBundle } from "../test/support/worker-bundle.ts";
import { BENCH_KEYS, BENCH_PROFILE } from "./fixtures.ts";
import { median } from "./harness.ts";

const GZIP_BUDGET_KIB = 250;
const FREE_PLAN_CPU_MS = 10;
const ORIGIN = "https://signet.bench.workers.dev";
const ADMIN_TOKEN = `sgt_workerbench1_${"C".repeat(43)}`;
const HELLO = `export default { fetch: () => new Response("hello") };`;
const BINDINGS = {
	SIGNET_CONFIG: JSON.stringify({ profiles: [BENCH_PROFILE] }),
	SIGNET_BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
	AWS_ACCESS_KEY_ID: BENCH_KEYS.accessKeyId,
	AWS_SECRET_ACCESS_KEY: BENCH_KEYS.secretAccessKey,
};

/** The parts of Miniflare used here (wrangler's own copy, so the workerd wrangler runs). */
interface MiniflareLike {
	ready: Promise<URL>;
	dispatchFetch(url: string, init?: RequestInit): Promise<Response>;
	getD1Database(name: string): Promise<{
		prepare(sql: string): { run(): Promise<unknown> };
	}>;
	dispose(): Promise<void>;
}
type MiniflareClass = new (options: Record<string, unknown>) => MiniflareLike;
const fromWrangler = createRequire(
	createRequire(import.meta.url).resolve("wrangler"),
);
const { Miniflare } = fromWrangler("miniflare") as {
	Miniflare: MiniflareClass;
};

function start(script: string, persist: string): MiniflareLike {
	return new Miniflare({
		modules: true,
		script,
		compatibilityDate: "2026-04-01",
		// The Worker logs a line per request; drained, not printed, in both setups alike.
		handleRuntimeStdio: (
			stdout: NodeJS.ReadableStream,
			stderr: NodeJS.ReadableStream,
		) => {
			stdout.resume();
			stderr.resume();
		},
		// The hello-world Worker gets the same D1 and bindings, unused, so only the code differs.
		d1Databases: { DB: "signet-bench" },
		d1Persist: persist,
		bindings: BINDINGS,
	});
}

/** A D1 with the migrations applied and one managed link; returns the link's path. */
async function prepare(script: string, persist: string): Promise<string> {
	const mf = start(script, persist);
	try {
		const db = await mf.getD1Database("DB");
		for (const { queries } of await readD1Migrations("server/migrations"))
			for (const query of queries) await db.prepare(query).run();
		const response = await mf.dispatchFetch(`${ORIGIN}/api/shares`, {
			method: "POST",
			headers: {
				authorization: `Bearer ${ADMIN_TOKEN}`,
				"content-type": "application/json",
			},
			body: JSON.stringify({
				profile: "bench",
				key: "files/report.pdf",
				mode: "managed",
				ttlSeconds: 86_400,
			}),
		});
		if (response.status !== 201)
			throw new Error(
				`creating the bench share: HTTP ${response.status} ${await response.text()}`,
			);
		const { url } = (await response.json()) as { url: string };
		return new URL(url).pathname;
	} finally {
		await mf.dispose();
	}
}

/** From `new Miniflare()` (a new workerd, a fresh isolate) to the first response's last byte. */
async function coldStart(
	script: string,
	path: string,
	persist: string,
): Promise<{ totalMs: number; firstRequestMs: number }> {
	const t0 = performance.now();
	const mf = start(script, persist);
	await mf.ready;
	const t1 = performance.now();
	const response = await mf.dispatchFetch(`${ORIGIN}${path}`, {
		redirect: "manual",
	});
	await response.arrayBuffer();
	const t2 = performance.now();
	await mf.dispose();
	if (response.status >= 400)
		throw new Error(`cold start ${path}: HTTP ${response.status}`);
	return { totalMs: t2 - t0, firstRequestMs: t2 - t1 };
}

/** CPU seconds (user + system) of the workerd processes this process started; null off Linux. */
async function workerdCpuSeconds(): Promise<number | null> {
	let total = 0;
	let found = false;
	for (const pid of await readdir("/proc").catch(() => [])) {
		if (!/^\d+$/.test(pid)) continue;
		const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		if (!stat.includes("(workerd)") || Number(fields[1]) !== process.pid)
			continue;
		found = true;
		total += (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
	}
	return found ? total : null;
}

interface PerRequest {
	name: string;
	wallMs: number;
	cpuMs: number | null;
}

/** Sequential requests to a warm isolate: median wall time per request over rounds, and workerd's CPU. */
async function perRequest(
	mf: MiniflareLike,
	name: string,
	path: string,
	count = 400,
): Promise<PerRequest> {
	const walls: number[] = [];
	const cpus: number[] = [];
	for (let round = 0; round < 5; round++) {
		const cpu0 = await workerdCpuSeconds();
		const t0 = performance.now();
		for (let i = 0; i < count; i++) {
			const response = await mf.dispatchFetch(`${ORIGIN}${path}`, {
				redirect: "manual",
			});
			await response.arrayBuffer();
			if (response.status >= 400)
				throw new Error(`${name}: HTTP ${response.status}`);
		}
		walls.push((performance.now() - t0) / count);
		const cpu1 = await workerdCpuSeconds();
		if (cpu0 !== null && cpu1 !== null)
			cpus.push(((cpu1 - cpu0) * 1000) / count);
	}
	return {
		name,
		wallMs: median(walls),
		cpuMs: cpus.length ? median(cpus) : null,
	};
}

export async function benchWorker(): Promise<void> {
	const bundle = await buildWorkerBundle();
	const gzip = bundle.uploadGzipKiB;
	console.log(
		`worker bundle (wrangler deploy --dry-run): ${gzip.toFixed(1)} KiB gzip, ${bundle.uploadKiB.toFixed(1)} KiB raw` +
			`  (budget ${GZIP_BUDGET_KIB} KiB gzip: ${gzip <= GZIP_BUDGET_KIB ? "ok" : "OVER"})`,
	);
	const script = bundle.files["worker.js"] ?? "";
	const persist = await mkdtemp(join(tmpdir(), "signet-bench-d1-"));
	try {
		const visitPath = await prepare(script, persist);
		const hello: { totalMs: number; firstRequestMs: number }[] = [];
		const signet: { totalMs: number; firstRequestMs: number }[] = [];
		for (let round = 0; round < 5; round++) {
			hello.push(await coldStart(HELLO, "/", persist));
			signet.push(await coldStart(script, visitPath, persist));
		}
		const [helloTotal, signetTotal] = [hello, signet].map((runs) =>
			median(runs.map((r) => r.totalMs)),
		) as [number, number];
		const [helloFirst, signetFirst] = [hello, signet].map((runs) =>
			median(runs.map((r) => r.firstRequestMs)),
		) as [number, number];
		console.log(
			`cold start, new workerd to first response of GET /s/:token: ${signetTotal.toFixed(0)} ms vs hello-world Worker ${helloTotal.toFixed(0)} ms → ${(signetTotal / helloTotal).toFixed(2)}× (+${(signetTotal - helloTotal).toFixed(0)} ms)`,
		);
		console.log(
			`  of which until workerd is ready (script compiled, module evaluated): ${(signetTotal - signetFirst).toFixed(0)} ms vs hello ${(helloTotal - helloFirst).toFixed(0)} ms;` +
				` the first request (app built, config parsed, D1 read, link signed): ${signetFirst.toFixed(1)} ms vs hello ${helloFirst.toFixed(1)} ms → ${(signetFirst / helloFirst).toFixed(1)}×`,
		);

		const mf = start(script, persist);
		try {
			await perRequest(mf, "warm-up", "/healthz", 100);
			await perRequest(mf, "warm-up", visitPath, 100);
			const noop = await perRequest(mf, "GET /healthz (no-op)", "/healthz");
			const visit = await perRequest(mf, "GET /s/:token (302)", visitPath);
			const cpu = (r: PerRequest) =>
				r.cpuMs === null ? "n/a" : `${r.cpuMs.toFixed(2)} ms`;
			console.log(
				`${visit.name}: ${visit.wallMs.toFixed(2)} ms wall, workerd CPU ${cpu(visit)} vs ${noop.name}: ${noop.wallMs.toFixed(2)} ms wall, CPU ${cpu(noop)}` +
					`  → wall ${(visit.wallMs / noop.wallMs).toFixed(2)}×` +
					(visit.cpuMs !== null && noop.cpuMs !== null
						? `, CPU ${(visit.cpuMs / noop.cpuMs).toFixed(2)}×; the visit's own CPU ≈ ${(visit.cpuMs - noop.cpuMs).toFixed(2)} ms (free plan: ${FREE_PLAN_CPU_MS} ms)`
						: ""),
			);
		} finally {
			await mf.dispose();
		}
	} finally {
		await rm(persist, { recursive: true, force: true });
	}
}

if (process.argv[1]?.endsWith("worker.bench.ts")) await benchWorker();
