// The settlement page's own styles: the slip on screen, and as a one-page A4 结算单 in print. It is
// rendered as a <style> element by the page, so it exists only while a settlement is shown and
// its print rules (hiding the menu, the header and the buttons) never touch other pages.
export const SLIP_CSS = `
.setl-slip {
  display: flex;
  flex-direction: column;
  gap: 16px;
}
.setl-slip .slip-title {
  text-align: center;
}
.setl-slip .explain-table {
  width: 100%;
  border-collapse: collapse;
}
.setl-slip .explain-table th,
.setl-slip .explain-table td {
  border-bottom: 1px solid #f0f0f0;
  padding: 6px 8px;
  text-align: left;
  vertical-align: top;
}
.setl-slip .explain-table th {
  background: #fafafa;
  font-weight: 600;
}
.setl-slip .explain-table tr.summary td {
  background: #f6ffed;
  font-weight: 600;
}
.setl-slip .explain-table .formula {
  width: 210px;
  font-variant-numeric: tabular-nums;
  color: #595959;
  white-space: nowrap;
}
.setl-slip .zero,
.setl-slip .share-bp {
  color: #8c8c8c;
}
.print-only {
  display: none;
}
.setl-slip .slip-capitals {
  display: block;
  font-size: 14px;
  font-weight: 400;
}
.setl-slip .slip-parties {
  list-style: none;
  margin-left: -20px;
  color: #595959;
}

@media print {
  @page {
    size: A4 portrait;
    margin: 8mm 9mm;
  }
  .slip-page > .ant-space-item:has(> .no-print),
  .setl-slip .explain-table .kind,
  body:has(.setl-slip) .ant-layout-sider,
  body:has(.setl-slip) .ant-layout-header,
  body:has(.setl-slip) .no-print {
    display: none !important;
  }
  /* plain blocks of natural height, so Chromium paginates (and never clips) the slip */
  html:has(.setl-slip),
  body:has(.setl-slip),
  body:has(.setl-slip) .ant-layout,
  body:has(.setl-slip) .ant-layout-content,
  .slip-page,
  .slip-page > .ant-space-item,
  .setl-slip {
    display: block !important;
    width: auto !important;
    height: auto !important;
    overflow: visible !important;
    margin: 0 !important;
    padding: 0 !important;
    background: #fff !important;
    min-height: 0 !important;
  }
  .setl-slip > * + * {
    margin-top: 3px !important;
  }
  /* the plain summary in a few compact lines */
  .setl-slip .slip-summary .ant-card-body {
    padding: 2px 6px !important;
  }
  .setl-slip .slip-summary .ant-card-body > div {
    font-size: 8pt !important;
  }
  .setl-slip .slip-capitals {
    display: inline;
    margin-left: 8px;
    font-size: 8pt;
  }
  .setl-slip .slip-summary ul {
    margin: 0 !important;
    padding: 0 !important;
  }
  .setl-slip .slip-summary li {
    display: inline;
    margin-right: 6px;
    font-size: 7.5pt;
  }
  .setl-slip .slip-summary .ant-card-body {
    font-size: 7.5pt;
    line-height: 1.3;
  }
  .setl-slip {
    color: #000;
    font-size: 7.5pt;
    line-height: 1.25;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  .setl-slip .slip-title h4 {
    font-size: 13pt !important;
    margin: 0 !important;
  }
  .setl-slip .slip-title .ant-typography-secondary {
    font-size: 7.5pt;
  }
  .setl-slip .ant-card {
    border: none !important;
    box-shadow: none !important;
    border-radius: 0 !important;
  }
  .setl-slip .ant-card-head {
    min-height: 0 !important;
    padding: 0 !important;
    border: none !important;
    font-size: 8.5pt !important;
    margin-bottom: 1px;
  }
  .setl-slip .ant-card-head-title {
    padding: 1px 0 !important;
  }
  .setl-slip .ant-card-body {
    padding: 0 !important;
  }
  .setl-slip .ant-descriptions-view {
    border-radius: 0 !important;
  }
  .setl-slip .ant-descriptions-item-label,
  .setl-slip .ant-descriptions-item-content,
  .setl-slip .ant-table-cell,
  .setl-slip .explain-table th,
  .setl-slip .explain-table td {
    padding: 0 3px !important;
    font-size: 7.5pt !important;
    line-height: 1.3 !important;
  }
  .setl-slip .ant-table {
    font-size: 7.5pt !important;
  }
  .setl-slip .ant-table-wrapper .ant-table-container,
  .setl-slip .ant-table-wrapper table {
    border-radius: 0 !important;
  }
  .setl-slip .ant-table-cell,
  .setl-slip .explain-table td,
  .setl-slip .explain-table th {
    border-bottom: 0.5px solid #999 !important;
  }
  .setl-slip .ant-tag {
    font-size: 7pt !important;
    line-height: 1.2 !important;
    padding: 0 2px !important;
    margin: 0 !important;
    border: none !important;
    background: none !important;
    color: #000 !important;
  }
  /* A4 is narrower than the screen: let the columns size to their content, money on one line */
  .setl-slip .ant-table table {
    table-layout: auto !important;
    width: 100% !important;
  }
  .setl-slip .ant-table colgroup col {
    width: auto !important;
    min-width: 0 !important;
  }
  .setl-slip .ant-table-cell {
    white-space: nowrap;
  }
  .setl-slip .ant-table-cell.wrap {
    white-space: normal;
  }
  .setl-slip .share-bp {
    font-size: 6.5pt;
  }
  /* the item code under each name doubles the row height: the printed slip keeps the name */
  .setl-slip .item-code {
    display: none !important;
  }
  .setl-slip .fund-check {
    font-size: 7.5pt;
    margin: 1px 0 0 !important;
  }
  .setl-slip .print-only {
    display: flex !important;
  }
  .setl-slip .explain-table .formula {
    white-space: normal;
    width: 130px;
  }
  .setl-slip .slip-footer {
    justify-content: space-between;
    margin-top: 6px;
    font-size: 8pt;
  }
  .setl-slip .ant-table-row,
  .setl-slip .explain-table tr {
    break-inside: avoid;
  }
}
`;
