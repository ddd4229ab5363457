import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ResaleRow, resales } from './trace-codes.ts';

const row = (
  code: string,
  kind: ResaleRow['kind'],
  day: string,
  inst = 'P1',
  bchno = `${code}-${day}`,
): ResaleRow => ({
  code,
  kind,
  fixmedinsCode: inst,
  itemCode: 'X',
  bchno,
  occurredAt: `${day}T02:00:00.000Z`,
  occurredOn: day,
  shareFen: 1200,
});
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const found = (rows: ResaleRow[]) => resales(rows, MARCH).map((r) => [r.sale.bchno, r.first.bchno]);

test('a package sold while it is out is a resale; the first sale is named', () => {
  assert.deepEqual(
    found([row('A', 'sale', '2026-03-02', 'P1', 's1'), row('A', 'sale', '2026-03-09', 'P2', 's2')]),
    [['s2', 's1']],
  );
  // three sales: the second and the third
  assert.deepEqual(
    found([
      row('A', 'sale', '2026-03-02', 'P1', 's1'),
      row('A', 'sale', '2026-03-05', 'P1', 's2'),
      row('A', 'sale', '2026-03-07', 'P2', 's3'),
    ]),
    [
      ['s2', 's1'],
      ['s3', 's1'],
    ],
  );
});

test('a return before the next sale takes the package back; one after it does not excuse it', () => {
  assert.deepEqual(
    found([
      row('A', 'sale', '2026-03-02', 'P1', 's1'),
      row('A', 'sale_return', '2026-03-03'),
      row('A', 'sale', '2026-03-09', 'P1', 's2'),
    ]),
    [],
  );
  assert.deepEqual(
    found([
      row('A', 'sale', '2026-03-02', 'P1', 's1'),
      row('A', 'sale', '2026-03-09', 'P1', 's2'),
      row('A', 'sale_return', '2026-03-10'),
    ]),
    [['s2', 's1']],
  );
});

test('codes are apart; only resales within the range are found, an earlier first sale counts', () => {
  assert.deepEqual(
    found([
      row('A', 'sale', '2026-02-20', 'P1', 'a1'),
      row('A', 'sale', '2026-03-04', 'P2', 'a2'),
      row('B', 'sale', '2026-03-01', 'P1', 'b1'),
      row('C', 'sale', '2026-03-30', 'P1', 'c1'),
      row('C', 'sale', '2026-04-02', 'P1', 'c2'),
    ]),
    [['a2', 'a1']],
  );
});
