import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainSummary } from './plain-summary.ts';

const amounts = {
  totalFen: 17000,
  fundFen: 8700,
  personFen: 8300,
  inScopeFen: 14500,
  firstShareFen: 500,
  overCapFen: 0,
  fullySelfPaidFen: 2000,
};

test('one sentence, one line per part that applies, the share in capitals', () => {
  const s = plainSummary(amounts, null);
  assert.equal(s.sentence, '您本次医疗费用共 170.00 元，医保共支付 87.00 元，您需自付 83.00 元。');
  assert.equal(s.lines.length, 3);
  assert.match(s.lines[0]!, /^政策范围内费用 145\.00 元：/);
  assert.match(s.lines[1]!, /^乙类先行自付 5\.00 元：/);
  assert.match(s.lines[2]!, /^全自费 20\.00 元：/);
  assert.ok(!s.lines.some((l) => l.startsWith('超限价')));
  assert.equal(s.personCapitals, '捌拾叁元整');
  assert.deepEqual(s.year, []);
  assert.ok(
    plainSummary({ ...amounts, overCapFen: 100 }, null).lines.some((l) => l.startsWith('超限价 1.00 元')),
  );
});

test('the year: remaining basic cap and 大病 progress', () => {
  const below = plainSummary(amounts, {
    basicCapFen: 15_000_000,
    basicPaidFen: 1_000_000,
    criticalDeductibleFen: 1_500_000,
    criticalBaseFen: 400_000,
    criticalPaidFen: 0,
  });
  assert.deepEqual(below.year, [
    '本年度基本医保统筹基金已支付 10,000.00 元，年度最高支付限额还剩 140,000.00 元。',
    '本年度个人负担的合规费用累计 4,000.00 元，距大病保险起付线 15,000.00 元还差 11,000.00 元。',
  ]);
  const reached = plainSummary(amounts, {
    basicCapFen: 15_000_000,
    basicPaidFen: 15_200_000,
    criticalDeductibleFen: 1_500_000,
    criticalBaseFen: 2_000_000,
    criticalPaidFen: 300_000,
  });
  assert.match(reached.year[0]!, /还剩 0\.00 元/);
  assert.match(reached.year[1]!, /已达大病保险起付线 15,000\.00 元，大病保险已支付 3,000\.00 元/);
});

test('a reversal says what comes back', () => {
  const s = plainSummary({ ...amounts, totalFen: -17000, fundFen: -8700, personFen: -8300 }, null);
  assert.equal(s.sentence, '本次为撤销结算：退回医疗费用共 170.00 元，医保退回 87.00 元，退还您 83.00 元。');
  assert.deepEqual(s.lines, []);
  assert.equal(s.personCapitals, '负捌拾叁元整');
});
