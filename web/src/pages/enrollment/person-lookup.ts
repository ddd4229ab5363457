// What the clerk typed in the person search box: a 16-digit 人员编号 or a resident ID (18
// characters, last may be X; old 15-digit IDs too).

export type Lookup =
  | { kind: 'psnNo'; value: string }
  | { kind: 'certno'; value: string }
  | { kind: 'invalid'; message: string };

export function classifyLookup(input: string | null | undefined): Lookup {
  const s = (input ?? '').replace(/\s+/g, '').toUpperCase();
  if (s === '') return { kind: 'invalid', message: '请输入身份证号或人员编号' };
  if (/^\d{16}$/.test(s)) return { kind: 'psnNo', value: s };
  if (/^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s)) return { kind: 'certno', value: s };
  if (s.includes('*')) return { kind: 'invalid', message: '请输入完整的身份证号（不能含 *）' };
  return { kind: 'invalid', message: '请输入 18 位身份证号或 16 位人员编号' };
}
