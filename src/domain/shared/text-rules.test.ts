import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCalendarDate, isValidYmd } from './date-rules.ts';
import { isoDate, nameText } from './input-schemas.ts';
import { textProblem } from './text-rules.ts';

test('clean names pass, including middle dots, ethnic names and ordinary spaces', () => {
  for (const s of ['张三', '阿依古丽·买买提', 'Zhang San', '范县人民医院（城关院区）', '东街村 12 号']) {
    assert.equal(textProblem(s), null, s);
  }
});

test('NUL, broken encoding, invisible and bidi characters are each refused with their own code', () => {
  const cases: [string, string, string][] = [
    ['张\u0000三', 'TEXT_CONTROL_CHAR', 'U+0000'],
    ['张\u0007三', 'TEXT_CONTROL_CHAR', 'U+0007'],
    ['张\uFFFD', 'TEXT_BROKEN_ENCODING', 'U+FFFD'],
    ['张\uD800三', 'TEXT_BROKEN_ENCODING', 'U+D800'],
    ['张\u200B三', 'TEXT_INVISIBLE_CHAR', 'U+200B'],
    ['张\u200D三', 'TEXT_INVISIBLE_CHAR', 'U+200D'],
    ['张\u00AD三', 'TEXT_INVISIBLE_CHAR', 'U+00AD'],
    ['\uFEFF张三', 'TEXT_INVISIBLE_CHAR', 'U+FEFF'],
    ['\u202E三张', 'TEXT_BIDI_CONTROL', 'U+202E'],
    ['张\u202A三', 'TEXT_BIDI_CONTROL', 'U+202A'],
    ['张\u2066三', 'TEXT_BIDI_CONTROL', 'U+2066'],
    ['张\u2069三', 'TEXT_BIDI_CONTROL', 'U+2069'],
  ];
  for (const [s, code, char] of cases) {
    const p = textProblem(s, '姓名');
    assert.equal(p?.code, code, JSON.stringify(s));
    assert.equal(p?.char, char);
    assert.match(p?.message ?? '', /^姓名含有/);
    assert.match(p?.message ?? '', /[\u4e00-\u9fff]/);
  }
  assert.equal(textProblem('张\u200B三')?.message, '名称含有不可见字符（U+200B 零宽空格），请删除后重新输入');
});

test('the shared name schema refuses before trimming (a leading BOM is not silently dropped)', () => {
  const name = nameText(50, '姓名');
  assert.equal(name.parse('  张三 '), '张三');
  const r = name.safeParse('\uFEFF张三');
  assert.equal(r.success, false);
  const issue = r.error?.issues[0] as { message: string; params?: { reason?: string } };
  assert.equal(issue.params?.reason, 'TEXT_INVISIBLE_CHAR');
  assert.match(issue.message, /姓名含有不可见字符/);
});

test('dates: the calendar decides, not only the shape', () => {
  assert.equal(isCalendarDate('2024-02-29'), true);
  assert.equal(isCalendarDate('2000-02-29'), true);
  for (const s of [
    '2023-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
  ]) {
    assert.equal(isCalendarDate(s), false, s);
  }
  assert.equal(isValidYmd(50, 1, 1), true); // years before 100 are not shifted to 19xx
  // the calendar arithmetic agrees with Date's proleptic Gregorian calendar, day by day
  const byDate = (y: number, m: number, d: number) => {
    const dt = new Date(Date.UTC(2000, m - 1, d));
    dt.setUTCFullYear(y);
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  };
  for (const y of [1, 4, 100, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2026, 2100, 9999]) {
    for (let m = 0; m <= 13; m++) {
      for (let d = 0; d <= 32; d++) {
        assert.equal(isValidYmd(y, m, d), m >= 1 && m <= 12 && d >= 1 && byDate(y, m, d), `${y}-${m}-${d}`);
      }
    }
  }
  assert.equal(isValidYmd(2026, 1.5, 1), false);
  assert.equal(isValidYmd(Number.NaN, 1, 1), false);
  const r = isoDate.safeParse('2023-02-30');
  assert.equal(r.success, false);
  assert.equal(r.error?.issues[0].message, '2023-02-30 不是有效日期（该月没有这一天）');
  assert.equal(isoDate.safeParse('2026/03/01').error?.issues[0].message, '日期格式应为 YYYY-MM-DD');
});
