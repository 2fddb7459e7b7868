/** Decoding cost per URL against `new URL()` of the same URLs, measured in the same run. */

import { decode } from "../shared/presigned/decode.ts";
import { LONG_TERM, presign, TEMPORARY } from "../test/support/aws-presign.ts";
import { measure, report } from "./harness.ts";

const OTHER_SCHEMES = [
	"https://storage.googleapis.com/media/clips/intro.mp4?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=signer%40project.iam.gserviceaccount.com%2F20250301%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20250301T120000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=8b3c",
	"https://acct.blob.core.windows.net/reports/2025/q1.pdf?sv=2022-11-02&st=2025-03-01T12%3A00%3A00Z&se=2025-03-01T13%3A00%3A00Z&sr=b&sp=r&sig=Zm9vYmFy",
	"https://d111111abcdef8.cloudfront.net/videos/intro.mp4?Expires=1740830400&Signature=abc~def_&Key-Pair-Id=K2JCJMDEHXQW5F",
	"https://reports.s3.amazonaws.com/old.pdf?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1740830400&Signature=vjbyPxybd%2BZ0zzNDkKEeadA%3D",
];

export async function benchDecode(): Promise<void> {
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
	const baseline = measure("new URL()", (i) => new URL(urls[i] as string), {
		batch,
	});
	const subject = measure(
		"decode()",
		(i) => decode(urls[i] as string, { nowMs }),
		{ batch },
	);
	report(subject, baseline, 3);
}
