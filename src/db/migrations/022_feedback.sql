-- 12345 tickets and 好差评. Each ticket and each 差评 rectification is a workflow case (state and history
-- in workflow_case/_event); these are their business rows. Limits and the rectification period are data.

CREATE TABLE ticket_limit (
  category          text PRIMARY KEY CHECK (category IN ('consult', 'help', 'complaint', 'report', 'suggestion')),
  sign_days         integer NOT NULL,               -- working days to sign after dispatch
  urgent_sign_hours integer NOT NULL,               -- hours to sign an urgent ticket
  finish_days       integer NOT NULL,               -- working days from dispatch to 办结
  updated_by        text NOT NULL,
  updated_at        timestamptz NOT NULL
);
INSERT INTO ticket_limit (category, sign_days, urgent_sign_hours, finish_days, updated_by, updated_at) VALUES
  ('consult', 1, 2, 3, 'system', '2026-01-01T00:00:00Z'),
  ('help', 1, 2, 5, 'system', '2026-01-01T00:00:00Z'),
  ('complaint', 1, 2, 15, 'system', '2026-01-01T00:00:00Z'),
  ('report', 1, 2, 15, 'system', '2026-01-01T00:00:00Z'),
  ('suggestion', 1, 2, 15, 'system', '2026-01-01T00:00:00Z');

CREATE TABLE ticket (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id           bigint NOT NULL UNIQUE REFERENCES workflow_case (id),
  platform_no       text NOT NULL UNIQUE,           -- the city platform's ticket number
  source            text NOT NULL CHECK (source IN ('manual', 'import')),
  category          text NOT NULL REFERENCES ticket_limit (category),
  urgency           text NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  title             text NOT NULL,
  content           text NOT NULL,
  caller_name       text NOT NULL DEFAULT '',
  caller_phone      text NOT NULL DEFAULT '',
  received_on       date NOT NULL,
  post              text,                           -- the post it is dispatched to
  first_dispatched_on date,                         -- the KPI period it counts in
  dispatched_at     timestamptz,                    -- the latest dispatch
  sign_deadline     timestamptz,
  signed_at         timestamptz,                    -- the first signing after the latest dispatch
  finish_due        date,
  extension_days    integer NOT NULL DEFAULT 0,
  requested_days    integer,                        -- a pending extension request
  replied_on        date,
  reply             text,
  closed_on         date,
  satisfaction      text CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
  reopen_count      integer NOT NULL DEFAULT 0,
  return_count      integer NOT NULL DEFAULT 0,
  supervise_count   integer NOT NULL DEFAULT 0,
  last_supervised_at timestamptz,
  registered_by     bigint NOT NULL
);
CREATE INDEX ticket_by_dispatch ON ticket (first_dispatched_on, id);
CREATE INDEX ticket_by_received ON ticket (received_on, id);

CREATE TABLE rating_setting (
  id                integer PRIMARY KEY CHECK (id = 1),
  rectify_days      integer NOT NULL,               -- working days to rectify a 差评
  updated_by        text NOT NULL,
  updated_at        timestamptz NOT NULL
);
INSERT INTO rating_setting (id, rectify_days, updated_by, updated_at) VALUES (1, 15, 'system', '2026-01-01T00:00:00Z');

CREATE TABLE rating (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  matter_id         bigint UNIQUE,                  -- one rating per matter (一次一评)
  ticket_id         bigint UNIQUE REFERENCES ticket (id),
  receipt_no        text,
  channel           text NOT NULL CHECK (channel IN ('counter', 'online', 'callback')),
  overall           smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
  indicators        jsonb NOT NULL,                 -- {indicator: 1..5}
  tags              jsonb NOT NULL DEFAULT '[]',    -- 差评 reason tags
  comment           text NOT NULL DEFAULT '',
  type_code         text,                           -- the matter type (or 12345 for tickets)
  type_name         text NOT NULL,
  handler_id        bigint,                         -- the clerk who handled it
  level             text,
  village_code      text,
  rated_at          timestamptz NOT NULL,
  rated_on          date NOT NULL,
  CHECK ((matter_id IS NULL) <> (ticket_id IS NULL))
);
CREATE INDEX rating_by_day ON rating (rated_on, id);

CREATE TABLE rating_rectification (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id           bigint NOT NULL UNIQUE REFERENCES workflow_case (id),
  rating_id         bigint NOT NULL UNIQUE REFERENCES rating (id),
  handler_id        bigint,                         -- the handling clerk (whose post rectifies)
  due_on            date NOT NULL,
  opened_on         date NOT NULL,
  called_back_on    date,
  finished_on       date
);

-- the counter's tablet: a clerk opens a one-time rating link for one completed matter; the citizen rates
-- with one click, no login; the link rates only its matter and only once
CREATE TABLE rating_invitation (
  token_hash        text PRIMARY KEY,               -- sha-256 of the token in the tablet's address
  matter_id         bigint NOT NULL,
  receipt_no        text NOT NULL,
  created_by        bigint NOT NULL,
  created_at        timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  used_at           timestamptz
);
