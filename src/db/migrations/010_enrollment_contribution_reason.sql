-- 参保缴费 off the year's contribution standard (or zero/zero) is accepted at the counter only
-- with a reason; the reason is kept on the enrollment (and in its audit entry) for the reviewer.
ALTER TABLE enrollment ADD COLUMN contribution_reason text;
