/** What each signing scheme is called for people: one spelling for the CLI, the extension's pages and its hover card. */
import type { Scheme } from "./types.ts";

/** The full name, as a title: `signet inspect`'s first line, the inspector's "Scheme" row. */
export const SCHEME_NAMES: Record<Scheme, string> = {
	"aws-sigv4": "AWS Signature Version 4 presigned URL",
	"aws-sigv2": "AWS Signature Version 2 presigned URL (legacy)",
	"gcs-v4": "Google Cloud Storage V4 signed URL",
	"gcs-v2": "Google Cloud Storage V2 signed URL (legacy)",
	"azure-sas": "Azure shared access signature (SAS) URL",
	cloudfront: "CloudFront signed URL",
};

/** The same, short enough for the hover card's header. */
export const SCHEME_SHORT_NAMES: Record<Scheme, string> = {
	"aws-sigv4": "AWS SigV4",
	"aws-sigv2": "AWS SigV2",
	"gcs-v4": "GCS V4",
	"gcs-v2": "GCS V2",
	"azure-sas": "Azure SAS",
	cloudfront: "CloudFront",
};
