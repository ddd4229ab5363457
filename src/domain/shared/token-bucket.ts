// A token bucket: up to `capacity` events at once, refilled evenly at `perMinute`. Pure: the
// caller passes the clock reading and keeps the state.
export interface Bucket {
  tokens: number;
  at: number;
}

export interface BucketRule {
  capacity: number;
  perMinute: number;
}

/** Take one token at `nowMs`; returns the new state and whether the event is allowed. */
export function takeToken(
  b: Bucket | undefined,
  rule: BucketRule,
  nowMs: number,
): { bucket: Bucket; allowed: boolean } {
  const prev = b ?? { tokens: rule.capacity, at: nowMs };
  const refill = (Math.max(0, nowMs - prev.at) * rule.perMinute) / 60_000;
  const tokens = Math.min(rule.capacity, prev.tokens + refill);
  if (tokens < 1) return { bucket: { tokens, at: nowMs }, allowed: false };
  return { bucket: { tokens: tokens - 1, at: nowMs }, allowed: true };
}
