// 1101 lookups per institution: a token bucket in memory (one per institution code), so a HIS
// cannot walk the register. A restart forgets the buckets, which only ever lets a little more
// through; several Yibao processes each keep their own. YIBAO_HIS_1101_PER_MINUTE sets the rate.
import { type Bucket, type BucketRule, takeToken } from '../../domain/shared/token-bucket.ts';

export const DEFAULT_PERSON_QUERIES_PER_MINUTE = 60;

export class PersonQueryLimiter {
  readonly rule: BucketRule;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perMinute = DEFAULT_PERSON_QUERIES_PER_MINUTE) {
    this.rule = { capacity: perMinute, perMinute };
  }

  /** One lookup by the institution at `now`: false when over its rate. */
  allow(institution: string, now: Date): boolean {
    const r = takeToken(this.#buckets.get(institution), this.rule, now.getTime());
    this.#buckets.set(institution, r.bucket);
    return r.allowed;
  }
}

export function personQueriesPerMinute(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.YIBAO_HIS_1101_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_PERSON_QUERIES_PER_MINUTE;
}
