-- The bureau's work calendar: which years are loaded (and from where), their holidays and 调休
-- working days, and every change an admin made to a day.

CREATE TABLE calendar_year (
  year       integer PRIMARY KEY,
  source     text NOT NULL CHECK (source IN ('library', 'bureau')),
  loaded_by  text NOT NULL,
  loaded_at  timestamptz NOT NULL
);

CREATE TABLE calendar_day (
  day   date PRIMARY KEY,
  year  integer NOT NULL REFERENCES calendar_year (year),
  kind  text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name  text NOT NULL
);
CREATE INDEX calendar_day_by_year ON calendar_day (year);

CREATE TABLE calendar_day_change (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day         date NOT NULL,
  old_kind    text,
  new_kind    text,               -- null: the day became an ordinary day
  name        text,
  reason      text,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL
);
CREATE INDEX calendar_day_change_by_day ON calendar_day_change (day, id);
