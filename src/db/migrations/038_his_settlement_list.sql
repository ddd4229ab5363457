-- 医疗保障基金结算清单 a HIS uploads after a settlement (4101/4101A), its status set by 4102. Kept
-- as the national document it is (setlinfo and its lists, amounts in fen, times ISO), with what
-- the workbench and later the DRG/DIP grouping read beside it. One live list per settlement; an
-- upload again ends the earlier one (kept).
CREATE TABLE his_settlement_list (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  setl_id         text NOT NULL REFERENCES settlement (setl_id),
  psn_no          text NOT NULL,
  mdtrt_id        text NOT NULL,
  main_diag_code  text,
  main_diag_name  text,
  operations      integer NOT NULL DEFAULT 0,
  status          text,                       -- stas_type as the HIS last set it
  status_at       timestamptz,
  document        jsonb NOT NULL,
  msgid           text NOT NULL,
  created_at      timestamptz NOT NULL,
  ended_at        timestamptz,
  ended_msgid     text
);
CREATE UNIQUE INDEX his_settlement_list_live ON his_settlement_list (setl_id) WHERE ended_at IS NULL;
CREATE INDEX his_settlement_list_by_institution ON his_settlement_list (fixmedins_code, created_at);
