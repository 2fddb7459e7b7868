/** What the backend benchmarks (Node and Workers) are configured with: one profile, AWS's example keys. */
export { LONG_TERM as BENCH_KEYS } from "../test/support/aws-presign.ts";

export const BENCH_PROFILE = {
	id: "bench",
	label: "Bench",
	bucket: "bench",
	region: "eu-west-1",
	prefix: "files/",
};
