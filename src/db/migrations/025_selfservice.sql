-- The insured person's self-service site (/m/): one-time login codes (hashed, one per person), the
-- person's short sessions (separate from staff sessions), attempt counters per ID number and per IP,
-- the demo SMS sink (written only when the server runs the demo county) and uploaded material photos.

CREATE TABLE selfservice_code (
  psn_no      text PRIMARY KEY REFERENCES person (psn_no),  -- one active code per person
  code_hash   text NOT NULL,                                -- sha256 of psn_no and the code
  tries       integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);

CREATE TABLE selfservice_session (
  token_hash  text PRIMARY KEY,
  psn_no      text NOT NULL REFERENCES person (psn_no),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX selfservice_session_by_person ON selfservice_session (psn_no);

CREATE TABLE selfservice_throttle (
  key           text PRIMARY KEY,                           -- 'id:<sha256 of the ID number>' or 'ip:<address>'
  count         integer NOT NULL,
  window_start  timestamptz NOT NULL
);

CREATE TABLE selfservice_sms_sink (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no   text NOT NULL,
  phone    text NOT NULL,                                   -- masked
  text     text NOT NULL,
  sent_at  timestamptz NOT NULL
);
CREATE INDEX selfservice_sms_sink_by_person ON selfservice_sms_sink (psn_no, id);

CREATE TABLE selfservice_upload (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no        text NOT NULL REFERENCES person (psn_no),
  material      text NOT NULL,
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  size          integer NOT NULL,
  bytes         bytea NOT NULL,
  matter_id     bigint REFERENCES matter (id),               -- set when the application is submitted
  uploaded_at   timestamptz NOT NULL
);
CREATE INDEX selfservice_upload_by_person ON selfservice_upload (psn_no, id);
CREATE INDEX selfservice_upload_by_matter ON selfservice_upload (matter_id);
