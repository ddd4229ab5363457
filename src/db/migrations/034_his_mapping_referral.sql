-- 目录对照 (HIS 3301 / 3302): an institution's own item codes mapped to the national catalogue
-- codes, as its HIS uploads them. A new upload of a mapped item replaces the live mapping; a
-- revocation ends it. Ended rows stay, with when and by which message.
CREATE TABLE his_item_mapping (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  his_item_code   text NOT NULL,              -- fixmedins_hilist_id
  his_item_name   text NOT NULL,              -- fixmedins_hilist_name
  list_type       text NOT NULL,              -- 医疗目录类别 (101 西药 …, 201 医疗服务项目 …)
  med_list_codg   text NOT NULL,              -- the national code it maps to
  begin_date      date NOT NULL,
  end_date        date,
  detail          jsonb NOT NULL DEFAULT '{}', -- aprvno, dosform, spec, pacspec, prcunt, pric, memo as sent
  in_catalogue    boolean NOT NULL,           -- med_list_codg was in Yibao's catalogue when uploaded
  msgid           text NOT NULL,
  created_at      timestamptz NOT NULL,
  ended_at        timestamptz,
  ended_msgid     text,
  CHECK (end_date IS NULL OR end_date >= begin_date)
);
CREATE UNIQUE INDEX his_item_mapping_live ON his_item_mapping (fixmedins_code, his_item_code, list_type)
  WHERE ended_at IS NULL;
CREATE INDEX his_item_mapping_by_code ON his_item_mapping (fixmedins_code, med_list_codg);

-- 转院备案 through the HIS (2501 / 2502): which institution filed it with which message, and its
-- cancellation (a cancelled filing no longer counts at settlement; the row and its audit stay).
ALTER TABLE filing ADD COLUMN fixmedins_code text REFERENCES institution (code);
ALTER TABLE filing ADD COLUMN msgid text;
ALTER TABLE filing ADD COLUMN cancelled_at timestamptz;
