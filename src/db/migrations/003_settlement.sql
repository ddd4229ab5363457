-- Settlement: the HIS interface's state (credentials, sign-ins, the message log that makes every
-- write idempotent by msgid), visits and fee lines, settlements with their fund parts, the
-- per-person accumulators that caps and deductibles are checked against, and the two person
-- facts the engine needs besides the registry (out-of-area filings, special-disease qualifications).
--
-- Money is BIGINT fen everywhere. A reversal is its own settlement row with negated amounts, so
-- sums over settlement are always the net figures an institution reconciles against.

-- Institution authentication at the HIS gateway: x-tif-paasid → this row; the signature uses secret.
CREATE TABLE institution_credential (
  fixmedins_code  text PRIMARY KEY REFERENCES institution (code),
  paasid          text NOT NULL UNIQUE,
  secret          text NOT NULL CHECK (length(secret) >= 16),
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- 9001 签到 / 9002 签退: business transactions need an open sign-in of the same institution.
CREATE SEQUENCE his_sign_no_serial;
CREATE TABLE his_sign_in (
  sign_no         text PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  opter           text NOT NULL,
  sign_time       timestamptz NOT NULL,
  sign_out_time   timestamptz,
  mac             text,
  ip              text
);
CREATE INDEX his_sign_in_by_institution ON his_sign_in (fixmedins_code, sign_time);

-- The message log: one row per successful writing transaction, written in the same database
-- transaction as its effects. A repeated msgid answers the stored response.
CREATE TABLE his_message (
  msgid           text PRIMARY KEY,
  fixmedins_code  text NOT NULL,
  infno           char(4) NOT NULL,
  body_sha256     char(64) NOT NULL,
  response        jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX his_message_by_institution ON his_message (fixmedins_code, created_at);

-- 就诊: one outpatient visit or one inpatient stay.
CREATE SEQUENCE visit_serial;
CREATE TABLE visit (
  mdtrt_id        text PRIMARY KEY,
  psn_no          text NOT NULL REFERENCES person (psn_no),
  admdvs          char(6) NOT NULL,                  -- the person's pooling region (参保地)
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  insutype        char(3) NOT NULL,
  med_type        text NOT NULL,
  inpatient       boolean NOT NULL,
  ipt_otp_no      text NOT NULL,                     -- the HIS's own outpatient / inpatient number
  begin_time      timestamptz NOT NULL,
  end_time        timestamptz,                       -- discharge (stays)
  begin_date      date NOT NULL,                     -- Beijing-time calendar dates of the above
  end_date        date,
  status          text NOT NULL CHECK (status IN ('registered', 'admitted', 'discharged', 'settled', 'cancelled')),
  diagnoses       jsonb NOT NULL DEFAULT '[]',       -- [{code, name, type, srtNo}]
  main_diag_code  text,
  out_of_area     boolean NOT NULL DEFAULT false,
  emergency       boolean NOT NULL DEFAULT false,
  dscg_way        text,
  die_date        date,
  attending       jsonb,                             -- doctor, department, bed as the HIS sent them
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_by_person ON visit (psn_no, begin_date);
CREATE INDEX visit_by_institution ON visit (fixmedins_code, begin_date);
-- the HIS's own visit number identifies one live visit at its institution
CREATE UNIQUE INDEX visit_live_his_no ON visit (fixmedins_code, inpatient, ipt_otp_no) WHERE status <> 'cancelled';

-- 费用明细 with the classification computed at upload (re-computed at settlement).
CREATE TABLE fee_line (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mdtrt_id            text NOT NULL REFERENCES visit (mdtrt_id),
  psn_no              text NOT NULL,
  feedetl_sn          text NOT NULL,
  chrg_bchno          text NOT NULL DEFAULT '',
  med_list_codg       text NOT NULL,
  medins_list_codg    text,
  catalogue_item_id   bigint REFERENCES catalogue_item (id),
  fee_ocur_time       timestamptz NOT NULL,
  fee_date            date NOT NULL,
  cnt                 numeric(16, 4) NOT NULL CHECK (cnt > 0),
  pric_fen            bigint NOT NULL CHECK (pric_fen >= 0),
  det_item_fee_sumamt bigint NOT NULL CHECK (det_item_fee_sumamt >= 0),
  chrgitm_lv          char(2),
  med_chrgitm_type    char(2),
  fulamt_ownpay_amt   bigint NOT NULL DEFAULT 0,
  overlmt_amt         bigint NOT NULL DEFAULT 0,
  preselfpay_amt      bigint NOT NULL DEFAULT 0,
  inscp_scp_amt       bigint NOT NULL DEFAULT 0,
  reasons             text[] NOT NULL DEFAULT '{}',
  detail              jsonb,                         -- prescription, doctor, department as sent
  setl_id             text,                          -- null until settled
  cancelled           boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now()
);
-- a live line number is unique within its visit; a cancelled line may be uploaded again
CREATE UNIQUE INDEX fee_line_live_sn ON fee_line (mdtrt_id, feedetl_sn) WHERE NOT cancelled;
CREATE INDEX fee_line_by_settlement ON fee_line (setl_id) WHERE setl_id IS NOT NULL;

-- 结算 (and its reversals, kind 'reversal', amounts negated).
CREATE SEQUENCE settlement_serial;
CREATE TABLE settlement (
  setl_id             text PRIMARY KEY,
  mdtrt_id            text NOT NULL REFERENCES visit (mdtrt_id),
  psn_no              text NOT NULL,
  admdvs              char(6) NOT NULL,
  fixmedins_code      text NOT NULL,
  insutype            char(3) NOT NULL,
  med_type            text NOT NULL,
  clr_type            text NOT NULL,                 -- 11 outpatient, 21 inpatient, 41 pharmacy
  setl_time           timestamptz NOT NULL,
  setl_date           date NOT NULL,                 -- Beijing-time date of setl_time
  benefit_year        integer NOT NULL,
  policy_version_id   bigint,
  policy_version      text,
  kind                text NOT NULL CHECK (kind IN ('settlement', 'reversal')),
  reverses_setl_id    text REFERENCES settlement (setl_id),
  reversed_by         text,
  medfee_sumamt       bigint NOT NULL,
  fulamt_ownpay_amt   bigint NOT NULL,
  overlmt_selfpay     bigint NOT NULL,
  preselfpay_amt      bigint NOT NULL,
  inscp_scp_amt       bigint NOT NULL,
  act_pay_dedc        bigint NOT NULL,
  hifp_pay            bigint NOT NULL,
  pool_prop_selfpay   bigint NOT NULL,
  hifmi_pay           bigint NOT NULL,
  hifob_pay           bigint NOT NULL,
  maf_pay             bigint NOT NULL,
  oth_pay             bigint NOT NULL,
  fund_pay_sumamt     bigint NOT NULL,
  psn_part_amt        bigint NOT NULL,
  acct_pay            bigint NOT NULL,
  psn_cash_pay        bigint NOT NULL,
  assistance_identity text,
  lines               jsonb NOT NULL,                -- LineResult[] as the engine returned them
  steps               jsonb NOT NULL,                -- ExplanationStep[]
  acc_before          jsonb,                         -- accumulators before / after: a reversal subtracts the difference
  acc_after           jsonb,
  msgid               text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (medfee_sumamt = fund_pay_sumamt + psn_part_amt),
  CHECK (psn_part_amt = acct_pay + psn_cash_pay),
  CHECK (fund_pay_sumamt = hifp_pay + hifmi_pay + hifob_pay + maf_pay + oth_pay),
  CHECK (medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt),
  CHECK ((kind = 'reversal') = (reverses_setl_id IS NOT NULL))
);
-- exactly one live settlement per visit, and one reversal per settlement
CREATE UNIQUE INDEX settlement_one_live_per_visit ON settlement (mdtrt_id) WHERE kind = 'settlement' AND reversed_by IS NULL;
CREATE UNIQUE INDEX settlement_one_reversal ON settlement (reverses_setl_id) WHERE reverses_setl_id IS NOT NULL;
CREATE INDEX settlement_by_time ON settlement (setl_date, insutype);
CREATE INDEX settlement_by_person ON settlement (psn_no, setl_time);
CREATE INDEX settlement_by_institution ON settlement (fixmedins_code, insutype, setl_date);

CREATE TABLE settlement_fund (
  setl_id         text NOT NULL REFERENCES settlement (setl_id),
  fund_pay_type   text NOT NULL,                     -- 390100, 390200, 610100, 310100, 310200 …
  fund_payamt     bigint NOT NULL,
  inscp_scp_amt   bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (setl_id, fund_pay_type)
);

-- 累计: per person, scheme and benefit year. Settlements of one person lock this row, so they
-- serialise and the caps can never be passed by two settlements racing.
CREATE TABLE accumulator (
  psn_no                          text NOT NULL,
  insutype                        char(3) NOT NULL,
  year                            integer NOT NULL,
  admissions                      integer NOT NULL DEFAULT 0,
  deductible_paid_fen             bigint NOT NULL DEFAULT 0,
  basic_fund_paid_fen             bigint NOT NULL DEFAULT 0,
  outpatient_pooled_paid_fen      bigint NOT NULL DEFAULT 0,
  critical_illness_base_fen       bigint NOT NULL DEFAULT 0,
  critical_illness_paid_fen       bigint NOT NULL DEFAULT 0,
  assistance_deductible_paid_fen  bigint NOT NULL DEFAULT 0,
  assistance_paid_fen             bigint NOT NULL DEFAULT 0,
  special_disease_paid            jsonb NOT NULL DEFAULT '{}',  -- {disease code: fen}
  outpatient_deductible_paid_fen  bigint NOT NULL DEFAULT 0,
  special_disease_deductible_paid jsonb NOT NULL DEFAULT '{}',  -- {disease code: fen}
  updated_at                      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (psn_no, insutype, year)
);

-- 异地就医备案
CREATE TABLE filing (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no          text NOT NULL REFERENCES person (psn_no),
  type            text NOT NULL CHECK (type IN ('resident_elsewhere', 'referral', 'temporary', 'employee_posted')),
  destination     text NOT NULL CHECK (destination ~ '^\d{2,6}$'),   -- admdvs or a prefix (41 = the province)
  begin_date      date NOT NULL,
  end_date        date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= begin_date)
);
CREATE INDEX filing_by_person ON filing (psn_no);

-- 门特门慢资格
CREATE TABLE disease_qualification (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no            text NOT NULL REFERENCES person (psn_no),
  disease_code      text NOT NULL,
  institution_codes text[] NOT NULL DEFAULT '{}',
  valid_from        date NOT NULL,
  valid_to          date,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX disease_qualification_by_person ON disease_qualification (psn_no);
