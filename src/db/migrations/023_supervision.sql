-- Fund supervision (issue 12): rules as data, knowledge points per item, scan runs and their hits.

-- A rule: a template (src/domain/supervision/templates.ts) with its parameters, enabled or not.
CREATE TABLE supervision_rule (
  code            text PRIMARY KEY,
  template        text NOT NULL,
  name            text NOT NULL,
  national_class  text NOT NULL,
  grain           text NOT NULL CHECK (grain IN ('line', 'visit', 'person', 'institution')),
  result_type     text NOT NULL CHECK (result_type IN ('certain', 'suspect')),
  stages          text[] NOT NULL,
  severity        smallint NOT NULL CHECK (severity BETWEEN 1 AND 3),
  params          jsonb NOT NULL DEFAULT '{}',
  enabled         boolean NOT NULL DEFAULT true,
  updated_at      timestamptz NOT NULL,
  updated_by      text NOT NULL
);

-- Every change of a rule, with who and why.
CREATE TABLE supervision_rule_history (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_code   text NOT NULL REFERENCES supervision_rule (code),
  changed_at  timestamptz NOT NULL,
  changed_by  text NOT NULL,
  before      jsonb,
  after       jsonb NOT NULL,
  reason      text
);

-- 知识库: a template's value for one item (national code), by batch and validity.
--   SCHEME {"insutypes": ["310"]}   INSTITUTION_LEVEL {"minLevel": 2}   INDICATION {"diagnoses": ["I10"]}
--   QUANTITY {"max": 30}            COURSE {"max": 90}                   DUPLICATE_PAIR {"with": "<code>"}
CREATE TABLE supervision_knowledge (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  template    text NOT NULL,
  item_code   text NOT NULL,
  value       jsonb NOT NULL,
  batch       text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  created_at  timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX supervision_knowledge_by_item ON supervision_knowledge (template, item_code);

-- A 事后 scan over the visits that began in a date range: chunked by month, restartable.
CREATE TABLE supervision_run (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_date     date NOT NULL,
  to_date       date NOT NULL,
  status        text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  rules         text[] NOT NULL,
  chunks_total  integer NOT NULL,
  chunks_done   integer NOT NULL DEFAULT 0,
  hits          integer NOT NULL DEFAULT 0,
  error         text,
  started_by    text NOT NULL,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  CHECK (to_date >= from_date)
);

-- A hit (疑点): one rule on one visit (line and visit grains), person or institution.
CREATE TABLE supervision_hit (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id          bigint NOT NULL REFERENCES supervision_run (id),
  chunk           integer NOT NULL,
  rule_code       text NOT NULL,
  mdtrt_id        text,
  psn_no          text,
  fixmedins_code  text,
  amount_fen      bigint NOT NULL DEFAULT 0,
  lines           text[] NOT NULL DEFAULT '{}',
  detail          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX supervision_hit_by_run ON supervision_hit (run_id, rule_code);
CREATE INDEX supervision_hit_by_institution ON supervision_hit (fixmedins_code);

-- the scan reads visits by their first day
CREATE INDEX visit_by_begin_date ON visit (begin_date);
CREATE INDEX fee_line_by_visit ON fee_line (mdtrt_id);

-- 事前/事中 warnings the HIS received from 3101/3102, and the doctor's decision fed back by 3103.
CREATE TABLE supervision_warning (
  jr_id           text PRIMARY KEY,
  task_id         text,
  stage           text NOT NULL CHECK (stage IN ('before', 'during')),
  fixmedins_code  text NOT NULL,
  patn_id         text NOT NULL,
  mdtrt_id        text,
  rule_code       text NOT NULL,
  amount_fen      bigint NOT NULL DEFAULT 0,
  items           text[] NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL,
  decision        text CHECK (decision IN ('continue', 'revise')),
  decision_reason text,
  decided_at      timestamptz
);
CREATE INDEX supervision_warning_by_institution ON supervision_warning (fixmedins_code, created_at);
CREATE SEQUENCE supervision_warning_serial;
