/** `npm run bench`: every benchmark, each printed as a ratio to a baseline measured in the same run. */
import { benchDecode } from "./decode.bench.ts";
import { benchPageInspection } from "./extension.bench.ts";
import { benchHttp } from "./http.bench.ts";
import { benchSigning } from "./sign.bench.ts";
import { benchWorker } from "./worker.bench.ts";

console.log(
	`Signet benchmarks — node ${process.version}, ${new Date().toISOString()}`,
);
console.log(
	"\n# Presigned URL decoding (1,000 URLs: SigV4 of mixed keys and credentials, GCS, Azure, CloudFront, SigV2)",
);
await benchDecode();
console.log("\n# Presigning one GET URL");
await benchSigning();
console.log(
	"\n# The backend over HTTP (8 concurrent clients, median of 3 runs of 1,500 requests)",
);
await benchHttp();
console.log(
	"\n# The Worker in workerd (Miniflare): bundle, cold start, per managed-link visit (median of 5)",
);
await benchWorker();
console.log(
	"\n# The extension in Chromium: page inspection of 10,000 links, bundle sizes",
);
await benchPageInspection();
