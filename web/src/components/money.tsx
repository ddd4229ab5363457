import { fenToYuan } from '../lib/format.ts';

/** An amount in 元 from integer fen, right-aligned digits. */
export function Money({ fen, strong }: { fen: number | string | null | undefined; strong?: boolean }) {
  const text = fenToYuan(fen);
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}>{text}</span>
  );
}
