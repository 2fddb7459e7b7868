/** What a share looks like on the wire, and its status at a given time. */
import type { Share } from "../shared/api.ts";
import { type ShareRecord, type ShareStatus, stamp } from "./ports.ts";
import { shareStatus } from "./share-status.ts";

/** The same rule the stores filter by (share-status.ts), judged at `now`. */
export function statusOf(share: ShareRecord, now: Date): ShareStatus {
	return shareStatus(share, stamp(now));
}

/** Revoking stops a managed link at once, and a direct link signed by its own STS session. */
export function isRevocable(share: ShareRecord): boolean {
	return share.mode === "managed" || share.sessionUserId !== null;
}

export function shareView(share: ShareRecord, now: Date): Share {
	return {
		id: share.id,
		user: share.user,
		profile: share.profileId,
		bucket: share.bucket,
		key: share.key,
		action: share.action,
		mode: share.mode,
		status: statusOf(share, now),
		createdAt: share.createdAt,
		expiresAt: share.expiresAt,
		effectiveExpiresAt: share.effectiveExpiresAt,
		expiryCertainty: share.expiryCertainty,
		credentialType: share.credentialType,
		revocable: isRevocable(share),
		downloads: share.downloads,
		maxDownloads: share.maxDownloads,
		filename: share.filename,
		contentType: share.contentType,
		note: share.note,
		revokedAt: share.revokedAt,
		revokedBy: share.revokedBy,
		revocation: share.revocation,
	};
}
