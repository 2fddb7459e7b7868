/**
 * The backend over real HTTP: share creation and managed-link redirects per second and their p99,
 * each as a ratio to GET /healthz (a no-op route) on the same server, measured in the same run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../server/config.ts";
import { startServer } from "../server/node.ts";
import { BENCH_KEYS, BENCH_PROFILE } from "./fixtures.ts";

interface Load {
	name: string;
	perSecond: number;
	p99Ms: number;
}

/** `total` requests, `concurrency` at a time; the slowest 1% tells p99. */
async function load(
	name: string,
	total: number,
	concurrency: number,
	request: (i: number) => Promise<Response>,
): Promise<Load> {
	const latencies: number[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < total) {
				const i = next++;
				const t0 = performance.now();
				const response = await request(i);
				await response.arrayBuffer();
				if (response.status >= 400)
					throw new Error(`${name}: HTTP ${response.status}`);
				latencies.push(performance.now() - t0);
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		name,
		perSecond: total / seconds,
		p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN,
	};
}

function reportLoad(subject: Load, baseline: Load): void {
	console.log(
		`${subject.name}: ${subject.perSecond.toFixed(0)}/s, p99 ${subject.p99Ms.toFixed(1)} ms` +
			` vs ${baseline.name}: ${baseline.perSecond.toFixed(0)}/s, p99 ${baseline.p99Ms.toFixed(1)} ms` +
			`  → throughput ${(subject.perSecond / baseline.perSecond).toFixed(2)}×, p99 ${(subject.p99Ms / baseline.p99Ms).toFixed(2)}×`,
	);
}

export async function benchHttp(): Promise<void> {
	process.env.AWS_ACCESS_KEY_ID = BENCH_KEYS.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY = BENCH_KEYS.secretAccessKey;
	const dataDir = await mkdtemp(join(tmpdir(), "signet-bench-"));
	const server = await startServer({
		config: parseConfig({ profiles: [BENCH_PROFILE] }),
		dataDir,
		host: "127.0.0.1",
		port: 0,
		log: () => {},
	});
	try {
		const headers = {
			authorization: `Bearer ${server.bootstrapToken}`,
			"content-type": "application/json",
		};
		const create = (body: object) =>
			fetch(`${server.url}/api/shares`, {
				method: "POST",
				headers,
				body: JSON.stringify({ profile: "bench", ...body }),
			});
		const managed = (await (
			await create({ key: "files/report.pdf", mode: "managed" })
		).json()) as { url: string };
		const rounds = async (
			name: string,
			request: (i: number) => Promise<Response>,
		) => {
			await load(name, 300, 8, request); // warm-up
			const runs = [
				await load(name, 1500, 8, request),
				await load(name, 1500, 8, request),
				await load(name, 1500, 8, request),
			];
			runs.sort((a, b) => a.perSecond - b.perSecond);
			return runs[1] as Load;
		};
		const noop = await rounds("GET /healthz (no-op)", () =>
			fetch(`${server.url}/healthz`),
		);
		const shares = await rounds("POST /api/shares (direct, SQLite)", (i) =>
			create({ key: `files/report-${i}.pdf` }),
		);
		const visits = await rounds("GET /s/:token (302)", () =>
			fetch(managed.url, { redirect: "manual" }),
		);
		reportLoad(shares, noop);
		reportLoad(visits, noop);
	} finally {
		await server.close();
		await rm(dataDir, { recursive: true, force: true });
	}
}
