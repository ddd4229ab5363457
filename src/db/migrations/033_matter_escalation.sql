-- 容缺 promises not kept are escalated (督办): the day a matter was escalated, by the hourly job when
-- its promised material is overdue or by a leader's 督办 on an overdue matter. One escalation a matter;
-- the event with its reason is in the matter's workflow history.
ALTER TABLE matter ADD COLUMN escalated_on date;
CREATE INDEX matter_open_promise ON matter (promise_due) WHERE escalated_on IS NULL AND promise_due IS NOT NULL;
