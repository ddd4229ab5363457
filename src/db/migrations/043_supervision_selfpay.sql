-- 自费病人信息: the visits a 定点 institution's HIS reports as paid in full by the patient (4202 stay,
-- 4205 outpatient visit, 4201A the stay's fee lines, 4203 complete), kept by supervision to find
-- insured persons treated without the fund (转嫁费用). The patient's certificate number is used once,
-- to find the person, and never kept: psn_no is set when it names a person of the registry, and
-- insured when that person had an enrollment in force on the visit's first day. One row per
-- institution and its visit id; an upload again replaces the visit's facts and its lines by 记账流水号.
CREATE TABLE supervision_selfpay_visit (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  fixmedins_mdtrt_id text NOT NULL,
  inpatient       boolean NOT NULL,
  med_type        text NOT NULL,
  begin_at        timestamptz NOT NULL,
  begin_date      date NOT NULL,                     -- Beijing
  psn_no          text REFERENCES person (psn_no),
  insured         boolean NOT NULL,
  told_total_fen  bigint,                            -- medfee_sumamt as the HIS told it (4202)
  main_diag_code  text,
  main_diag_name  text,
  diagnoses       jsonb NOT NULL DEFAULT '[]',
  completed_at    timestamptz,                       -- 4203 cplt_flag 1
  msgid           text NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (fixmedins_code, fixmedins_mdtrt_id)
);
CREATE INDEX supervision_selfpay_visit_by_day ON supervision_selfpay_visit (begin_date, fixmedins_code);
CREATE INDEX supervision_selfpay_visit_by_person ON supervision_selfpay_visit (psn_no) WHERE psn_no IS NOT NULL;

CREATE TABLE supervision_selfpay_line (
  visit_id        bigint NOT NULL REFERENCES supervision_selfpay_visit (id),
  bkkp_sn         text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  item_code       text NOT NULL,
  hilist_code     text,
  hilist_name     text,
  chrgitm_type    text,
  cnt             numeric(16, 4) NOT NULL,
  price           numeric(16, 6) NOT NULL,
  amount_fen      bigint NOT NULL,
  full_own_fen    bigint,
  inscp_fen       bigint,
  memo            text,
  msgid           text NOT NULL,
  PRIMARY KEY (visit_id, bkkp_sn)
);
