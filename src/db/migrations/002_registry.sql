-- The registry: county → township → village, persons, households, special identities,
-- enrollment and contributions, enrollment targets, institutions and the catalogue.
--
-- Distribution key: tables that grow large carry admdvs (the pooling region) and psn_no, the
-- stable person number. Person-centric rows (enrollments, identities, later visits, fee lines,
-- settlements, accumulators) are keyed by psn_no so one person's data and the row lock that
-- serialises their settlements live together on one node when the data is distributed.

CREATE TABLE region (
  admdvs  char(6) PRIMARY KEY CHECK (admdvs ~ '^\d{6}$'),
  name    text NOT NULL
);

CREATE TABLE township (
  code    char(9) PRIMARY KEY CHECK (code ~ '^\d{9}$'),   -- admdvs + 3 digits
  admdvs  char(6) NOT NULL REFERENCES region (admdvs),
  name    text NOT NULL
);

CREATE TABLE village (
  code          char(12) PRIMARY KEY CHECK (code ~ '^\d{12}$'),  -- township code + 3 digits
  township_code char(9) NOT NULL REFERENCES township (code),
  admdvs        char(6) NOT NULL REFERENCES region (admdvs),
  name          text NOT NULL
);
CREATE INDEX village_by_township ON village (township_code);

CREATE TABLE household (
  household_no  text PRIMARY KEY,                    -- 户编号
  admdvs        char(6) NOT NULL REFERENCES region (admdvs),
  village_code  char(12) NOT NULL REFERENCES village (code),
  address       text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_by_village ON household (village_code);

CREATE TABLE person (
  psn_no        text PRIMARY KEY,                    -- generated person number: admdvs + 10-digit serial
  admdvs        char(6) NOT NULL REFERENCES region (admdvs),
  certno        char(18) NOT NULL UNIQUE,            -- resident ID, GB 11643 checked
  name          text NOT NULL,
  gender        char(1) NOT NULL CHECK (gender IN ('1', '2')),   -- national gend: 1 male, 2 female
  birth_date    date NOT NULL,
  nation        text NOT NULL DEFAULT '01',
  phone         text,
  village_code  char(12) REFERENCES village (code),
  household_no  text REFERENCES household (household_no),
  status        text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'deceased', 'imprisoned', 'moved_out')),
  status_date   date,                                -- when the current status took effect
  death_date    date,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE person_serial;
CREATE INDEX person_by_name ON person (name);
CREATE INDEX person_by_village ON person (village_code);
CREATE INDEX person_by_household ON person (household_no);
CREATE INDEX person_by_status ON person (status) WHERE status <> 'normal';

-- Status history: every change with its effective date and source (police list, counter …).
CREATE TABLE person_status_change (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no          text NOT NULL REFERENCES person (psn_no),
  admdvs          char(6) NOT NULL,
  status          text NOT NULL CHECK (status IN ('normal', 'deceased', 'imprisoned', 'moved_out')),
  effective_date  date NOT NULL,
  source          text NOT NULL,
  note            text,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_status_change_by_person ON person_status_change (psn_no, effective_date);

-- Household membership with history: moving a member closes one row and opens another.
CREATE TABLE household_member (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  household_no  text NOT NULL REFERENCES household (household_no),
  psn_no        text NOT NULL REFERENCES person (psn_no),
  relation      text NOT NULL,                       -- 户主, 配偶, 子女, 父母, 其他
  from_date     date NOT NULL,
  to_date       date,                                -- null while current
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE UNIQUE INDEX household_member_one_current ON household_member (psn_no) WHERE to_date IS NULL;
CREATE UNIQUE INDEX household_one_current_head ON household_member (household_no) WHERE to_date IS NULL AND relation = '户主';
CREATE INDEX household_member_by_household ON household_member (household_no);

-- Special identities as data (低保, 特困, 脱贫人口 …) with the department that certifies them.
CREATE TABLE identity_type (
  code          text PRIMARY KEY,                    -- e.g. dibao, tekun
  name          text NOT NULL UNIQUE,                -- e.g. 低保
  department    text NOT NULL,                       -- 民政, 乡村振兴, 残联, 公安, 退役军人事务
  subsidises_enrollment boolean NOT NULL DEFAULT false  -- qualifies for 资助参保
);

INSERT INTO identity_type (code, name, department, subsidises_enrollment) VALUES
  ('tekun',       '特困',           '民政',         true),
  ('dibao',       '低保',           '民政',         true),
  ('tuopin',      '脱贫人口',       '乡村振兴',     true),
  ('jiance',      '防返贫监测对象', '乡村振兴',     true),
  ('dibao_bianyuan', '低保边缘',    '民政',         true),
  ('zhongcan',    '重度残疾',       '残联',         true),
  ('shedu',       '涉毒人员',       '公安',         false),
  ('tuiyi',       '退役军人',       '退役军人事务', false),
  ('gueryouer',   '孤儿和事实无人抚养儿童', '民政', true),
  ('youfu',       '优抚对象',       '退役军人事务', true);

-- A person's identity spells; history is kept: an ended spell gets valid_to, never deleted.
CREATE TABLE person_identity (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no          text NOT NULL REFERENCES person (psn_no),
  admdvs          char(6) NOT NULL,
  identity_code   text NOT NULL REFERENCES identity_type (code),
  source_dept     text NOT NULL,
  valid_from      date NOT NULL,
  valid_to        date,                              -- inclusive last day; null while open
  end_reason      text,
  source_ref      text,                              -- the ledger or document it came from
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX person_identity_by_person ON person_identity (psn_no);
CREATE INDEX person_identity_open_by_type ON person_identity (identity_code) WHERE valid_to IS NULL;

-- Enrollment and contribution: one row per person, scheme and coverage period.
CREATE TABLE enrollment (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  psn_no          text NOT NULL REFERENCES person (psn_no),
  admdvs          char(6) NOT NULL,
  insutype        char(3) NOT NULL CHECK (insutype IN ('310', '390', '510')),
  begin_date      date NOT NULL,
  end_date        date NOT NULL,                     -- inclusive; residents: 12-31 of the year
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
  personal_fen    bigint NOT NULL DEFAULT 0 CHECK (personal_fen >= 0),   -- paid by the person
  fiscal_fen      bigint NOT NULL DEFAULT 0 CHECK (fiscal_fen >= 0),     -- 财政补助
  assisted_fen    bigint NOT NULL DEFAULT 0 CHECK (assisted_fen >= 0),   -- 资助参保 amount
  assisted_payer  text,                              -- who paid the subsidised part (民政, 乡村振兴 …)
  assisted_identity text REFERENCES identity_type (code),
  employer_code   text,                              -- 310 only
  employer_name   text,
  stopped_on      date,
  stop_reason     text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= begin_date),
  CHECK (assisted_fen = 0 OR assisted_identity IS NOT NULL)
);
CREATE INDEX enrollment_by_person ON enrollment (psn_no, insutype, begin_date);
CREATE INDEX enrollment_by_period ON enrollment (insutype, begin_date, end_date) WHERE status = 'active';

-- 应参保人数 per township and year, entered by the bureau: the denominator of 参保率.
CREATE TABLE enrollment_target (
  township_code   char(9) NOT NULL REFERENCES township (code),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target          integer NOT NULL CHECK (target >= 0),
  PRIMARY KEY (township_code, year)
);

-- Designated institutions (两定机构) under agreement.
CREATE TABLE institution (
  code              text PRIMARY KEY CHECK (code ~ '^[HP]\d{11}$'),  -- fixmedins_code
  admdvs            char(6) NOT NULL REFERENCES region (admdvs),
  name              text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('hospital', 'township_health_centre', 'village_clinic', 'pharmacy')),
  level             smallint CHECK (level IN (1, 2, 3)),             -- 一级/二级/三级; null for pharmacies
  village_code      char(12) REFERENCES village (code),
  agreement_from    date NOT NULL,
  agreement_to      date NOT NULL,
  qual_special_outpatient boolean NOT NULL DEFAULT false,            -- 门特 designated
  qual_outpatient_pooling boolean NOT NULL DEFAULT false,            -- 门诊统筹
  qual_cross_province     boolean NOT NULL DEFAULT false,            -- 跨省直接结算
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (agreement_to >= agreement_from)
);
CREATE INDEX institution_by_kind ON institution (kind);

-- Catalogue items (医保目录) with validity; one code may have successive versions.
CREATE TABLE catalogue_item (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code            text NOT NULL,                     -- national code (med_list_codg)
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('drug', 'service', 'material')),
  chrgitm_lv      char(2) NOT NULL CHECK (chrgitm_lv IN ('01', '02', '03')),   -- class A / B / C
  first_share_bp  integer CHECK (first_share_bp BETWEEN 0 AND 10000),          -- class B 先行自付; null = policy default
  price_cap_fen   bigint CHECK (price_cap_fen > 0),
  med_chrgitm_type char(2) NOT NULL DEFAULT '14',
  gender_limit    char(1) CHECK (gender_limit IN ('1', '2')),
  min_age         smallint,
  max_age         smallint,
  inpatient_only  boolean NOT NULL DEFAULT false,
  valid_from      date NOT NULL,
  valid_to        date,
  UNIQUE (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX catalogue_item_by_name ON catalogue_item (name);
