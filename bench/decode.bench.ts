/**
 * Decoding cost per URL against `new URL()` of the same URLs, measured in the same run. The decoder
 * is measured as it ships (bundled by esbuild, as the CLI and the extension are), not as tsx loads
 * it for development: tsx keeps function names and module-level `const` bindings, which cost the
 * hot loop about a sixth more.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { decode as decodeType } from "../shared/presigned/decode.ts";
import { LONG_TERM, presign, TEMPORARY } from "../test/support/aws-presign.ts";
import { compare, report } from "./harness.ts";

const OTHER_SCHEMES = [
	"https://storage.googleapis.com/media/clips/intro.mp4?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=signer%40project.iam.gserviceaccount.com%2F20250301%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20250301T120000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=8b3c",
	"https://acct.blob.core.windows.net/reports/2025/q1.pdf?sv=2022-11-02&st=2025-03-01T12%3A00%3A00Z&se=2025-03-01T13%3A00%3A00Z&sr=b&sp=r&sig=Zm9vYmFy",
	"https://d111111abcdef8.cloudfront.net/videos/intro.mp4?Expires=1740830400&Signature=abc~def_&Key-Pair-Id=K2JCJMDEHXQW5F",
	"https://reports.s3.amazonaws.com/old.pdf?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1740830400&Signature=vjbyPxybd%2BZ0zzNDkKEeadA%3D",
];

/** shared/presigned/decode.ts bundled the way scripts/build-cli.mjs bundles the CLI. */
async function bundledDecode(): Promise<typeof decodeType> {
	const dir = await mkdtemp(join(tmpdir(), "signet-bench-"));
	try {
		const outfile = join(dir, "decode.mjs");
		await build({
			entryPoints: [
				new URL("../shared/presigned/decode.ts", import.meta.url).pathname,
			],
			outfile,
			bundle: true,
			platform: "node",
			format: "esm",
			target: "node20",
			logLevel: "warning",
		});
		const module = await import(pathToFileURL(outfile).href);
		return module.decode;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export async function benchDecode(): Promise<void> {
	const decode = await bundledDecode();
	const urls: string[] = [...OTHER_SCHEMES];
	for (let i = 0; urls.length < 1000; i++) {
		urls.push(
			await presign({
				bucket: i % 3 === 0 ? "dotted.bucket.name" : "reports",
				key: `team-${i % 7}/2025/report ${i} (final)+ü.pdf`,
				region: ["us-east-1", "eu-west-1", "ap-southeast-2"][i % 3],
				credentials: i % 4 === 0 ? TEMPORARY : LONG_TERM,
				responseContentDisposition:
					i % 5 === 0 ? `attachment; filename="report ${i}.pdf"` : undefined,
			}),
		);
	}
	const nowMs = Date.parse("2025-03-01T12:30:00Z");
	const batch = urls.length;
	for (const url of urls) {
		if (!decode(url, { nowMs }).ok)
			throw new Error(`bench input does not decode: ${url.slice(0, 60)}`);
	}
	const { baseline, subject, ratio } = compare(
		{ name: "new URL()", run: (i) => new URL(urls[i] as string) },
		{
			name: "decode() (bundled)",
			run: (i) => decode(urls[i] as string, { nowMs }),
		},
		{ batch },
	);
	report(subject, baseline, 3, ratio);
}
