-- 集中征缴: the day each contribution was collected, the collection window of each coverage year
-- (policy data), and the daily snapshot of enrollment per village that the ranking history is read from.

-- 缴费日期. Null for rows written before this column existed: their creation day stands in for it.
ALTER TABLE enrollment ADD COLUMN paid_on date;

CREATE TABLE collection_window (
  admdvs     char(6) NOT NULL REFERENCES region (admdvs),
  year       integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),   -- the coverage year collected
  opens_on   date NOT NULL,
  closes_on  date NOT NULL,
  set_by     text NOT NULL,
  set_at     timestamptz NOT NULL,
  PRIMARY KEY (admdvs, year),
  CHECK (closes_on >= opens_on)
);

-- One row per day, coverage year and village: who was insured for that year as of the end of that day
-- (the township rows are their sums; the township's 应参保人数 is enrollment_target).
CREATE TABLE collection_snapshot (
  day           date NOT NULL,
  year          integer NOT NULL,
  village_code  char(12) NOT NULL REFERENCES village (code),
  residents     integer NOT NULL,     -- registered, living residents of the village born by the year's end
  insured       integer NOT NULL,
  subsidised    integer NOT NULL,
  taken_at      timestamptz NOT NULL,
  PRIMARY KEY (year, day, village_code)
);
