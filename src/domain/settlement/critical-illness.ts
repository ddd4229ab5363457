// 大病保险: the base is the person's in-scope self-pay of the year. Tiers are bands on the
// year's CUMULATIVE base (absolute amounts), so this visit pays only the stretch of the line from
// max(base before, deductible) to base after, each stretch at its tier's ratio, rounded half-up
// per stretch. Tilted groups: deductible × factor, every tier + bonus, optionally no cap; the tier
// boundaries stay where they are. A person who gains a tilt identity mid-year is not paid
// retroactively for stretches settled before.
import { applyRatio, clamp0, type Fen } from '../shared/money.ts';
import { pct, yuan } from './explain.ts';
import type { CriticalIllness } from './policy.ts';
import { segments, shiftTiers } from './tiers.ts';
import type { ExplanationStep } from './types.ts';

export interface CriticalIllnessResult {
  paidFen: Fen;
  tilted: boolean;
  steps: ExplanationStep[];
}

export function criticalIllness(
  rules: CriticalIllness,
  heldIdentities: ReadonlySet<string>,
  baseBeforeFen: Fen,
  addedFen: Fen,
  paidBeforeFen: Fen,
): CriticalIllnessResult {
  const tiltIdentity = rules.tilt?.identities.find((c) => heldIdentities.has(c)) ?? null;
  const tilt = tiltIdentity !== null ? rules.tilt : null;
  const deductible = tilt ? applyRatio(rules.deductibleFen, tilt.deductibleFactorBp) : rules.deductibleFen;
  const tiers = tilt ? shiftTiers(rules.tiers, tilt.tierBonusBp) : rules.tiers;
  const cap = tilt?.capRemoved ? null : rules.annualCapFen;
  const after = baseBeforeFen + addedFen;
  const steps: ExplanationStep[] = [];
  const tiltNote = tilt
    ? `（特殊人群倾斜：起付线按 ${pct(tilt.deductibleFactorBp)} 计、各段比例提高 ${pct(tilt.tierBonusBp)}${tilt.capRemoved ? '、不设封顶线' : ''}）`
    : '';
  steps.push({
    rule: 'CRITICAL_ILLNESS_BASE',
    title: '大病保险起付线',
    baseFen: after,
    ratioBp: null,
    amountFen: deductible,
    note: `本年政策范围内个人负担累计 ${yuan(baseBeforeFen)} + 本次 ${yuan(addedFen)} = ${yuan(after)}，大病保险起付线 ${yuan(deductible)}${tiltNote}${after <= deductible ? '，未超过起付线，大病保险不支付' : ''}。`,
  });
  let paid = 0;
  for (const seg of segments(Math.max(baseBeforeFen, deductible), after, tiers)) {
    const len = seg.toFen - seg.fromFen;
    const amount = applyRatio(len, seg.ratioBp);
    paid += amount;
    const band = `${yuan(seg.fromFen)}至${yuan(seg.toFen)}`;
    steps.push({
      rule: 'CRITICAL_ILLNESS_TIER',
      title: '大病保险分段支付',
      baseFen: len,
      ratioBp: seg.ratioBp,
      amountFen: amount,
      note: `累计 ${band}的 ${yuan(len)}按 ${pct(seg.ratioBp)} 支付 ${yuan(amount)}。`,
    });
  }
  if (cap !== null) {
    const room = clamp0(cap - paidBeforeFen);
    if (paid > room) {
      steps.push({
        rule: 'CRITICAL_ILLNESS_CAP',
        title: '大病保险年度限额',
        baseFen: paid,
        ratioBp: null,
        amountFen: room,
        note: `大病保险年度最高支付 ${yuan(cap)}，本年已支付 ${yuan(paidBeforeFen)}，本次应付 ${yuan(paid)}，只能支付 ${yuan(room)}。`,
      });
      paid = room;
    }
  }
  return { paidFen: paid, tilted: tilt !== null, steps };
}
