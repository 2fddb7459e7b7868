/** Presigned URLs from the real AWS SDK presigner, for tests that need what AWS really produces. */
import {
	GetObjectCommand,
	PutObjectCommand,
	S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export const LONG_TERM = {
	accessKeyId: "AKIAIOSFODNN7EXAMPLE",
	secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
export const TEMPORARY = {
	accessKeyId: "ASIAIOSFODNN7EXAMPLE",
	secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	sessionToken:
		"IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN//////////wEaCXVzLWVhc3QtMSJHMEUCIQ",
};

export interface PresignOptions {
	bucket: string;
	key: string;
	region?: string;
	endpoint?: string;
	forcePathStyle?: boolean;
	credentials?: typeof LONG_TERM | typeof TEMPORARY;
	expiresIn?: number;
	signingDate?: Date;
	method?: "GET" | "PUT";
	responseContentDisposition?: string;
	contentType?: string;
}

export function presign(options: PresignOptions): Promise<string> {
	const client = new S3Client({
		region: options.region ?? "us-east-1",
		endpoint: options.endpoint,
		forcePathStyle: options.forcePathStyle,
		credentials: options.credentials ?? LONG_TERM,
		requestChecksumCalculation: "WHEN_REQUIRED",
		responseChecksumValidation: "WHEN_REQUIRED",
	});
	const command =
		options.method === "PUT"
			? new PutObjectCommand({
					Bucket: options.bucket,
					Key: options.key,
					ContentType: options.contentType,
				})
			: new GetObjectCommand({
					Bucket: options.bucket,
					Key: options.key,
					ResponseContentDisposition: options.responseContentDisposition,
				});
	return getSignedUrl(client, command, {
		expiresIn: options.expiresIn ?? 3600,
		signingDate: options.signingDate ?? new Date("2025-03-01T12:00:00Z"),
	});
}
