// 医疗救助 (one-stop part): for each assistance identity the person holds during the visit,
// (remaining in-scope self-pay − assistance deductible still open) × ratio, within the annual cap.
// A person with several identities gets the ONE scheme that pays most in this settlement (ties:
// the first in policy order), never the sum. The deductible and cap accumulators are per person
// and year, whichever identity used them.
import { applyRatio, clamp0, type Fen } from '../shared/money.ts';
import { pct, yuan } from './explain.ts';
import type { Assistance, AssistanceScheme } from './policy.ts';
import type { ExplanationStep } from './types.ts';

export interface AssistanceResult {
  scheme: AssistanceScheme | null;
  paidFen: Fen;
  deductiblePaidFen: Fen;
  steps: ExplanationStep[];
}

interface Candidate {
  scheme: AssistanceScheme;
  deductibleFen: Fen;
  uncappedFen: Fen;
  paidFen: Fen;
}

function evaluate(s: AssistanceScheme, remainingFen: Fen, dedPaidBefore: Fen, paidBefore: Fen): Candidate {
  const open = clamp0(s.deductibleFen - dedPaidBefore);
  const deductibleFen = Math.min(remainingFen, open);
  const uncappedFen = applyRatio(remainingFen - deductibleFen, s.ratioBp);
  const paidFen = Math.min(uncappedFen, clamp0(s.annualCapFen - paidBefore));
  return { scheme: s, deductibleFen, uncappedFen, paidFen };
}

export function assistance(
  rules: Assistance,
  heldIdentities: ReadonlySet<string>,
  remainingFen: Fen,
  deductiblePaidBeforeFen: Fen,
  paidBeforeFen: Fen,
): AssistanceResult {
  const candidates = rules.schemes
    .filter((s) => heldIdentities.has(s.identity))
    .map((s) => evaluate(s, clamp0(remainingFen), deductiblePaidBeforeFen, paidBeforeFen));
  if (candidates.length === 0) return { scheme: null, paidFen: 0, deductiblePaidFen: 0, steps: [] };
  const best = candidates.reduce((a, b) => (b.paidFen > a.paidFen ? b : a));
  const s = best.scheme;
  const steps: ExplanationStep[] = [];
  if (candidates.length > 1) {
    steps.push({
      rule: 'ASSISTANCE_CHOICE',
      title: '救助身份选择',
      baseFen: remainingFen,
      ratioBp: null,
      amountFen: best.paidFen,
      note: `同时具有${candidates.map((c) => `${c.scheme.name}（可救助 ${yuan(c.paidFen)}）`).join('、')}身份，按最有利的${s.name}救助，不重复享受。`,
    });
  }
  const dedText =
    best.deductibleFen > 0
      ? `扣除救助起付线 ${yuan(best.deductibleFen)}${s.deductibleFen > best.deductibleFen ? `（本年起付线 ${yuan(s.deductibleFen)}，已付 ${yuan(Math.min(deductiblePaidBeforeFen, s.deductibleFen))}）` : ''}后 `
      : s.deductibleFen > 0
        ? `救助起付线本年已付满，`
        : '';
  steps.push({
    rule: 'ASSISTANCE',
    title: '医疗救助',
    baseFen: remainingFen - best.deductibleFen,
    ratioBp: s.ratioBp,
    amountFen: best.uncappedFen,
    note: `${s.name}人员，大病保险后剩余政策范围内个人负担 ${yuan(remainingFen)}，${dedText}按救助比例 ${pct(s.ratioBp)} 救助 ${yuan(best.uncappedFen)}。`,
  });
  if (best.paidFen < best.uncappedFen) {
    steps.push({
      rule: 'ASSISTANCE_CAP',
      title: '救助年度限额',
      baseFen: best.uncappedFen,
      ratioBp: null,
      amountFen: best.paidFen,
      note: `${s.name}医疗救助年度限额 ${yuan(s.annualCapFen)}，本年已救助 ${yuan(paidBeforeFen)}，本次只能救助 ${yuan(best.paidFen)}。`,
    });
  }
  return { scheme: s, paidFen: best.paidFen, deductiblePaidFen: best.deductibleFen, steps };
}
