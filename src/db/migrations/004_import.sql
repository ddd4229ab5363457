-- Ledger imports: one job per uploaded file, with its fingerprint, progress and outcome, and the
-- per-row error report. Data rows are written to the registry tables themselves; re-importing
-- the same file is harmless because every kind has a natural key (see docs/import.md), and the
-- fingerprint tells the clerk when a file was imported before.

CREATE TABLE import_job (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('persons', 'identities', 'enrollments', 'status')),
  mode          text NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_bad_rows')),
  file_name     text NOT NULL,
  file_sha256   char(64) NOT NULL,
  file_bytes    bigint NOT NULL,
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total         integer NOT NULL DEFAULT 0,      -- data rows in the file
  processed     integer NOT NULL DEFAULT 0,
  inserted      integer NOT NULL DEFAULT 0,
  updated       integer NOT NULL DEFAULT 0,
  unchanged     integer NOT NULL DEFAULT 0,
  rejected      integer NOT NULL DEFAULT 0,      -- rows with at least one error
  written       boolean NOT NULL DEFAULT false,  -- false: nothing was written (refused or all_or_nothing)
  error_code    text,                            -- the whole file was refused: IMPORT_HEADERS …
  message       text,
  details       jsonb,
  actor_id      bigint REFERENCES staff_account (id),
  actor_name    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX import_job_by_fingerprint ON import_job (file_sha256);
CREATE INDEX import_job_by_time ON import_job (created_at);

CREATE TABLE import_row_error (
  job_id        bigint NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  row_no        integer NOT NULL,                -- as in the file (1-based, header included)
  column_name   text NOT NULL,                   -- header as in the file; '' = the whole row
  value         text NOT NULL,                   -- ID numbers masked
  reason        text NOT NULL,
  certno        text NOT NULL,                   -- masked, to find the row
  name          text NOT NULL,
  PRIMARY KEY (job_id, seq)
);
