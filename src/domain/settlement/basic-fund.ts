// 统筹基金: (in scope − deductible) × ratio, by bands when the policy has tiers, each band rounded
// half-up where it is computed, then limited by every cap that applies (the basic fund's annual
// cap; for special diseases also the disease's annual limit; for outpatient pooling its own cap).
import { applyRatio, clamp0, type Fen } from '../shared/money.ts';
import { pct, yuan } from './explain.ts';
import type { Tier } from './policy.ts';
import { segments } from './tiers.ts';
import type { ExplanationStep } from './types.ts';

export interface Cap {
  /** e.g. 基本医疗保险统筹基金年度最高支付限额 */
  label: string;
  capFen: Fen;
  paidBeforeFen: Fen;
}

export interface PooledResult {
  /** what the ratio alone gives, before any cap */
  uncappedFen: Fen;
  paidFen: Fen;
  /** the person's share inside the pooled band (pool_prop_selfpay) */
  coPayFen: Fen;
  steps: ExplanationStep[];
}

export function pooledFund(opts: {
  baseFen: Fen;
  /** where this base starts in the tiers: the base earlier settlements of the stay ratioed (default 0) */
  startFen?: Fen;
  tiers: readonly Tier[];
  /** e.g. 二级医院报销比例 */
  ratioLabel: string;
  caps: readonly Cap[];
}): PooledResult {
  const base = clamp0(opts.baseFen);
  const steps: ExplanationStep[] = [];
  const start = opts.startFen ?? 0;
  const segs = segments(start, start + base, opts.tiers);
  let uncapped = 0;
  if (segs.length === 0) {
    steps.push({
      rule: 'BASIC_FUND',
      title: '统筹基金支付',
      baseFen: 0,
      ratioBp: opts.tiers[0]?.ratioBp ?? null,
      amountFen: 0,
      note: '扣除起付线后没有剩余的政策范围内费用，统筹基金不支付。',
    });
  } else if (opts.tiers.length === 1) {
    const seg = segs[0]!;
    uncapped = applyRatio(base, seg.ratioBp);
    steps.push({
      rule: 'BASIC_FUND',
      title: '统筹基金支付',
      baseFen: base,
      ratioBp: seg.ratioBp,
      amountFen: uncapped,
      note: `政策范围内费用扣除起付线后 ${yuan(base)}，按${opts.ratioLabel} ${pct(seg.ratioBp)} 支付 ${yuan(uncapped)}。`,
    });
  } else {
    for (const seg of segs) {
      const len = seg.toFen - seg.fromFen;
      const amount = applyRatio(len, seg.ratioBp);
      uncapped += amount;
      const band = `${yuan(seg.fromFen)}至${yuan(seg.toFen)}`;
      steps.push({
        rule: 'BASIC_FUND_TIER',
        title: '统筹基金分段支付',
        baseFen: len,
        ratioBp: seg.ratioBp,
        amountFen: amount,
        note: `扣除起付线后 ${band}段的 ${yuan(len)}，按${opts.ratioLabel} ${pct(seg.ratioBp)} 支付 ${yuan(amount)}。`,
      });
    }
  }
  let paid = uncapped;
  for (const cap of opts.caps) {
    const room = clamp0(cap.capFen - cap.paidBeforeFen);
    if (paid > room) {
      steps.push({
        rule: 'BASIC_FUND_CAP',
        title: '年度最高支付限额',
        baseFen: paid,
        ratioBp: null,
        amountFen: room,
        note: `${cap.label} ${yuan(cap.capFen)}，本年已支付 ${yuan(cap.paidBeforeFen)}，本次按比例应付 ${yuan(paid)}，只能支付 ${yuan(room)}。`,
      });
      paid = room;
    }
  }
  return { uncappedFen: uncapped, paidFen: paid, coPayFen: base - uncapped, steps };
}
