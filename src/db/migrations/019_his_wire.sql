-- HIS wire compatibility (issue 9, sections 1, 2 and the operational items of 4).
--
-- msgid is the HIS's own id: unique per institution, not across the province, so one
-- institution can never use up (or read) another's msgids. The stored body hash is now the hash
-- of the business content (infno, institution, input) so a retry with a fresh inf_time is answered
-- with the stored response. infno widens for variants such as 2203A.
ALTER TABLE his_message DROP CONSTRAINT his_message_pkey;
ALTER TABLE his_message ADD PRIMARY KEY (fixmedins_code, msgid);
ALTER TABLE his_message ALTER COLUMN infno TYPE text;

-- Gateway nonces seen inside the signature validity window, per institution: a captured
-- signature cannot be replayed (with any body). Rows older than the window are purged.
CREATE TABLE his_nonce (
  fixmedins_code  text NOT NULL,
  nonce           text NOT NULL,
  seen_at         timestamptz NOT NULL,
  PRIMARY KEY (fixmedins_code, nonce)
);
CREATE INDEX his_nonce_by_time ON his_nonce (seen_at);

-- How an institution's gateway authenticates (per credential): 'tif' = x-tif-* SHA-256
-- signature, 'apikey' = an apikey header holding the secret, 'api_hmac' = _api_* HMAC-SHA256
-- headers. sign_no_required false lets a HIS that never signs in (self-service kiosks) call
-- business transactions without a 9001 sign_no.
ALTER TABLE institution_credential
  ADD COLUMN auth_scheme text NOT NULL DEFAULT 'tif' CHECK (auth_scheme IN ('tif', 'apikey', 'api_hmac')),
  ADD COLUMN sign_no_required boolean NOT NULL DEFAULT true;

-- Bounds on amounts the HIS may send, editable data (one row, changed with an UPDATE; no
-- workbench page yet). A single fee line above line_max_fen, or a visit whose lines add up above
-- visit_max_fen, is refused at upload. Defaults: 1,000,000.00 yuan a line, 20,000,000.00 a visit.
CREATE TABLE his_limits (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  line_max_fen   bigint NOT NULL CHECK (line_max_fen > 0),
  visit_max_fen  bigint NOT NULL CHECK (visit_max_fen > 0)
);
INSERT INTO his_limits (id, line_max_fen, visit_max_fen) VALUES (true, 100000000, 2000000000);

-- Unit prices keep the wire's 6 decimals (pric N(16,6)): pric_e4fen is the price in 1/10,000
-- fen (yuan × 10⁶), exact; pric_fen stays the half-up fen the engine compares with price caps.
ALTER TABLE fee_line ADD COLUMN pric_e4fen bigint CHECK (pric_e4fen >= 0);

-- Return lines (negative cnt with init_feedetl_sn) net their original line: a line may be
-- returned down to zero quantity and amount, never below.
ALTER TABLE fee_line DROP CONSTRAINT fee_line_cnt_check;
ALTER TABLE fee_line ADD CONSTRAINT fee_line_cnt_check CHECK (cnt >= 0);

-- 医保电子凭证 (mdtrt_cert_type 01) tokens and 社会保障卡 (03) card numbers the bureau knows,
-- each standing for one person.
CREATE TABLE person_credential (
  cert_type   char(2) NOT NULL CHECK (cert_type IN ('01', '03')),
  cert_no     text NOT NULL,
  psn_no      text NOT NULL REFERENCES person (psn_no),
  valid_from  date NOT NULL,
  valid_to    date,
  PRIMARY KEY (cert_type, cert_no)
);
CREATE INDEX person_credential_by_person ON person_credential (psn_no);

-- A credential scheme instead of one row per person: a token or card number that is the prefix
-- followed by the ID number of a person of the region stands for that person. The demo county
-- registers its documented scheme here (src/domain/demo/credentials.ts); it reveals nothing a
-- resident ID (02) lookup does not, since the ID number must be known.
CREATE TABLE person_credential_scheme (
  cert_type   char(2) NOT NULL CHECK (cert_type IN ('01', '03')),
  prefix      text NOT NULL CHECK (length(prefix) BETWEEN 1 AND 20),
  admdvs      char(6) NOT NULL,
  valid_from  date NOT NULL,
  PRIMARY KEY (cert_type, prefix, admdvs)
);
