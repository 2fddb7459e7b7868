/** A small same-run benchmark harness: median time per operation over several rounds, and ratios. */

export interface Measurement {
	name: string;
	nsPerOp: number;
}

export interface MeasureOptions {
	/** Operations per round; each round times the whole batch. */
	batch: number;
	rounds?: number;
}

/**
 * Calls run untimed before any round is timed. V8 optimises a function only after many calls, and on
 * this 2-core machine the optimised code arrives rounds later still: timed after one round of 1,000
 * decodes, decode's first eight rounds ranged from 1× to 18× `new URL()` before settling near 3×, and
 * pulled the median up.
 */
const WARM_UP_CALLS = 20_000;

/** Whole rounds of `batch` calls making at least WARM_UP_CALLS. */
function warmUpRounds(batch: number): number {
	return Math.max(1, Math.ceil(WARM_UP_CALLS / batch));
}

/** Results of every timed call, kept where the JIT cannot prove them unused. */
const sink = { value: 0 };

/** Nanoseconds per call of `run(i)` over one round of `batch` calls. */
function timeRound(run: (i: number) => unknown, batch: number): number {
	let kept = 0;
	const start = process.hrtime.bigint();
	for (let i = 0; i < batch; i++) kept ^= Number(Boolean(run(i)));
	const ns = Number(process.hrtime.bigint() - start) / batch;
	sink.value ^= kept;
	return ns;
}

/**
 * Times `run(i)` for `batch` calls per round and keeps the median round: on a noisy 2-core machine
 * the median of rounds is steadier than a mean.
 */
export function measure(
	name: string,
	run: (i: number) => unknown,
	{ batch, rounds = 15 }: MeasureOptions,
): Measurement {
	for (let round = warmUpRounds(batch); round > 0; round--)
		timeRound(run, batch);
	const times: number[] = [];
	for (let round = 0; round < rounds; round++)
		times.push(timeRound(run, batch));
	return { name, nsPerOp: median(times) };
}

export interface Comparison {
	baseline: Measurement;
	subject: Measurement;
	/** The median of per-round ratios: each subject round over the baseline round just before it. */
	ratio: number;
}

/**
 * Times two functions in alternating rounds, so that a neighbour's load on this noisy 2-core
 * machine falls on both alike, and compares them round by round.
 */
export function compare(
	baseline: { name: string; run: (i: number) => unknown },
	subject: { name: string; run: (i: number) => unknown },
	{ batch, rounds = 41 }: MeasureOptions,
): Comparison {
	for (let round = warmUpRounds(batch); round > 0; round--) {
		timeRound(baseline.run, batch);
		timeRound(subject.run, batch);
	}
	const baseTimes: number[] = [];
	const subjectTimes: number[] = [];
	const ratios: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const base = timeRound(baseline.run, batch);
		const time = timeRound(subject.run, batch);
		baseTimes.push(base);
		subjectTimes.push(time);
		ratios.push(time / base);
	}
	return {
		baseline: { name: baseline.name, nsPerOp: median(baseTimes) },
		subject: { name: subject.name, nsPerOp: median(subjectTimes) },
		ratio: median(ratios),
	};
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function formatNs(ns: number): string {
	return ns >= 1_000_000
		? `${(ns / 1_000_000).toFixed(2)} ms`
		: ns >= 1000
			? `${(ns / 1000).toFixed(2)} µs`
			: `${ns.toFixed(0)} ns`;
}

/** Prints one line: the measurement, the baseline and their ratio against a target. */
export function report(
	subject: Measurement,
	baseline: Measurement,
	targetRatio?: number,
	ratio = subject.nsPerOp / baseline.nsPerOp,
): void {
	const verdict =
		targetRatio === undefined
			? ""
			: ratio <= targetRatio
				? `  ok (target ≤ ${targetRatio}×)`
				: `  OVER target ≤ ${targetRatio}×`;
	console.log(
		`${subject.name}: ${formatNs(subject.nsPerOp)}/op vs ${baseline.name}: ${formatNs(baseline.nsPerOp)}/op  → ${ratio.toFixed(2)}×${verdict}`,
	);
}
