-- Registry additions: household numbers generated at the counter (村代码 + '-' + 6-digit serial;
-- households imported from a ledger keep the ledger's own number), and an index for the
-- identity-type filter of the person search.
CREATE SEQUENCE household_serial;
CREATE INDEX person_identity_by_type_person ON person_identity (identity_code, psn_no);
