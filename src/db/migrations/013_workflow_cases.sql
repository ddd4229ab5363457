-- The workflow kernel's storage: one row per case (its current state) and its full history.
-- Each module keeps its own business tables and points at its case; `module` names the owner.

CREATE TABLE workflow_case (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  module       text NOT NULL,                       -- owning module's word, e.g. 'matter'
  machine      text NOT NULL,                       -- machine name (a module may own several)
  subject      text,                                -- what the case is about, e.g. a psn_no or a ticket number
  state        text NOT NULL,
  opened_by    bigint NOT NULL,
  opened_at    timestamptz NOT NULL,                -- from the application's clock
  state_since  timestamptz NOT NULL,
  due_on       date,                                -- the working-day limit of the current state, if any
  closed_at    timestamptz,
  event_count  integer NOT NULL DEFAULT 0
);
CREATE INDEX workflow_case_open_by_module_state ON workflow_case (module, state) WHERE closed_at IS NULL;
CREATE INDEX workflow_case_by_subject ON workflow_case (module, subject);
CREATE INDEX workflow_case_due ON workflow_case (due_on) WHERE closed_at IS NULL AND due_on IS NOT NULL;

CREATE TABLE workflow_event (
  case_id     bigint NOT NULL REFERENCES workflow_case (id),
  seq         integer NOT NULL,                     -- 1, 2, … per case
  action      text NOT NULL,
  from_state  text NOT NULL,
  to_state    text NOT NULL,
  actor_id    bigint NOT NULL,
  at          timestamptz NOT NULL,
  reason      text,
  PRIMARY KEY (case_id, seq)
);
CREATE INDEX workflow_event_by_actor ON workflow_event (actor_id, at);
