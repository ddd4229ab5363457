// 12345 工单 on the workbench: a clerk registers a ticket from the platform, dispatches it to a post and
// signs it; the list finds it by its platform number and the 考核指标 page counts it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bpToPercent1 } from '../../src/domain/shared/money.ts';
import {
  actInDialog,
  chooseOption,
  E2E_DAY,
  hasChromium,
  login,
  newContext,
  screenshot,
  useWorkbench,
} from './harness.ts';

describe('12345 工单', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('register, dispatch and sign a ticket; find it in the list; KPI counts it', async () => {
    const no = `GD${Date.now()}`;
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk', '/ticket');
    await page.getByRole('button', { name: '登记工单' }).click();
    await page.getByLabel('平台工单编号').fill(no);
    await page.getByLabel('标题').fill('异地就医备案咨询');
    await page.getByLabel('诉求内容').fill('来电人咨询如何办理异地就医备案。');
    await page
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await page.getByText(`12345 工单 ${no}`).waitFor();
    await page.getByText('待派单').first().waitFor();

    await actInDialog(page, /派\s*单/, (dialog) =>
      chooseOption(page, '承办岗位', '综合服务窗口', { within: dialog }),
    );
    await page.getByText('待签收').first().waitFor();
    await actInDialog(page, /签\s*收/);
    await page.getByText('办理中').first().waitFor();
    await screenshot(page, 'ticket-page');

    await page.goto(`${wb.server.url}/ticket`);
    await page.getByPlaceholder('工单编号、标题或来电人').fill(no);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('tr.ant-table-row', { hasText: no }).waitFor();
    assert.equal(await page.locator('tr.ant-table-row').count(), 1);

    await page.goto(`${wb.server.url}/ticket/kpi`);
    await page.getByText('签收率', { exact: true }).waitFor();
    // the page shows this month's figures as the API computes them (the demo county's tickets included)
    const month = E2E_DAY.slice(0, 7);
    const api = await (await page.request.get(`${wb.server.url}/api/ticket/kpi?period=${month}`)).json();
    assert.ok(api.kpi.dispatched >= 1, 'the ticket dispatched above is counted');
    const signed = api.kpi.signRateBp === null ? '—' : bpToPercent1(api.kpi.signRateBp);
    const stat = page.locator('.ant-statistic', { hasText: '签收率' });
    await stat.getByText(signed).waitFor();
    const dispatchedStat = page.locator('.ant-statistic', { hasText: '派单数' });
    await dispatchedStat.getByText(String(api.kpi.dispatched), { exact: true }).waitFor();
    await page.context().close();
  });
});
