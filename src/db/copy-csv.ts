// COPY … FROM STDIN (FORMAT csv) text: NULL is an empty unquoted field, an empty string is "".
export type CopyValue = string | number | boolean | null;

function field(v: CopyValue): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  if (s === '' || s === '\\.' || /[",\r\n]/.test(s)) return `"${s.replaceAll('"', '""')}"`;
  return s;
}

export function copyCsv(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const r of rows) out += `${r.map(field).join(',')}\n`;
  return out;
}
