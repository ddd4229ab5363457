-- Service matters (经办事项): the catalogue as the bureau edits it (loaded from
-- src/modules/matter/catalogue.json at start-up, each later edit kept in matter_type_change), and one
-- business row per matter beside its workflow case (state and history live in workflow_case/_event).

CREATE TABLE matter_type (
  code           text PRIMARY KEY,                  -- e.g. CB003
  main_name      text NOT NULL,                     -- 主项
  name           text NOT NULL,                     -- 子项
  definition     jsonb NOT NULL,                    -- the whole entry (materials, limit, levels, flags …)
  active         boolean NOT NULL DEFAULT true,
  version        integer NOT NULL DEFAULT 1,
  updated_by     text NOT NULL,
  updated_at     timestamptz NOT NULL
);

CREATE TABLE matter_type_change (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL REFERENCES matter_type (code),
  version     integer NOT NULL,
  before      jsonb,                                -- null: loaded from the catalogue file
  after       jsonb NOT NULL,
  reason      text NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL
);
CREATE INDEX matter_type_change_by_code ON matter_type_change (code, id);

CREATE SEQUENCE matter_receipt_serial;

CREATE TABLE matter (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id           bigint NOT NULL UNIQUE REFERENCES workflow_case (id),
  receipt_no        text UNIQUE,                    -- given at acceptance (null while only 一次性告知)
  query_code        text,                           -- for the applicant's progress query
  type_code         text NOT NULL REFERENCES matter_type (code),
  type_version      integer NOT NULL,
  psn_no            text,                           -- the person it is about (null until a registration creates one)
  applicant_name    text NOT NULL,
  village_code      text,                           -- where the person lives (agent scope, point views)
  channel           text NOT NULL CHECK (channel IN ('counter', 'online', 'township', 'village', 'proxy')),
  level             text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  proxy             jsonb,                          -- 委托代办: the agent's name and ID
  payload           jsonb NOT NULL,                 -- what the handler applies on completion
  materials         jsonb NOT NULL,                 -- [{name, status: handed_in | deferred | missing}]
  needs_review      boolean NOT NULL,
  promise_due       date,                           -- 容缺: the promised day for the deferred material
  applied_on        date NOT NULL,
  accepted_on       date,                           -- the clock starts the working day after
  accepted_by       bigint,
  handler_id        bigint,                         -- the clerk holding it now (transfer moves it)
  pauses            jsonb NOT NULL DEFAULT '[]',    -- [{from, to}] 补正 and 容缺 waits
  extension_days    integer NOT NULL DEFAULT 0,
  due_on            date,
  completed_on      date,
  result            jsonb                           -- what completion did (the new psn_no …)
);
CREATE INDEX matter_by_person ON matter (psn_no, id);
CREATE INDEX matter_by_applied ON matter (applied_on, id);
CREATE INDEX matter_by_village ON matter (village_code, id);
CREATE INDEX matter_open_due ON matter (due_on) WHERE completed_on IS NULL AND due_on IS NOT NULL;
