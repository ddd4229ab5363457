import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cappedAmount, classifyLine, classifyLines } from './classify-lines.ts';
import { item, line, person, residentPolicy, visit, yuanFen as Y } from './fixtures.ts';

const policy = residentPolicy(2026);
const inpatient = visit();
const outpatient = visit({ careType: '11', beginDate: '2026-03-10', endDate: '2026-03-10' });
const man = person({ gender: '1', birthDate: '1960-05-20' });

test('class C and items not in the catalogue are fully self-paid', () => {
  const [c, none] = classifyLines(
    [line(Y(80), item({ chargeClass: '03' })), line(Y(20), null)],
    inpatient,
    man,
    policy,
  );
  assert.deepEqual([c!.fullySelfPaidFen, c!.inScopeFen, c!.reasons], [Y(80), 0, ['CLASS_C']]);
  assert.deepEqual(
    [none!.fullySelfPaidFen, none!.chargeClass, none!.reasons],
    [Y(20), null, ['NOT_IN_CATALOGUE']],
  );
});

test('over the price cap with a fractional quantity: amount − round(cap × qty)', () => {
  // cap 3.33 × 2.5 = 8.325 → 8.33 (half-up); amount 10.00 → 1.67 over the cap
  const l = line(1000, item({ priceCapFen: 333 }), { quantity: 2.5, unitPriceFen: 400 });
  const r = classifyLine(l, inpatient, man, policy);
  assert.equal(r.overCapFen, 167);
  assert.equal(r.inScopeFen, 833);
  assert.deepEqual(r.reasons, ['OVER_PRICE_CAP']);
  assert.equal(cappedAmount(333, 0.0001), 0); // 0.0333 fen → 0
  assert.equal(cappedAmount(12345, 1.2345), 15240); // 15239.9025 → 15240
});

test('a unit price at or below the cap is not over-cap', () => {
  const r = classifyLine(line(Y(10), item({ priceCapFen: Y(10) })), inpatient, man, policy);
  assert.equal(r.overCapFen, 0);
  assert.deepEqual(r.reasons, []);
});

test('class B: first share of what remains after the cap, item share overriding the policy', () => {
  const dflt = classifyLine(line(Y(6000), item({ chargeClass: '02' })), inpatient, man, policy);
  assert.deepEqual([dflt.firstShareBp, dflt.firstShareFen, dflt.inScopeFen], [1000, Y(600), Y(5400)]);
  const own = classifyLine(
    line(Y(1200), item({ chargeClass: '02', firstShareBp: 1500, priceCapFen: Y(1000) }), {
      unitPriceFen: Y(1200),
    }),
    inpatient,
    man,
    policy,
  );
  // 200 over the cap; 15 % of 1,000 = 150
  assert.deepEqual([own.overCapFen, own.firstShareFen, own.inScopeFen], [Y(200), Y(150), Y(850)]);
  assert.deepEqual(own.reasons, ['OVER_PRICE_CAP', 'CLASS_B_FIRST_SHARE']);
  const half = classifyLine(line(3, item({ chargeClass: '02' })), inpatient, man, policy);
  assert.equal(half.firstShareFen, 0, '3 fen × 10 % = 0.3 → 0');
  const upFive = classifyLine(
    line(5, item({ chargeClass: '02', firstShareBp: 1000 })),
    inpatient,
    man,
    policy,
  );
  assert.equal(upFive.firstShareFen, 1, '0.5 fen rounds half-up');
});

test('gender, age and inpatient-only restrictions make a line fully self-paid with the reason', () => {
  const female = item({ genderLimit: '2', code: 'GYN' });
  const child = item({ maxAge: 6, code: 'PED' });
  const adult = item({ minAge: 18, code: 'ADULT' });
  const ward = item({ inpatientOnly: true, code: 'WARD' });
  const g = classifyLine(line(Y(50), female), inpatient, man, policy);
  assert.deepEqual([g.fullySelfPaidFen, g.reasons], [Y(50), ['GENDER_RESTRICTED']]);
  assert.deepEqual(classifyLine(line(Y(50), female), inpatient, person({ gender: '2' }), policy).reasons, []);
  assert.deepEqual(classifyLine(line(Y(50), child), inpatient, man, policy).reasons, ['AGE_RESTRICTED']);
  // the age is taken on the visit's first day: 7th birthday on 2026-03-01 → 7, too old
  assert.deepEqual(
    classifyLine(line(1, child), inpatient, person({ birthDate: '2019-03-01' }), policy).reasons,
    ['AGE_RESTRICTED'],
  );
  assert.deepEqual(
    classifyLine(line(1, child), inpatient, person({ birthDate: '2019-03-02' }), policy).reasons,
    [],
  );
  assert.deepEqual(
    classifyLine(line(1, adult), inpatient, person({ birthDate: '2008-03-02' }), policy).reasons,
    ['AGE_RESTRICTED'],
  );
  assert.deepEqual(
    classifyLine(line(1, adult), inpatient, person({ birthDate: '2008-03-01' }), policy).reasons,
    [],
  );
  const w = classifyLine(line(Y(30), ward), outpatient, man, policy);
  assert.deepEqual([w.fullySelfPaidFen, w.reasons], [Y(30), ['INPATIENT_ONLY']]);
  assert.deepEqual(classifyLine(line(Y(30), ward), inpatient, man, policy).reasons, []);
  const both = classifyLine(
    line(Y(30), item({ genderLimit: '2', inpatientOnly: true })),
    outpatient,
    man,
    policy,
  );
  assert.deepEqual(both.reasons, ['GENDER_RESTRICTED', 'INPATIENT_ONLY']);
});
