// 好差评 at the counter: a clerk completes a phone change, opens the rating tablet for its receipt on the
// 好差评 page, and the citizen — in another browser, not logged in — rates it with one click; the same
// link then shows the matter as rated.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enrollmentPageFacts } from './demo-facts.ts';
import { E2E_DAY, hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

describe('好差评评价器', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('a completed matter is rated once on the tablet, without a login', async () => {
    const { psnNo } = enrollmentPageFacts(E2E_DAY);
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk', '/rating');
    const applied = await page.request.post(`${wb.server.url}/api/matter/matters`, {
      data: {
        typeCode: 'CB006',
        applicantName: '张三',
        handedIn: ['有效身份证件或医保电子凭证', '参保信息变更登记表'],
        payload: { psnNo, phone: '13912345678' },
      },
    });
    assert.equal(applied.status(), 200, await applied.text());
    const m = await applied.json();
    const done = await page.request.post(`${wb.server.url}/api/matter/matters/${m.id}/actions`, {
      data: { action: 'complete' },
    });
    assert.equal(done.status(), 200, await done.text());

    await page.getByPlaceholder('已办结事项的受理编号').fill(m.receiptNo);
    await page.getByRole('button', { name: '打开评价器' }).click();
    const link = (await page.locator('a[href*="/rate/"]').getAttribute('href')) ?? '';
    assert.match(link, /\/rate\/[A-Za-z0-9_-]{20,}$/);
    await page.context().close();

    const tablet = await (await newContext(wb.browser)).newPage();
    await tablet.goto(link);
    await tablet.getByText(`受理编号 ${m.receiptNo}`, { exact: false }).waitFor();
    await screenshot(tablet, 'rating-tablet');
    await tablet.getByRole('button', { name: '非常满意' }).click();
    await tablet.getByText('感谢您的评价！').waitFor();
    await tablet.goto(link);
    await tablet.getByText('该事项已评价').waitFor();
    await tablet.context().close();
  });
});
