-- Admin page sessions (issue 6). The cookie carries a random session id; only its SHA-256 is kept
-- here, so reading the database does not let anyone sign in. Plain SQLite that D1 also runs.

CREATE TABLE admin_sessions (
	id_hash TEXT PRIMARY KEY NOT NULL,
	user TEXT NOT NULL,
	token_id TEXT NOT NULL,
	csrf_token TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);

-- Sweeping expired sessions walks only those.
CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);
