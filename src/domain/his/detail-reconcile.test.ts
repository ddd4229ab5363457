import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareDetails,
  DETAIL_RESULT_HEADER,
  type DetailRow,
  detailResultText,
  parseDetailFile,
} from './detail-reconcile.ts';

const row = (setlId: string, totalFen: number, over: Partial<DetailRow> = {}): DetailRow => ({
  setlId,
  mdtrtId: `MD${setlId}`,
  psnNo: 'P1',
  totalFen,
  fundFen: Math.round(totalFen / 2),
  accountFen: 0,
  refund: false,
  ...over,
});

test('the uploaded list is read with or without a header, CRLF and a BOM', () => {
  const text = `\uFEFFsetl_id\tmdtrt_id\tpsn_no\tmedfee_sumamt\tfund_pay_sumamt\tacct_pay\trefd_setl_flag\r\nS1\tM1\tP1\t100.50\t60\t0.00\t0\r\nS2\tM2\tP2\t-100.50\t-60.00\t0\t1\r\n\r\n`;
  assert.deepEqual(parseDetailFile(text), [
    {
      setlId: 'S1',
      mdtrtId: 'M1',
      psnNo: 'P1',
      totalFen: 10050,
      fundFen: 6000,
      accountFen: 0,
      refund: false,
    },
    {
      setlId: 'S2',
      mdtrtId: 'M2',
      psnNo: 'P2',
      totalFen: -10050,
      fundFen: -6000,
      accountFen: 0,
      refund: true,
    },
  ]);
});

test('a malformed line is refused with its line number', () => {
  assert.throws(() => parseDetailFile('S1\tM1\tP1\t100\t60\t0\nS2\tM2'), {
    code: 'HIS_DETAIL_FILE_LINE',
    message: /第 2 行/,
  });
  assert.throws(() => parseDetailFile('S1\tM1\tP1\t1.234\t60\t0'), {
    code: 'HIS_DETAIL_FILE_LINE',
    message: /第 1 行.*medfee_sumamt/,
  });
});

test('differences: only at the HIS (1), only at Yibao (2), amounts differ (3); agreeing lines are left out', () => {
  const his = [row('S1', 1000), row('S2', 2000), row('S4', 500)];
  const ours = [row('S1', 1000), row('S2', 2100, { fundFen: 1000 }), row('S3', 300)];
  const d = compareDetails(his, ours);
  assert.deepEqual(
    d.map((x) => [x.row.setlId, x.result]),
    [
      ['S2', '3'],
      ['S4', '1'],
      ['S3', '2'],
    ],
  );
  assert.match(d[0]!.description, /医疗费总额 医保端 21\.00，机构 20\.00/);
  const text = detailResultText(d);
  assert.equal(text.split('\n')[0], DETAIL_RESULT_HEADER);
  assert.equal(text.trim().split('\n').length, 4);
  assert.deepEqual(compareDetails(ours, ours), []);
});
