// Monthly record sampling (病历抽查): a reproducible draw of at least a share of an institution's
// inpatient settlements of a month. The same candidates, plan and seed always give the same sample
// (the seed is stored with the sample), whatever order the candidates arrive in.
import { badRequest } from '../shared/errors.ts';
import { createRandom, sampleWeighted } from '../shared/random.ts';

export interface SampleCandidate {
  setlId: string;
  /** the settlement's total, for stratification */
  amountFen: number;
  /** rule hits on the visit, for weighting */
  hits: number;
}

export const SAMPLE_METHODS = {
  simple: '简单随机',
  stratified: '按金额分层',
  weighted: '按规则命中加权',
} as const;
export type SampleMethod = keyof typeof SAMPLE_METHODS;

export interface SamplePlan {
  /** share in basis points (500 = 5 %) */
  shareBp: number;
  method: SampleMethod;
  seed: number;
}

/** At least the share, rounded up; one record when the institution had any. */
export function sampleSize(population: number, shareBp: number): number {
  if (!Number.isInteger(shareBp) || shareBp <= 0 || shareBp > 10_000)
    throw badRequest('SAMPLE_SHARE_INVALID', '抽查比例须在 0.01% 到 100% 之间');
  if (population === 0) return 0;
  return Math.min(population, Math.max(1, Math.ceil((population * shareBp) / 10_000)));
}

/** Strata by amount: the lower, middle and upper third of the records by total. */
export function strata(c: readonly SampleCandidate[]): SampleCandidate[][] {
  const sorted = [...c].sort((a, b) => a.amountFen - b.amountFen || a.setlId.localeCompare(b.setlId));
  const n = sorted.length;
  const cut1 = Math.round(n / 3);
  const cut2 = Math.round((2 * n) / 3);
  return [sorted.slice(0, cut1), sorted.slice(cut1, cut2), sorted.slice(cut2)].filter((s) => s.length > 0);
}

/** The settlement ids drawn, in the candidates' id order. */
export function drawSample(candidates: readonly SampleCandidate[], plan: SamplePlan): string[] {
  const sorted = [...candidates].sort((a, b) => a.setlId.localeCompare(b.setlId));
  const k = sampleSize(sorted.length, plan.shareBp);
  const r = createRandom(plan.seed);
  let drawn: SampleCandidate[];
  if (plan.method === 'simple') {
    drawn = r.shuffle([...sorted]).slice(0, k);
  } else if (plan.method === 'weighted') {
    // a record with rule hits is more likely drawn, a clean one still can be
    drawn = sampleWeighted(r, sorted, (x) => 1 + 4 * x.hits, k);
  } else {
    // each third contributes its own share (rounded up), so large bills are always represented
    drawn = strata(sorted).flatMap((s) =>
      r
        .fork(s[0].setlId)
        .shuffle([...s])
        .slice(0, sampleSize(s.length, plan.shareBp)),
    );
  }
  return drawn.map((x) => x.setlId).sort();
}

export const SAMPLE_RESULTS = { ok: '未发现问题', finding: '发现问题' } as const;
export type SampleResult = keyof typeof SAMPLE_RESULTS;
