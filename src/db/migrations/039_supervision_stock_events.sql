-- 进销存 as institutions' systems report it through the national interface, record by record:
-- 3501 盘存, 3502 库存变更, 3503 采购, 3504 采购退货, 3505 销售, 3506 销售退货. 3507 deletes what one
-- 批次流水号 of one data type reported (the row stays, marked with the deleting message), so it can
-- be reported again. A live record is unique by institution, kind and 批次流水号.
CREATE TABLE supervision_stock_event (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  kind            text NOT NULL CHECK (kind IN ('count', 'change', 'purchase', 'purchase_return', 'sale', 'sale_return')),
  item_code       text NOT NULL,              -- med_list_codg
  hilist_id       text NOT NULL,              -- fixmedins_hilist_id
  hilist_name     text NOT NULL,              -- fixmedins_hilist_name
  bchno           text NOT NULL,              -- fixmedins_bchno
  quantity        numeric(16, 4) NOT NULL CHECK (quantity >= 0),
  price           numeric(16, 6) CHECK (price >= 0),
  occurred_at     timestamptz NOT NULL,
  occurred_on     date NOT NULL,              -- its Beijing date
  detail          jsonb NOT NULL DEFAULT '{}', -- the record's other fields, by their national names
  msgid           text NOT NULL,
  received_at     timestamptz NOT NULL,
  deleted_at      timestamptz,
  deleted_msgid   text
);
CREATE UNIQUE INDEX supervision_stock_event_live
  ON supervision_stock_event (fixmedins_code, kind, bchno) WHERE deleted_at IS NULL;
CREATE INDEX supervision_stock_event_item ON supervision_stock_event (fixmedins_code, item_code, occurred_on);
CREATE INDEX supervision_stock_event_day ON supervision_stock_event (occurred_on);
