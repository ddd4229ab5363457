// 工作日历 as an admin in December: this year is there from the library, next year is not, so a due
// date reaching into it is refused with the reason; the admin pastes next year's arrangement and the
// same due date is computed across its 春节.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  chooseOption,
  hasChromium,
  login,
  newContext,
  screenshot,
  testNow,
  useWorkbench,
} from './harness.ts';

const nextYear = Number(testNow().toISOString().slice(0, 4)) + 1;

describe('工作日历', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('an admin loads next year and due dates cross into it', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'admin', '/calendar');
    await page.getByTestId('calendar-days').locator('tr.ant-table-row').first().waitFor();
    assert.match((await page.getByTestId('calendar-summary').textContent()) ?? '', /内置节假日数据/);

    // a limit that reaches into the unloaded year is refused with the reason
    await page.getByLabel('起算日').fill(`${nextYear - 1}-12-28`);
    await page.getByLabel('起算日').press('Enter');
    await page.getByLabel('工作日数').fill('10');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await page.getByText(`${nextYear} 年的工作日历尚未导入`).first().waitFor();

    await chooseOption(page, '年度', `${nextYear} 年`);
    await page.getByText(`${nextYear} 年的工作日历尚未导入`).first().waitFor();
    await page.getByRole('button', { name: `导入${nextYear}年安排` }).click();
    await page
      .getByLabel('安排', { exact: true })
      .fill(`${nextYear}-01-01 休 元旦\n${nextYear}-01-04 休 元旦\n${nextYear}-01-05 休 元旦`);
    await page.getByLabel('依据', { exact: true }).fill('测试通知');
    await page.getByRole('button', { name: '导入（替换该年度）' }).click();
    await page.getByTestId('calendar-days').getByText(`${nextYear}-01-05`).waitFor();

    await page.getByRole('button', { name: /计\s*算/ }).click();
    const due = await page.getByTestId('due-date').textContent();
    assert.match(due ?? '', new RegExp(`到期日：${nextYear}-01-\\d\\d`));
    await screenshot(page, 'calendar');
    await page.context().close();
  });
});
