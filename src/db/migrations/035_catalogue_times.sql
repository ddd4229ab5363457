-- When a catalogue item was created and last changed: HIS systems synchronise the catalogue with
-- 1312 医保目录信息查询 by updt_time (the items changed since their last sync).
ALTER TABLE catalogue_item
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX catalogue_item_by_update ON catalogue_item (updated_at, id);
