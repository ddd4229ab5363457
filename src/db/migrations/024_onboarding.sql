-- Onboarding institutions (issue 9 §4).
-- Regions are data: every county- and prefecture-level code of 河南省 is loaded from
-- src/db/reference/region.csv after the migrations (idempotently, an admin's edits kept), and an
-- admin adds any other region (another province's pooling region of an out-of-area patient).
ALTER TABLE region
  ADD COLUMN level text CHECK (level IN ('province', 'prefecture', 'county')),
  ADD COLUMN parent char(6) CHECK (parent ~ '^\d{6}$'),
  ADD COLUMN updated_at timestamptz;
CREATE INDEX region_by_parent ON region (parent);

-- The HIS credential's life: issued, rotated (the old secret refused at once), revoked (every call
-- of the institution refused). The secret stays in clear: the gateway verifies HMAC signatures
-- with it. It is never logged, audited or shown after the one reply that issued it.
ALTER TABLE institution_credential
  ADD COLUMN rotated_at timestamptz,
  ADD COLUMN revoked_at timestamptz;
