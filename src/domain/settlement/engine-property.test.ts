// ~1,000 seeded-random visits: whatever the lines, persons and accumulators, the setlinfo
// identities hold, no part is negative, and caps are never passed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoEmployeePolicy } from './demo-policy.ts';
import { settle } from './engine.ts';
import { DEMO_ADMDVS, identityProblems, item, line, residentPolicy } from './fixtures.ts';
import type { Policy } from './policy.ts';
import { type CareType, emptyAccumulators, type FeeLine, type SettlementInput } from './types.ts';
import { createRandom, type Random } from '../demo/random.ts';

const policies: Record<string, Policy> = {
  '390': residentPolicy(2026),
  '310': demoEmployeePolicy(DEMO_ADMDVS, 2026),
};
const CARE: CareType[] = ['11', '13', '14', '21', '21', '21', '22', '41', '51', '52'];

function randomInput(r: Random): SettlementInput {
  const insutype = r.pick(['390', '310'] as const);
  const p = policies[insutype]!;
  const lines: FeeLine[] = [];
  for (let i = r.int(0, 12); i > 0; i--) {
    const quantity = r.int(1, 40000) / 10000 + r.int(0, 5);
    const unit = r.int(1, r.chance(0.1) ? 5_000_000 : 50_000);
    const amount = Math.round(unit * quantity);
    const entry = r.chance(0.08)
      ? null
      : item({
          chargeClass: r.pick(['01', '01', '02', '03'] as const),
          firstShareBp: r.chance(0.3) ? r.int(0, 3000) : null,
          priceCapFen: r.chance(0.3) ? r.int(1, unit + 100) : null,
          genderLimit: r.chance(0.05) ? r.pick(['1', '2'] as const) : null,
          maxAge: r.chance(0.05) ? 14 : null,
          inpatientOnly: r.chance(0.05),
        });
    lines.push(line(amount, entry, { quantity, unitPriceFen: unit }));
  }
  const careType = r.pick(CARE);
  const acc = emptyAccumulators(2026);
  acc.admissions = r.int(0, 3);
  acc.basicFundPaidFen = r.int(0, p.basicFundAnnualCapFen);
  acc.outpatientPooledPaidFen = r.int(0, p.outpatient!.annualCapFen);
  acc.outpatientDeductiblePaidFen = r.int(0, p.outpatient!.deductibleFen);
  acc.criticalIllnessBaseFen = r.chance(0.5) ? 0 : r.int(0, 60_000_000);
  acc.criticalIllnessPaidFen = r.chance(0.7) ? 0 : r.int(0, 40_000_000);
  acc.assistanceDeductiblePaidFen = r.int(0, 100_000);
  acc.assistancePaidFen = r.chance(0.7) ? 0 : r.int(0, 4_000_000);
  acc.specialDiseasePaidFen = { N18: r.int(0, 6_000_000) };
  const identities = ['tekun', 'dibao', 'jiance', 'tuopin']
    .filter(() => r.chance(0.2))
    .map((code) => ({
      code,
      validFrom: r.pick(['2020-01-01', '2026-03-05', '2026-04-01']),
      validTo: r.chance(0.2) ? '2026-02-01' : null,
    }));
  return {
    visit: {
      careType,
      institutionCode: r.pick(['H1', 'H2']),
      institutionLevel: r.pick([1, 2, 3] as const),
      beginDate: '2026-03-01',
      endDate: careType === '21' ? '2026-03-20' : '2026-03-01',
      diagnoses: r.pick([[], ['N18.5'], ['I10'], ['K35.8']]),
      outOfArea: r.chance(0.2),
      emergency: r.chance(0.1),
      institutionAdmdvs: r.pick([null, '410105', '440100']),
    },
    lines,
    person: {
      psnNo: 'P',
      insutype,
      gender: r.pick(['1', '2'] as const),
      birthDate: r.pick(['1950-01-01', '2015-06-30', '1990-03-01']),
      identities,
      filings: r.chance(0.3)
        ? [{ type: 'referral', destination: '41', beginDate: '2026-01-01', endDate: null }]
        : [],
      diseaseQualifications: r.chance(0.3)
        ? [{ diseaseCode: 'N18', institutionCodes: ['H1'], validFrom: '2026-01-01', validTo: null }]
        : [],
      accountBalanceFen: r.int(0, 500_000),
    },
    accumulators: acc,
    useAccount: r.chance(0.5),
  };
}

test('1,000 random visits keep every identity and every cap', () => {
  const r = createRandom(20260301);
  for (let n = 0; n < 1000; n++) {
    const inp = randomInput(r);
    const p = policies[inp.person.insutype]!;
    const res = settle(inp, p);
    const ctx = `case ${n}`;
    assert.deepEqual(identityProblems(res), [], ctx);
    const a = res.accumulatorsAfter;
    const b = inp.accumulators;
    assert.ok(a.basicFundPaidFen <= p.basicFundAnnualCapFen, `${ctx} basic cap`);
    assert.ok(a.outpatientPooledPaidFen <= p.outpatient!.annualCapFen, `${ctx} outpatient cap`);
    assert.ok((a.specialDiseasePaidFen.N18 ?? 0) <= 6_000_000, `${ctx} disease limit`);
    const ci = p.criticalIllness;
    if (ci?.annualCapFen && b.criticalIllnessPaidFen <= ci.annualCapFen && res.funds.criticalIllnessFen > 0) {
      const tilted = res.steps.some((s) => s.note.includes('特殊人群倾斜'));
      if (!tilted) assert.ok(a.criticalIllnessPaidFen <= ci.annualCapFen, `${ctx} 大病 cap`);
    }
    if (res.assistanceIdentity) {
      const scheme = p.assistance!.schemes.find((s) => s.identity === res.assistanceIdentity)!;
      assert.ok(
        a.assistancePaidFen <= Math.max(scheme.annualCapFen, b.assistancePaidFen),
        `${ctx} assistance cap`,
      );
    }
    assert.ok(res.accountFen <= inp.person.accountBalanceFen, `${ctx} account balance`);
    // accumulators only grow, by exactly what was paid
    assert.equal(
      a.basicFundPaidFen - b.basicFundPaidFen + (a.outpatientPooledPaidFen - b.outpatientPooledPaidFen),
      res.funds.basicFundFen,
      ctx,
    );
    assert.equal(a.criticalIllnessPaidFen - b.criticalIllnessPaidFen, res.funds.criticalIllnessFen, ctx);
    assert.equal(a.assistancePaidFen - b.assistancePaidFen, res.funds.assistanceFen, ctx);
    const inpatient = ['21', '22', '23', '52'].includes(inp.visit.careType);
    assert.equal(a.admissions, b.admissions + (inpatient ? 1 : 0), ctx);
    // the steps a clerk reads never disagree with the result
    const summary = res.steps.at(-1)!;
    assert.equal(summary.amountFen, res.fundTotalFen, ctx);
  }
});
