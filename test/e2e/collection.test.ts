// 集中征缴 in December: the leader follows next year's daily ranking (bottom two marked, the streaks,
// a township's villages) and downloads the xlsx and the 通报; a village agent lists and exports the
// unpaid of their own village, with phones and masked ID numbers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { hasChromium, login, newContext, screenshot, testNow, useWorkbench } from './harness.ts';

const nextYear = Number(testNow().toISOString().slice(0, 4)) + 1;

describe('集中征缴', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('the leader follows next year’s ranking and downloads the 通报', async (t) => {
    const page = await (await newContext(wb.browser)).newPage();
    const t0 = Date.now();
    await login(page, wb.server.url, 'leader', '/collection');
    const table = page.getByTestId('ranking-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    t.diagnostic(`征缴进度: ranking shown ${Date.now() - t0} ms after login`);
    assert.equal(
      await page
        .getByLabel('参保年度')
        .locator('..')
        .locator('..')
        .innerText()
        .then((s) => s.includes(`${nextYear} 年度`)),
      true,
    );
    const rows = table.locator('tr.ant-table-row');
    assert.equal(await rows.count(), 12);
    const marked = table.locator('tr.ant-table-row', { hasText: '后两位' });
    assert.equal(await marked.count(), 2);
    const ranks = await marked.locator('td:nth-child(2)').allInnerTexts();
    assert.deepEqual(ranks, ['11', '12']);
    // a township's villages
    await rows.first().locator('button.ant-table-row-expand-icon').click();
    await page.getByText('户籍人口').first().waitFor();
    await page.getByTestId('trend-chart').waitFor();
    await screenshot(page, 'collection-ranking');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载当日通报/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /集中征缴工作通报-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = await download.path();
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
    await page.context().close();
  });

  test('a village agent lists and exports the unpaid of the village', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'agent', '/unpaid');
    const table = page.getByTestId('unpaid-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    const first = await table.locator('tr.ant-table-row').first().locator('td').allInnerTexts();
    assert.match(first[2], /^\d{4}\*{10}[\dX]{4}$/, 'ID number masked for the agent');
    assert.match(first[3], /^1\d{10}$|^—$/, 'the phone is there to call');
    await page.getByText(/共 \d+ 人/).waitFor();
    await screenshot(page, 'collection-unpaid');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /年度未参保名单\.xlsx$/);
    await page.context().close();
  });
});
