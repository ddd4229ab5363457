// 基金监管 as an auditor: the rule library is there, a 事后 scan over the demo county's year runs
// its three stages, and its 疑点 are listed by rule with the amounts at stake.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasChromium, login, newContext, screenshot, testNow, useWorkbench } from './harness.ts';

const year = testNow().toISOString().slice(0, 4);

describe('基金监管', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('an auditor scans the year and reads the suspects', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'auditor', '/supervision');
    await page.getByRole('tab', { name: '规则库' }).click();
    await page.getByText('分解住院').first().waitFor();
    assert.ok((await page.getByTestId('supervision-rules').locator('tr.ant-table-row').count()) >= 20);

    await page.getByRole('tab', { name: '筛查批次' }).click();
    await page.getByPlaceholder('开始日期').fill(`${year}-01-01`);
    await page.getByPlaceholder('结束日期').fill(`${year}-12-31`);
    await page.getByPlaceholder('结束日期').press('Enter');
    await page.getByRole('button', { name: '发起事后筛查' }).click();
    const row = page.getByTestId('supervision-runs').locator('tr.ant-table-row').first();
    await row.waitFor();
    for (let i = 0; i < 30 && !((await row.textContent()) ?? '').includes('已完成'); i++) {
      await page.waitForTimeout(1000);
      await page.getByRole('button', { name: '刷新进度' }).click();
    }
    assert.match((await row.textContent()) ?? '', /已完成/);
    await row.getByRole('button', { name: '查看疑点' }).click();
    await page.getByText('涉及金额（元）').first().waitFor();
    const summary = page.getByTestId('supervision-summary');
    await summary.locator('tr.ant-table-row').first().waitFor();
    const rules = await summary.locator('tr.ant-table-row').count();
    assert.ok(rules >= 1, 'the demo county has suspects');
    await screenshot(page, 'supervision');
    await page.context().close();
  });
});
