// 首页 (leader dashboard) and 台账导入 in the browser: the ranking chart renders on a canvas and
// the figures match the API; a clerk downloads a template, uploads a csv with one bad row in
// 跳过错误行 mode, sees the summary and the error row, and downloads the error report. Logs the
// time from navigation to each page's data being visible.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../../src/domain/registry/id-number.ts';
import { bpToPercent, fenToYuan } from '../../web/src/lib/format.ts';
import { hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

const GOOD_VILLAGE = '410926101001'; // 城关镇人民路社区 in the demo county
const BAD_VILLAGE = '410926101999';

async function timed(go: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await go();
  await ready();
  return Math.round(performance.now() - t0);
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(new URL(url, page.url()).toString());
  assert.equal(res.status(), 200, await res.text());
  return (await res.json()) as T;
}

/** Resident IDs of the demo county that nobody holds yet (the registry is asked, not guessed). */
async function unusedCertnos(page: Page, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let seq = 991; out.length < n; seq -= 2) {
    const certno = makeIdNumber('410926', '1987-06-15', seq);
    const r = await apiGet<{ total: number }>(page, `/api/registry/persons?certno=${certno}`);
    if (r.total === 0) out.push(certno);
  }
  return out;
}

describe('dashboard and import', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const timings: Record<string, number> = {};
  const wb = useWorkbench();
  after(() => console.log('首次有效渲染（毫秒）:', JSON.stringify(timings)));

  test('leader: the ranking chart draws on a canvas and the figures match the API', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'leader');
    const chart = page.getByTestId('township-chart').locator('canvas');
    const townshipRows = page.getByTestId('township-table').locator('tbody tr.ant-table-row');
    timings.dashboard = await timed(
      () => page.goto(`${wb.server.url}/dashboard`),
      async () => {
        await chart.first().waitFor();
        await townshipRows.first().waitFor();
      },
    );

    type Township = { code: string; name: string; insured: number; rateBp: number | null };
    const progress = await apiGet<{
      county: { insured: number; subsidised: number; rate: number | null };
      townships: Township[];
    }>(page, '/api/dashboard/enrollment');
    assert.equal(await townshipRows.count(), progress.townships.length);
    // the table follows the ranking; the last two rated townships are marked 末位
    const names = await townshipRows.locator('td:nth-child(2)').allInnerTexts();
    assert.deepEqual(
      names.map((n) => n.replace('末位', '').trim()),
      progress.townships.map((t) => t.name),
    );
    const lastTwo = progress.townships.filter((t) => t.rateBp !== null).slice(-2);
    const marked = await townshipRows.filter({ hasText: '末位' }).locator('td:nth-child(2)').allInnerTexts();
    assert.deepEqual(
      marked.map((n) => n.replace('末位', '').trim()),
      lastTwo.map((t) => t.name),
    );
    const totalRow = page.getByTestId('township-table').locator('tr', { hasText: '全县合计' });
    assert.match(
      (await totalRow.textContent()) ?? '',
      new RegExp(bpToPercent(progress.county.rate).replace('.', '\\.')),
    );
    assert.match(
      (await totalRow.textContent()) ?? '',
      new RegExp(progress.county.insured.toLocaleString('en-US')),
    );
    const box = await chart.first().boundingBox();
    assert.ok(box && box.width > 200 && box.height > 200, `canvas ${JSON.stringify(box)}`);

    const settlements = await apiGet<{ month: { total: { count: number; fundFen: number } } }>(
      page,
      '/api/dashboard/settlements',
    );
    const month = page.getByTestId('settlements-month');
    await month.waitFor();
    const monthText = (await month.textContent()) ?? '';
    assert.match(monthText, new RegExp(`结算笔数（净）\\s*${settlements.month.total.count}\\b`));
    const fund = fenToYuan(settlements.month.total.fundFen);
    assert.ok(monthText.includes(fund), `本月基金支付 ${fund}`);

    const groups = await apiGet<{
      items: { name: string; holders: number; enrolled: number }[];
      total: { subsidised: number };
    }>(page, '/api/dashboard/special-groups');
    // 资助参保 is one figure: the top, the special groups' total and the list behind it agree
    assert.equal(groups.total.subsidised, progress.county.subsidised);
    await page
      .getByRole('button', { name: `全县资助参保人员 ${progress.county.subsidised} 人，查看名单` })
      .first()
      .click();
    await page.getByText(`共 ${progress.county.subsidised.toLocaleString('zh-CN')} 人`).waitFor();
    await page.getByTestId('figure-persons').locator('tr.ant-table-row').first().waitFor();
    await page.keyboard.press('Escape');
    const dibao = groups.items.find((g) => g.name === '低保')!;
    const dibaoRow = page.getByTestId('special-groups-table').locator('tr', { hasText: /^低保/ }).first();
    await dibaoRow.waitFor();
    const cells = await dibaoRow.locator('td').allInnerTexts();
    assert.deepEqual([cells[2], cells[3]], [String(dibao.holders), String(dibao.enrolled)]);
    await screenshot(page, 'dashboard');
    await page.context().close();
  });

  test('clerk: template, upload with one bad row (跳过错误行), summary, error row, error report', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk');
    timings.import = await timed(
      () => page.goto(`${wb.server.url}/import`),
      () => page.getByRole('radio', { name: '新参保人员登记' }).waitFor(),
    );
    await page.getByRole('radio', { name: '新参保人员登记' }).click();
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载模板（CSV）' }).click(),
    ]);
    assert.equal(template.suggestedFilename(), '导入模板-新参保人员登记.csv');
    const header = (await readFile(await template.path(), 'utf8')).replace(/^\ufeff/, '').trim();
    const columns = header.split(',');
    assert.deepEqual(columns.slice(0, 2), ['身份证号*', '姓名*']);

    // rows shaped from the template's own headers: one good new person, one in a village that does not exist
    const [good, bad] = await unusedCertnos(page, 2);
    const row = (values: Record<string, string>) =>
      columns.map((c) => values[c.replace(/\*$/, '')] ?? '').join(',');
    const csv = [
      header,
      row({ 身份证号: good, 姓名: '导入测试甲', '村(社区)代码': GOOD_VILLAGE }),
      row({ 身份证号: bad, 姓名: '导入测试乙', '村(社区)代码': BAD_VILLAGE }),
    ].join('\r\n');

    await page.getByRole('radio', { name: '跳过错误行' }).click();
    await page.waitForURL(/mode=skip_bad_rows/);
    await page.getByLabel('选择文件').setInputFiles({
      name: '新登记测试.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\ufeff${csv}\r\n`, 'utf8'),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByTestId('import-progress').waitFor();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const summary = (await page.getByTestId('import-summary').textContent()) ?? '';
    assert.match(summary, /读取行数\s*2\b/);
    assert.match(summary, /写入行数（新增\+更新）\s*1\b/);
    assert.match(summary, /跳过行数（有错）\s*1\b/);
    assert.match(summary, /错误条数\s*1\b/);
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    await errorRows.first().waitFor();
    assert.equal(await errorRows.count(), 1);
    const cells = await errorRows.first().locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 4), ['3', '村(社区)代码', BAD_VILLAGE, '村(社区)代码不存在']);
    assert.equal(cells[5], '导入测试乙');
    // the new person is in the registry now
    const registered = await apiGet<{ total: number }>(page, `/api/registry/persons?certno=${good}`);
    assert.equal(registered.total, 1);
    await page.getByTestId('import-jobs').getByText('新登记测试.csv').waitFor();
    await screenshot(page, 'import');

    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载错误报告（CSV）' }).click(),
    ]);
    assert.match(report.suggestedFilename(), /^导入错误报告-作业\d+\.csv$/);
    const lines = (await readFile(await report.path(), 'utf8'))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], '行号,列,原值,错误原因,身份证号,姓名');
    assert.equal(lines.length, 2);
    // the clerk may see ID numbers in full: the report shows the row as typed, so a typo can be found
    assert.equal(lines[1], `3,村(社区)代码,${BAD_VILLAGE},村(社区)代码不存在,${bad},导入测试乙`);
    await page.context().close();
  });
});
