-- Staff accounts (工号), sessions and the audit trail.

CREATE TABLE staff_account (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE,              -- 工号
  display_name  text NOT NULL,
  password_hash text NOT NULL,                     -- argon2id
  roles         text[] NOT NULL CHECK (cardinality(roles) > 0),
  admdvs        char(6),                           -- the region the account works for
  village_code  text,                              -- agents (村级代办) only: their own village
  active        boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agent_has_village CHECK (NOT ('agent' = ANY (roles)) OR village_code IS NOT NULL)
);

CREATE TABLE staff_session (
  token_hash    text PRIMARY KEY,                   -- sha256 of the cookie value; the value itself is never stored
  account_id    bigint NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX staff_session_by_account ON staff_session (account_id);

-- Every write records who, when, what, before and after, in the same transaction as the write.
CREATE TABLE audit_entry (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    bigint REFERENCES staff_account (id),
  actor_name  text NOT NULL,                         -- staff username, institution code or 'system'
  action      text NOT NULL,                         -- e.g. person.create, enrollment.correct
  entity      text NOT NULL,
  entity_id   text,
  before      jsonb,
  after       jsonb
);
CREATE INDEX audit_entry_by_entity ON audit_entry (entity, entity_id);
CREATE INDEX audit_entry_by_time ON audit_entry (at);
