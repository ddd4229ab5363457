-- Issue 12 §2: the line and visit rules' results of each visit, computed once when its lines arrive
-- (the payment audit) and read again by every 事后 scan while nothing they depend on has changed.
--
-- A result holds for a basis: the digest of everything the pass reads besides the visit's own rows
-- (the enabled line and visit rules with their parameters, the knowledge points, the catalogue's
-- restrictions, the institutions' levels). A new basis makes every stored result stale.
CREATE TABLE supervision_basis (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  digest      text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);

-- the visits whose results were computed, and under which basis
CREATE TABLE supervision_visit_check (
  mdtrt_id  text PRIMARY KEY,
  basis_id  integer NOT NULL REFERENCES supervision_basis (id)
);

-- is any result stale (computed under another basis)? one probe of this index
CREATE INDEX supervision_visit_check_by_basis ON supervision_visit_check (basis_id);

-- the hits of those visits (line and visit grains), with what a scan copies into its run
CREATE TABLE supervision_visit_hit (
  mdtrt_id        text NOT NULL,
  rule_code       text NOT NULL,
  psn_no          text NOT NULL,
  fixmedins_code  text NOT NULL,
  begin_date      date NOT NULL,
  amount_fen      bigint NOT NULL,
  lines           text[] NOT NULL DEFAULT '{}',
  detail          jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (mdtrt_id, rule_code)
);
CREATE INDEX supervision_visit_hit_by_date ON supervision_visit_hit (begin_date);

-- The visits whose own rows changed since their results were computed: a fee line added or changed,
-- the visit changed, or its person's gender, birth or death date changed. Written by triggers, so
-- that no write path can forget it; a row is removed only by the computation that read it (by id,
-- so a change committed meanwhile stays).
CREATE TABLE supervision_visit_changed (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mdtrt_id  text NOT NULL
);
CREATE INDEX supervision_visit_changed_by_visit ON supervision_visit_changed (mdtrt_id);
-- every visit already here is evaluated once (by the payment audit's job or the next scan)
INSERT INTO supervision_visit_changed (mdtrt_id) SELECT mdtrt_id FROM visit ORDER BY begin_date;

CREATE FUNCTION supervision_lines_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO supervision_visit_changed (mdtrt_id) SELECT DISTINCT mdtrt_id FROM changed_rows;
  RETURN NULL;
END $$;

CREATE TRIGGER fee_line_inserted AFTER INSERT ON fee_line
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_lines_changed();
CREATE TRIGGER fee_line_updated AFTER UPDATE ON fee_line
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_lines_changed();
CREATE TRIGGER visit_updated AFTER UPDATE ON visit
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_lines_changed();

CREATE FUNCTION supervision_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO supervision_visit_changed (mdtrt_id) SELECT mdtrt_id FROM visit WHERE psn_no = NEW.psn_no;
  RETURN NULL;
END $$;

CREATE TRIGGER person_facts_changed AFTER UPDATE OF gender, birth_date, death_date ON person
  FOR EACH ROW
  WHEN (OLD.gender IS DISTINCT FROM NEW.gender OR OLD.birth_date IS DISTINCT FROM NEW.birth_date
        OR OLD.death_date IS DISTINCT FROM NEW.death_date)
  EXECUTE FUNCTION supervision_person_changed();

-- what a run's first stage evaluated again and what it reused
ALTER TABLE supervision_run ADD COLUMN visits_checked integer, ADD COLUMN visits_reused integer;

-- A run copies a hundred thousand hits at a time: the per-row check of their run (a foreign key
-- trigger, 4 µs a row) and an index no query uses cost more than the copy itself. Hits are written
-- only by the run's own stages.
ALTER TABLE supervision_hit DROP CONSTRAINT supervision_hit_run_id_fkey;
DROP INDEX supervision_hit_by_institution;
