-- Tamper-evident audit trail (docs/audit.md).
--
-- Every audit_entry row is a link of a hash chain: hash = sha256 over a canonical serialisation of
-- (stream, seq, prev_hash, at, actor, action, entity, entity_id, before, after), prev_hash = the hash
-- of the stream's previous row. A row changed, removed or inserted afterwards breaks its stream's
-- chain, which `yibao audit verify` and GET /api/audit/verify report.
--
-- Why streams: a single chain would make every write transaction wait for the one chain head until
-- the previous writer commits (settlements run 8 at a time on PostgreSQL). There are 32 chains;
-- the first audit row of a transaction takes the first chain head no other transaction holds
-- (FOR UPDATE SKIP LOCKED), and every later row of that transaction follows on the same chain. A
-- transaction therefore holds at most one chain head, and never waits for one while fewer than 32
-- transactions write audit rows at once (the connection pool is smaller), so no deadlock.
--
-- The links are computed by a trigger, so every writer (audit(), the set-based import writers, the
-- settlement's single-statement writes) is chained the same way without knowing about it.

CREATE TABLE audit_chain_head (
  stream     smallint PRIMARY KEY,
  last_seq   bigint NOT NULL,
  last_hash  text NOT NULL
);
INSERT INTO audit_chain_head (stream, last_seq, last_hash)
SELECT s, 0, repeat('0', 64) FROM generate_series(0, 31) AS s;

ALTER TABLE audit_entry
  ADD COLUMN stream smallint,
  ADD COLUMN seq bigint,
  ADD COLUMN prev_hash text,
  ADD COLUMN hash text;

-- at as integer microseconds since the epoch: the same text whatever the session's time zone
CREATE FUNCTION audit_hash(e audit_entry) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    e.stream, e.seq, e.prev_hash, (extract(epoch FROM e.at) * 1000000)::bigint,
    e.actor_id, e.actor_name, e.action, e.entity, e.entity_id, e.before, e.after)::text, 'UTF8')), 'hex')
$$;

-- Rows written before this migration become the start of stream 0, in id order.
DO $$
DECLARE
  r audit_entry;
  n bigint := 0;
  h text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_entry ORDER BY id LOOP
    n := n + 1;
    r.stream := 0;
    r.seq := n;
    r.prev_hash := h;
    h := audit_hash(r);
    UPDATE audit_entry SET stream = 0, seq = n, prev_hash = r.prev_hash, hash = h WHERE id = r.id;
  END LOOP;
  UPDATE audit_chain_head SET last_seq = n, last_hash = h WHERE stream = 0;
END $$;

ALTER TABLE audit_entry
  ALTER COLUMN stream SET NOT NULL,
  ALTER COLUMN seq SET NOT NULL,
  ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_entry_by_chain ON audit_entry (stream, seq);
-- the audit page searches by user and by action, newest first
CREATE INDEX audit_entry_by_actor ON audit_entry (actor_name, at);
CREATE INDEX audit_entry_by_action ON audit_entry (action, at);
-- … and by person: the person row itself, or the psnNo an entry's before/after names
CREATE INDEX audit_entry_by_person
  ON audit_entry ((CASE WHEN entity = 'person' THEN entity_id ELSE coalesce(after->>'psnNo', before->>'psnNo') END));

-- The chain state of the current transaction lives in transaction-local settings (reverted with the
-- transaction or savepoint, exactly like the row lock on the head); the head row is written once per
-- statement, not once per row, so a set-based import of many rows updates it once.
-- SECURITY DEFINER: the application role needs no right on audit_chain_head at all.
CREATE FUNCTION audit_chain_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  s text := current_setting('yibao.audit_stream', true);
  head audit_chain_head;
BEGIN
  IF s IS NULL OR s = '' THEN
    SELECT * INTO head FROM audit_chain_head ORDER BY stream LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
      -- every chain busy (more writers than chains): wait for one
      SELECT * INTO head FROM audit_chain_head WHERE stream = pg_backend_pid() % 32 FOR UPDATE;
    END IF;
    PERFORM set_config('yibao.audit_stream', head.stream::text, true);
  ELSE
    head := ROW(s::smallint, current_setting('yibao.audit_seq')::bigint, current_setting('yibao.audit_hash'));
  END IF;
  NEW.stream := head.stream;
  NEW.seq := head.last_seq + 1;
  NEW.prev_hash := head.last_hash;
  NEW.hash := audit_hash(NEW);
  PERFORM set_config('yibao.audit_seq', NEW.seq::text, true);
  PERFORM set_config('yibao.audit_hash', NEW.hash, true);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_chain_save() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  s text := current_setting('yibao.audit_stream', true);
BEGIN
  IF s IS NOT NULL AND s <> '' THEN
    UPDATE audit_chain_head
       SET last_seq = current_setting('yibao.audit_seq')::bigint, last_hash = current_setting('yibao.audit_hash')
     WHERE stream = s::smallint;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
CREATE TRIGGER audit_entry_chain_save AFTER INSERT ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_save();

-- Append-only on both engines. The table's owner can still disable or drop these triggers (and on
-- PGlite whoever holds the data folder is the owner): that is what the chain is for.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计记录只能追加，不能修改或删除' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

-- PostgreSQL deployments run the application as a role that does not own the tables (docs/audit.md):
-- that role may read and append audit rows and nothing else. Run SELECT audit_restrict_role('name')
-- again after any blanket GRANT on all tables. On PGlite there are no other roles: a no-op.
CREATE FUNCTION audit_restrict_role(role_name text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry FROM %I', role_name);
  EXECUTE format('GRANT SELECT, INSERT ON audit_entry TO %I', role_name);
  EXECUTE format('REVOKE ALL ON audit_chain_head FROM %I', role_name);
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yibao_app') THEN
    PERFORM audit_restrict_role('yibao_app');
  END IF;
END $$;
