-- 人员定点备案 (HIS 2505 / 2506, read by 5302): the designated institutions a person chose for a
-- business (biz_appy_type as the HIS sends it, e.g. 门诊统筹 or 门慢特), in the person's order
-- (fix_srt_no). Filed by an institution's HIS; cancelled by it (2506) or by a clerk, the row kept.
CREATE TABLE person_designation (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- trt_dcla_detl_sn
  psn_no          text NOT NULL REFERENCES person (psn_no),
  biz_appy_type   text NOT NULL,
  fix_srt_no      text NOT NULL,
  fixmedins_code  text NOT NULL REFERENCES institution (code),     -- the institution designated
  begin_date      date NOT NULL,
  end_date        date,
  detail          jsonb NOT NULL DEFAULT '{}',  -- tel, addr, agnter_*, memo as sent
  filed_by        text NOT NULL REFERENCES institution (code),     -- whose HIS filed it
  msgid           text NOT NULL,
  created_at      timestamptz NOT NULL,
  cancelled_at    timestamptz,
  cancelled_by    text,                         -- the 2506's institution, or the clerk's account
  cancel_reason   text,
  CHECK (end_date IS NULL OR end_date >= begin_date)
);
CREATE INDEX person_designation_by_person ON person_designation (psn_no);
-- one live designation per person, business and order
CREATE UNIQUE INDEX person_designation_live ON person_designation (psn_no, biz_appy_type, fix_srt_no)
  WHERE cancelled_at IS NULL;
