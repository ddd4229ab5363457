-- Accounts hardening: a forced password change after an admin reset, and login throttling that
-- treats known and unknown user names alike.

-- Set when an admin creates an account or resets its password (the admin knows that password):
-- until the owner changes it, the session reaches only the change-password page, me and logout.
ALTER TABLE staff_account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Failed-login accounting moves to its own table, keyed by the lower-case name typed at login,
-- whether or not such an account exists: an unknown name locks out exactly like a known one, so
-- the answers do not tell which names exist.
ALTER TABLE staff_account DROP COLUMN failed_logins;
ALTER TABLE staff_account DROP COLUMN locked_until;

CREATE TABLE login_throttle (
  name_key      text PRIMARY KEY,                  -- lower(username) as typed
  attempts      integer NOT NULL DEFAULT 0,        -- attempts since the last success or lock expiry
  locked_until  timestamptz,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX login_throttle_by_update ON login_throttle (updated_at);
