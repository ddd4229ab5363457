import assert from 'node:assert/strict';
import test from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { netReturns, quantityText } from './fee-returns.ts';

const orig = { sn: '0001', itemCode: 'X1', cnt: '10.0000', amountFen: 10_000, settled: false };
const ret = (sn: string, cnt: bigint, fen: number, of = '0001', itemCode = 'X1') => ({
  lineNo: sn,
  returnOf: of,
  itemCode,
  scaled: cnt * 10000n,
  amountFen: fen,
});

test('a return nets its original line, several returns add up, down to zero and never below', () => {
  const n = netReturns([orig], [ret('0009', -3n, -3000), ret('0010', -2n, -2000)]);
  assert.ok(!isAppError(n));
  assert.deepEqual(
    n.map((x) => [x.sn, x.cnt, x.amountFen, x.returns.length]),
    [['0001', '5', 5000, 2]],
  );
  const all = netReturns([orig], [ret('0009', -10n, -10_000)]);
  assert.ok(!isAppError(all));
  assert.equal(all[0].amountFen, 0);
  const over = netReturns([orig], [ret('0009', -11n, -11_000)]);
  assert.ok(isAppError(over) && over.code === 'HIS_RETURN_EXCEEDS_ORIGINAL');
});

test('a return of an unknown, settled or different line is refused with its own code', () => {
  const code = (r: ReturnType<typeof netReturns>) => (isAppError(r) ? r.code : null);
  assert.equal(code(netReturns([orig], [ret('9', -1n, -1000, '0002')])), 'HIS_RETURN_ORIGINAL_UNKNOWN');
  assert.equal(
    code(netReturns([{ ...orig, settled: true }], [ret('9', -1n, -1000)])),
    'HIS_RETURN_ORIGINAL_SETTLED',
  );
  assert.equal(code(netReturns([orig], [ret('9', -1n, -1000, '0001', 'X2')])), 'HIS_RETURN_ITEM_MISMATCH');
});

test('quantities print as the numeric text', () => {
  assert.equal(quantityText(25000n), '2.5');
  assert.equal(quantityText(0n), '0');
  assert.equal(quantityText(8333n), '0.8333');
});
