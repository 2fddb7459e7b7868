-- The revoked per-share STS sessions still alive, by profile: every IAM revocation of a role names
-- all of them again, so a Deny lost to a concurrent writer of the role's policy comes back.
CREATE INDEX shares_revoked_sessions ON shares (profile_id, session_expires_at)
	WHERE revoked_at IS NOT NULL AND session_user_id IS NOT NULL;
