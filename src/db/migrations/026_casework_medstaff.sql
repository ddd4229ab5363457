-- Issue 12: violation cases (违规案件) with their outcomes and the money ledger; the registry of
-- 医保医师/药师/护士/技师 and their points.

CREATE TABLE casework_case (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          bigint NOT NULL UNIQUE REFERENCES workflow_case (id),
  fixmedins_code   text NOT NULL REFERENCES institution (code),
  source           text NOT NULL CHECK (source IN ('suspect', 'ticket', 'complaint')),
  suspect_ids      bigint[] NOT NULL DEFAULT '{}',
  ticket_no        text,
  complaint        text,
  violation_type   text NOT NULL,
  article          text NOT NULL CHECK (article IN ('38', '39', '40', '41')),
  loss_fen         bigint NOT NULL DEFAULT 0 CHECK (loss_fen >= 0),
  facts            text NOT NULL DEFAULT '',
  created_by       bigint NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX casework_case_by_institution ON casework_case (fixmedins_code, id);

-- The outcomes of the 五个一批 decided on a case (money ones also in the ledger).
CREATE TABLE casework_outcome (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  casework_id      bigint NOT NULL REFERENCES casework_case (id),
  kind             text NOT NULL CHECK (kind IN ('interview', 'rectify', 'recovery', 'fine', 'refusal',
                                                 'deduction', 'self_refund', 'referral')),
  amount_fen       bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  multiple_bp      integer,
  referral_to      text CHECK (referral_to IN ('discipline', 'health', 'police')),
  note             text NOT NULL DEFAULT '',
  created_by       bigint NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX casework_outcome_by_case ON casework_outcome (casework_id);

-- 资金台账: every recovery, fine, refusal, deposit deduction and self-refund against an institution.
CREATE TABLE casework_ledger (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code   text NOT NULL REFERENCES institution (code),
  casework_id      bigint NOT NULL REFERENCES casework_case (id),
  outcome_id       bigint NOT NULL UNIQUE REFERENCES casework_outcome (id),
  kind             text NOT NULL CHECK (kind IN ('recovery', 'fine', 'refusal', 'deduction', 'self_refund')),
  amount_fen       bigint NOT NULL CHECK (amount_fen > 0),
  period           char(7) NOT NULL CHECK (period ~ '^\d{4}-\d{2}$'),
  created_at       timestamptz NOT NULL
);
CREATE INDEX casework_ledger_by_period ON casework_ledger (period, fixmedins_code);

-- 医保医师 registry: the staff of a designated institution and their payment qualification.
CREATE TABLE medstaff (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code   text NOT NULL REFERENCES institution (code),
  staff_code       text NOT NULL,
  name             text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('doctor', 'pharmacist', 'nurse', 'technician')),
  department       text NOT NULL DEFAULT '',
  status           text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'suspended', 'terminated')),
  suspended_until  date,
  barred_until     date,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (fixmedins_code, staff_code)
);
CREATE INDEX medstaff_by_code ON medstaff (staff_code);

CREATE TABLE medstaff_point (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id         bigint NOT NULL REFERENCES medstaff (id),
  casework_id      bigint REFERENCES casework_case (id),
  band             text NOT NULL CHECK (band IN ('agreement', 'fine', 'serious', 'fraud')),
  points           integer NOT NULL CHECK (points BETWEEN 1 AND 12),
  on_date          date NOT NULL,
  reason           text NOT NULL DEFAULT '',
  created_by       bigint NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX medstaff_point_by_staff ON medstaff_point (staff_id, on_date);
