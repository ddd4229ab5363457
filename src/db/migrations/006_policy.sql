-- Benefit policies as versioned data: one document per region, scheme and version. A new year's
-- figures, or a correction, is a NEW row; rows are never edited, so a settlement's recorded
-- policy version always names the exact document it was computed with.
CREATE TABLE policy_version (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  admdvs          text NOT NULL CHECK (admdvs ~ '^[0-9]{6}$'),
  year            integer NOT NULL,
  insutype        text NOT NULL CHECK (insutype IN ('310', '390')),
  version         text NOT NULL,
  name            text NOT NULL,
  effective_from  date NOT NULL,
  effective_to    date,
  document        jsonb NOT NULL,                    -- the validated Policy (src/domain/settlement/policy.ts)
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (admdvs, insutype, version),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
-- activePolicy: the newest version of (region, scheme) effective on a date
CREATE INDEX policy_version_active ON policy_version (admdvs, insutype, effective_from, id);
