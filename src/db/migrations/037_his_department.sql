-- 医保科室 an institution's HIS uploads (3401/3401A), changes (3402) and revokes (3403), read back by
-- 5101 and in the workbench's institution drawer. A change ends the live row and adds the new one
-- (the history stays); a revoked department is ended, never deleted.
CREATE TABLE his_department (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  dept_code       text NOT NULL,              -- hosp_dept_codg
  dept_name       text NOT NULL,              -- hosp_dept_name
  caty            text NOT NULL,              -- 科别
  begin_time      timestamptz NOT NULL,
  end_time        timestamptz,
  detail          jsonb NOT NULL DEFAULT '{}', -- head, beds, headcounts, scope … as Yibao names them
  msgid           text NOT NULL,
  created_at      timestamptz NOT NULL,
  ended_at        timestamptz,
  ended_msgid     text,
  CHECK (end_time IS NULL OR end_time >= begin_time)
);
CREATE UNIQUE INDEX his_department_live ON his_department (fixmedins_code, dept_code) WHERE ended_at IS NULL;
