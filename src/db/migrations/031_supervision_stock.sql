-- Issue 12 §1: 进销存 — each institution's monthly stock of an item (opening, purchased, closing),
-- imported from its workbook or the procurement platform's export; the scan compares what the fund
-- settled of the item in the month with what the institution had to sell. A month imported again
-- replaces the row; the one it replaced is kept in supervision_stock_history.
CREATE TABLE supervision_stock (
  fixmedins_code  text NOT NULL REFERENCES institution (code),
  item_code       text NOT NULL,
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  opening_qty     numeric(14, 4) NOT NULL CHECK (opening_qty >= 0),
  purchased_qty   numeric(14, 4) NOT NULL CHECK (purchased_qty >= 0),
  closing_qty     numeric(14, 4) NOT NULL CHECK (closing_qty >= 0),
  batch           text NOT NULL,
  imported_at     timestamptz NOT NULL,
  imported_by     text NOT NULL,
  PRIMARY KEY (fixmedins_code, item_code, month)
);
CREATE INDEX supervision_stock_by_month ON supervision_stock (month);

CREATE TABLE supervision_stock_history (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fixmedins_code  text NOT NULL,
  item_code       text NOT NULL,
  month           date NOT NULL,
  opening_qty     numeric(14, 4) NOT NULL,
  purchased_qty   numeric(14, 4) NOT NULL,
  closing_qty     numeric(14, 4) NOT NULL,
  batch           text NOT NULL,
  imported_at     timestamptz NOT NULL,
  imported_by     text NOT NULL,
  replaced_at     timestamptz NOT NULL,
  replaced_by     text NOT NULL
);
CREATE INDEX supervision_stock_history_by_row ON supervision_stock_history (fixmedins_code, item_code, month);
