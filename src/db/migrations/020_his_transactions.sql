-- HIS transactions 2601, 5203, 5206, 3202/9101/9102 and mid-stay settlement (issue 9 §3).
--
-- 中途结算: a settlement of a stay still in hospital (mid_setl_flag 1). The stay stays admitted;
-- the final settlement after discharge settles the lines uploaded since, with the deductible and
-- admission of the stay counted once.
ALTER TABLE settlement ADD COLUMN mid_stay boolean NOT NULL DEFAULT false;
-- the institution's operator who settled (the HIS envelope's opter / opter_name), for the 结算单
ALTER TABLE settlement ADD COLUMN opter text, ADD COLUMN opter_name text;
-- who settled: a HIS call, a clerk's manual settlement, a cross-region claim (issue 7)
ALTER TABLE settlement ADD COLUMN channel text NOT NULL DEFAULT 'his'
  CHECK (channel IN ('his', 'manual', 'cross_region'));
CREATE INDEX settlement_by_visit ON settlement (mdtrt_id);
-- one live final settlement per visit still; the mid-stay parts before it are not counted
DROP INDEX settlement_one_live_per_visit;
CREATE UNIQUE INDEX settlement_one_live_per_visit ON settlement (mdtrt_id)
  WHERE kind = 'settlement' AND reversed_by IS NULL AND NOT mid_stay;

-- 2601 冲正: what a writing transaction did, so a later 2601 naming its msgid can undo it
-- (the settlement, the visit, the fee lines), and who reversed it. A 2601 for a msgid never seen
-- stores a row too (undo null, reversed_by set), so the original arriving late is refused.
ALTER TABLE his_message
  ADD COLUMN undo jsonb,
  ADD COLUMN reversed_by text;

-- 9101 / 9102: files an institution uploads (3202's detail list) and the files Yibao answers with
-- (3202's differences), kept for a day.
CREATE TABLE his_file (
  file_qury_no    text PRIMARY KEY,
  fixmedins_code  text NOT NULL,
  filename        text NOT NULL,
  content         bytea NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL
);
CREATE INDEX his_file_by_institution ON his_file (fixmedins_code, created_at);
CREATE SEQUENCE his_file_serial;
