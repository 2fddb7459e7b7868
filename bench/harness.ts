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
 * Times `run(i)` for `batch` calls per round and keeps the median round: on a noisy 2-core machine
 * the median of interleaved rounds is steadier than a mean.
 */
export function measure(
	name: string,
	run: (i: number) => unknown,
	{ batch, rounds = 15 }: MeasureOptions,
): Measurement {
	let sink = 0;
	for (let i = 0; i < batch; i++) sink ^= Number(Boolean(run(i))); // warm-up for the JIT
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < batch; i++) sink ^= Number(Boolean(run(i)));
		times.push(Number(process.hrtime.bigint() - start) / batch);
	}
	times.sort((a, b) => a - b);
	if (sink === 2) console.log("unreachable"); // keeps the results alive
	return { name, nsPerOp: times[Math.floor(times.length / 2)] ?? Number.NaN };
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
): void {
	const ratio = subject.nsPerOp / baseline.nsPerOp;
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
