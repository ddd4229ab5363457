-- 医疗保障信息采集: the clinical records a HIS uploads for a visit of an insured person — 4301
-- 门急诊诊疗记录, 4302 急诊留观手术及抢救信息 and 4701 电子病历 — kept as the national document (sections of rows of members),
-- read by the reviewers of 病历抽查 beside the settlement. One live record per visit and form; an
-- upload again ends the earlier one (kept), as for the 结算清单.
CREATE TABLE his_medical_record (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  infno           text NOT NULL CHECK (infno IN ('4301', '4302', '4701')),
  mdtrt_id        text NOT NULL REFERENCES visit (mdtrt_id),
  psn_no          text NOT NULL,
  document        jsonb NOT NULL,
  msgid           text NOT NULL,
  created_at      timestamptz NOT NULL,
  ended_at        timestamptz,
  ended_msgid     text
);
CREATE UNIQUE INDEX his_medical_record_live ON his_medical_record (mdtrt_id, infno) WHERE ended_at IS NULL;
CREATE INDEX his_medical_record_by_institution ON his_medical_record (fixmedins_code, created_at);
