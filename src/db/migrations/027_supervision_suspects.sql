-- Issue 12: suspects (疑点) on the workflow kernel, monthly record sampling, and institution logins.

-- A 定点机构用户 speaks for one institution and sees only its own suspects.
ALTER TABLE staff_account ADD COLUMN fixmedins_code text REFERENCES institution (code);
ALTER TABLE staff_account ADD CONSTRAINT institution_user_has_code
  CHECK (NOT ('institution' = ANY (roles)) OR fixmedins_code IS NOT NULL);

-- Monthly record sampling: one draw per institution and month, reproducible from its seed.
CREATE TABLE supervision_sample (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  period          char(7) NOT NULL CHECK (period ~ '^\d{4}-\d{2}$'),
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  method          text NOT NULL CHECK (method IN ('simple', 'stratified', 'weighted')),
  share_bp        integer NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
  seed            bigint NOT NULL,
  population      integer NOT NULL,
  size            integer NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  UNIQUE (period, fixmedins_code)
);

CREATE TABLE supervision_sample_record (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sample_id       bigint NOT NULL REFERENCES supervision_sample (id),
  setl_id         text NOT NULL,
  mdtrt_id        text NOT NULL,
  amount_fen      bigint NOT NULL,
  reviewer_id     bigint REFERENCES staff_account (id),
  result          text CHECK (result IN ('ok', 'finding')),
  finding         text,
  at_stake_fen    bigint CHECK (at_stake_fen >= 0),
  reviewed_at     timestamptz,
  UNIQUE (sample_id, setl_id)
);
CREATE INDEX supervision_sample_record_by_reviewer ON supervision_sample_record (reviewer_id, result);

-- A suspect: one rule hit, one sampled record's finding or one 事中 hit, moving on the kernel.
CREATE TABLE supervision_suspect (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id           bigint NOT NULL UNIQUE REFERENCES workflow_case (id),
  source            text NOT NULL CHECK (source IN ('scan', 'sample', 'realtime')),
  hit_id            bigint UNIQUE REFERENCES supervision_hit (id),
  sample_record_id  bigint UNIQUE REFERENCES supervision_sample_record (id),
  rule_code         text,
  fixmedins_code    text NOT NULL,
  mdtrt_id          text,
  psn_no            text,
  amount_fen        bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  confirmed_fen     bigint CHECK (confirmed_fen >= 0),
  finding           text,
  appeal            text,
  created_at        timestamptz NOT NULL
);
CREATE INDEX supervision_suspect_by_institution ON supervision_suspect (fixmedins_code, id);
CREATE INDEX supervision_suspect_by_rule ON supervision_suspect (rule_code);
