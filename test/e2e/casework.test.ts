// 违规案件 in the browser: an auditor files a case from a complaint and ends the investigation (审理 is
// not offered to him), the leader hears it, a fine outside art. 38's range is explained before sending
// and one inside it is registered; the ledger page shows it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

describe('违规案件', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('file, investigate, hear by another person, fine within the range, ledger', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'auditor', '/casework');
    await page
      .getByRole('button', { name: /立\s*案/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('举报投诉内容').fill('群众举报住院期间重复收取诊查费');
    await chooseOption(page, '定点机构', undefined, { within: dialog, search: '医院' });
    await chooseOption(page, '违规类型', '重复收费', { within: dialog });
    await dialog.getByLabel(/基金损失/).fill('1000');
    await dialog.getByRole('button', { name: /立\s*案/ }).click();
    // in December the 30 working days of 调查 reach into next year: refused until its calendar is loaded
    const next = Number(E2E_DAY.slice(0, 4)) + 1;
    await dialog.getByText(`${next} 年的工作日历尚未导入`).waitFor();
    const admin = await (await newContext(wb.browser)).newPage();
    await login(admin, wb.server.url, 'admin');
    const loaded = await admin.request.put(`${wb.server.url}/api/calendar/years/${next}`, {
      data: { days: [{ day: `${next}-01-01`, kind: 'holiday', name: '元旦' }], reason: '测试通知' },
    });
    assert.equal(loaded.status(), 200, await loaded.text());
    await admin.context().close();
    await dialog.getByRole('button', { name: /立\s*案/ }).click();
    try {
      await page.getByText(/^违规案件 \d+$/).waitFor();
    } catch (e) {
      await screenshot(page, 'casework-filing-failed');
      throw e;
    }
    const url = page.url();
    await actInDialog(page, '调查终结');
    await page.getByText('审理中').first().waitFor();
    assert.equal(
      await page.getByRole('button', { name: '审理通过' }).count(),
      0,
      'the investigator does not hear',
    );
    await page.context().close();

    const leader = await (await newContext(wb.browser)).newPage();
    await login(leader, wb.server.url, 'leader');
    await leader.goto(url);
    await actInDialog(leader, '审理通过');
    await leader.getByText('待决定').first().waitFor();
    await chooseOption(leader, '处理类别', '行政处罚（罚款）');
    await leader.getByLabel(/倍数/).fill('2.5');
    await leader.getByRole('button', { name: /登\s*记/ }).click();
    await leader.getByText(/1 倍至 2 倍/).waitFor();
    await leader.getByLabel(/倍数/).fill('1.5');
    await leader.getByRole('button', { name: /登\s*记/ }).click();
    await leader.getByText('1.5 倍').waitFor();
    await leader.getByText('1,500.00').first().waitFor();
    await screenshot(leader, 'casework');

    await leader.goto(`${wb.server.url}/casework/ledger`);
    await leader
      .locator('input[type=month]')
      .first()
      .fill(`${E2E_DAY.slice(0, 4)}-01`);
    await leader.getByText('1,500.00').first().waitFor();
    await leader.context().close();
  });
});
