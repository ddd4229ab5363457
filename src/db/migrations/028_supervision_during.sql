-- Issue 12 §2: 事中. A rule may refuse a settlement (2207/2304) on a certain violation instead of
-- only warning; every settlement is audited right after it is committed (a cursor over settlements),
-- its hits becoming suspects once per visit and rule.
ALTER TABLE supervision_rule ADD COLUMN blocks boolean NOT NULL DEFAULT false;

CREATE TABLE supervision_audit_cursor (
  id            smallint PRIMARY KEY CHECK (id = 1),
  last_at       timestamptz NOT NULL,
  last_setl_id  text NOT NULL
);

CREATE UNIQUE INDEX supervision_suspect_realtime ON supervision_suspect (mdtrt_id, rule_code)
  WHERE source = 'realtime';
CREATE INDEX settlement_by_created ON settlement (created_at, setl_id);
