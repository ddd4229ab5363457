-- Issue 12 §2: the 事后 scan's one pass over the fee lines. PostgreSQL shares a pass among parallel
-- workers only when every aggregate in it can combine the partial states of two workers, which
-- array_agg cannot before PostgreSQL 16. This one can: the lines of a visit that broke a rule,
-- collected as text, in whichever worker read them, and joined at the end.
CREATE AGGREGATE scan_list (text) (
  SFUNC = array_append,
  STYPE = text[],
  COMBINEFUNC = array_cat,
  INITCOND = '{}',
  PARALLEL = SAFE
);
