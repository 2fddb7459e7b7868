/**
 * The key pairs the local S3 server accepts by default: a long-term-looking one and a temporary-looking
 * one (s3rver ignores session tokens). Apart from s3-server.ts so workerd tests can import them.
 */
export const LOCAL_LONG_TERM = {
	accessKeyId: "AKIASIGNETLOCAL00001",
	secretAccessKey: "signetLocalLongTermSecret000000000000001",
};
export const LOCAL_TEMPORARY = {
	accessKeyId: "ASIASIGNETLOCAL00001",
	secretAccessKey: "signetLocalTemporarySecret00000000000001",
};
