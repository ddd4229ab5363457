-- Issue 12 §2 (事前/事中 answers at every charge), issue 9 §4. The signature nonces a HIS spent
-- in the last minutes are remembered without WAL. Every HIS request records one in its own statement, and as a logged table each such
-- commit waited for a disk flush (2–3 ms, the largest part of a 3101 call). After a crash the table
-- is empty: a request signed in the minutes before the crash could be replayed once; its body is
-- bound to the signature, and a writing transaction's msgid is still refused the second time.
ALTER TABLE his_nonce SET UNLOGGED;

-- 3101/3102 and the payment audit read an item's knowledge points by its code (of any template):
-- the index by (template, item_code) could not serve that, and each item read the whole table.
CREATE INDEX supervision_knowledge_by_code ON supervision_knowledge (item_code, valid_from);
