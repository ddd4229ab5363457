// The process clock. YIBAO_NOW (an ISO instant, e.g. 2026-12-03T10:00:00+08:00) starts the clock at
// that instant and lets it run: demos of a given day and the browser tests, which must not depend on
// the date they run on, use it. Without it the clock is the machine's.

export type Clock = () => Date;

/** The clock YIBAO_NOW asks for, or the machine's; a malformed value is refused, never ignored. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env, real: () => number = Date.now): Clock {
  const at = env.YIBAO_NOW?.trim();
  if (!at) return () => new Date(real());
  const start = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at)
    ? Date.parse(at)
    : Number.NaN;
  if (Number.isNaN(start)) {
    throw new Error(`YIBAO_NOW 须为带时区的 ISO 时刻（如 2026-12-03T10:00:00+08:00），收到 ${at}`);
  }
  const offset = start - real();
  return () => new Date(real() + offset);
}
