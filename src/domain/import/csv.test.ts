import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CsvParser, defuseFormula, detectDelimiter, parseCsv, toCsv } from './csv.ts';

test('records keep the row numbers Excel shows, with quotes, embedded line breaks and blank lines', () => {
  const text = '身份证号,姓名,备注\r\n1,"张,三","他说""好"""\r\n\r\n2,李四,"两行\n备注"\n3,王五,';
  const rows = parseCsv(text);
  assert.deepEqual(rows, [
    { rowNo: 1, cells: ['身份证号', '姓名', '备注'] },
    { rowNo: 2, cells: ['1', '张,三', '他说"好"'] },
    { rowNo: 3, cells: [''] },
    { rowNo: 4, cells: ['2', '李四', '两行\n备注'] },
    { rowNo: 5, cells: ['3', '王五', ''] },
  ]);
});

test('tab-separated text is recognised', () => {
  assert.equal(detectDelimiter('姓名\t身份证号\n张三\t1'), '\t');
  assert.equal(detectDelimiter('姓名,身份证号\n'), ',');
  assert.deepEqual(parseCsv('a\tb\n', '\t'), [{ rowNo: 1, cells: ['a', 'b'] }]);
});

test('written csv carries a BOM, CRLF and quotes; formulas from uploads are defused', () => {
  assert.equal(
    toCsv([
      ['行号', '原因'],
      ['2', '含有,逗号'],
    ]),
    '\ufeff行号,原因\r\n2,"含有,逗号"\r\n',
  );
  assert.equal(defuseFormula('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
  assert.equal(defuseFormula('-5'), '-5');
  assert.equal(defuseFormula('张三'), '张三');
});

test('a csv fed in pieces of any size gives the same records as the whole text', () => {
  const text = 'a,"b ""q"", c",\r\n"两行\n备注",x\r"",\n\n末,"尾"\r\nlast,';
  const whole = parseCsv(text);
  for (let size = 1; size <= text.length; size++) {
    const parser = new CsvParser(',');
    const got = [];
    for (let i = 0; i < text.length; i += size) got.push(...parser.push(text.slice(i, i + size)));
    got.push(...parser.end());
    assert.deepEqual(got, whole, `pieces of ${size}`);
  }
  assert.deepEqual(whole.at(-1), { rowNo: 6, cells: ['last', ''] });
});
