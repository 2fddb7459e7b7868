-- Signet's first schema: shares, their audit trail and API tokens.
-- Plain SQLite that Cloudflare D1 also runs: no PRAGMA and no BEGIN/COMMIT here, because D1 refuses
-- them in migrations and both runners already wrap each file in a transaction.
-- Times are ISO 8601 UTC text (Date#toISOString), so comparing strings compares times.
-- Enumerations (action, mode, …) have no CHECK on purpose: zod checks them at the edge, and widening
-- a CHECK later means rebuilding the table in SQLite.

CREATE TABLE shares (
	id TEXT PRIMARY KEY NOT NULL,
	user TEXT NOT NULL,
	profile_id TEXT NOT NULL,
	bucket TEXT NOT NULL,
	key TEXT NOT NULL,
	action TEXT NOT NULL,
	mode TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	effective_expires_at TEXT NOT NULL,
	expiry_certainty TEXT NOT NULL,
	credential_type TEXT NOT NULL,
	session_user_id TEXT,
	session_expires_at TEXT,
	signature_hash TEXT,
	link_token_hash TEXT,
	filename TEXT,
	content_type TEXT,
	note TEXT,
	max_downloads INTEGER CHECK (max_downloads IS NULL OR max_downloads >= 0),
	downloads INTEGER NOT NULL DEFAULT 0 CHECK (downloads >= 0),
	revoked_at TEXT,
	revoked_by TEXT,
	revocation TEXT
);

-- The admin list: newest first, keyset-paginated on (created_at, id).
CREATE INDEX shares_newest ON shares (created_at DESC, id DESC);
-- Filtering by user or profile keeps the newest-first order, so the filtered list needs no sort.
CREATE INDEX shares_user_newest ON shares (user, created_at DESC, id DESC);
CREATE INDEX shares_profile_newest ON shares (profile_id, created_at DESC, id DESC);
-- Revoked shares are few: this keeps the "revoked" filter from walking every share.
CREATE INDEX shares_revoked_newest ON shares (created_at DESC, id DESC) WHERE revoked_at IS NOT NULL;
-- A managed link resolves by its token's hash; several NULLs (direct shares) are allowed.
CREATE UNIQUE INDEX shares_link_token_hash ON shares (link_token_hash);
-- A pasted direct URL is recognised by its signature's hash.
CREATE INDEX shares_signature_hash ON shares (signature_hash);

-- No foreign key to shares: an audit write must never fail, whatever the event names.
CREATE TABLE audit_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at TEXT NOT NULL,
	type TEXT NOT NULL,
	share_id TEXT,
	actor TEXT,
	user_agent TEXT,
	client_ip TEXT,
	detail TEXT
);

CREATE INDEX audit_events_share ON audit_events (share_id, id);

CREATE TABLE tokens (
	id TEXT PRIMARY KEY NOT NULL,
	user TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
	secret_hash TEXT NOT NULL,
	label TEXT,
	created_at TEXT NOT NULL,
	revoked_at TEXT
);
