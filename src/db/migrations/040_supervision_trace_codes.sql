-- 药品追溯码 of the 进销存 records institutions report (3505 sales above all): one code per smallest
-- package, so a code sold twice without a return between is a package sold twice (回流药 or a false
-- code), which the scan's TRACE_CODE_RESOLD looks for.
ALTER TABLE supervision_stock_event ADD COLUMN trace_codes text[] NOT NULL DEFAULT '{}';
CREATE INDEX supervision_stock_event_trace ON supervision_stock_event USING gin (trace_codes)
  WHERE deleted_at IS NULL AND kind IN ('sale', 'sale_return');
