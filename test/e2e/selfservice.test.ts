// The insured person's self-service site (/m/): log in with ID number, name and the code the demo SMS
// sink shows on the page (marked 演示), see the coverage, apply for a phone change with a photo; a
// reviewer approves it; the person sees it 已办结 and rates it, once.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { selfServiceFacts } from './demo-facts.ts';
import { ARTIFACTS, E2E_DAY, hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('参保人自助服务', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('log in with the demo code, apply for a phone change with a photo, follow it to 办结, rate it', async () => {
    const p = selfServiceFacts(E2E_DAY);
    const context = await newContext(wb.browser);
    await context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${wb.server.url}/m/`);
    await page.getByLabel('身份证号').fill(p.certno);
    await page.getByLabel('姓名').fill(p.name);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const demo = page.getByTestId('demo-sms');
    await demo.waitFor();
    const text = (await demo.textContent()) ?? '';
    assert.match(text, /演示/);
    const code = /(\d{6})/.exec(text)?.[1] ?? '';
    assert.match(code, /^\d{6}$/);
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    // 我的参保: this year's resident enrollment
    await page.getByTestId('person-name').getByText(p.name, { exact: false }).waitFor();
    await page.getByTestId('coverage-row').getByText(p.begin, { exact: false }).first().waitFor();
    assert.equal(await page.getByText('工作台').count(), 0, 'no staff menu');
    await screenshot(page, 'selfservice-coverage');

    // 网上办事: the phone change with a photo of the form
    await page.getByText('网上办事', { exact: true }).click();
    await page.getByText('城乡居民参保信息变更登记', { exact: false }).first().waitFor();
    const item = page.locator('.ant-list-item', { hasText: '城乡居民参保信息变更登记' });
    await item.getByRole('button', { name: '申请' }).click();
    await page.getByLabel('新的手机号码').fill('13766665555');
    mkdirSync(ARTIFACTS, { recursive: true });
    const photo = join(ARTIFACTS, 'selfservice-form.png');
    writeFileSync(photo, PNG);
    await page.getByTestId('photo-参保信息变更登记表').setInputFiles(photo);
    await page.getByText('已上传').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByTestId('matter-state').getByText('已受理').waitFor();
    const id = Number(/\/m\/matters\/(\d+)/.exec(page.url())?.[1]);
    assert.ok(id > 0);
    await screenshot(page, 'selfservice-applied');

    // a reviewer finds it in 待我审核 and approves it (through the API)
    const staffPage = await (await newContext(wb.browser)).newPage();
    await login(staffPage, wb.server.url, 'reviewer');
    const queue = await staffPage.request.get(
      `${wb.server.url}/api/matter/matters?queue=review&pageSize=100`,
    );
    const items = (await queue.json()).items as { id: number; channel: string }[];
    assert.deepEqual(
      items.filter((m) => m.id === id).map((m) => m.channel),
      ['online'],
    );
    const done = await staffPage.request.post(`${wb.server.url}/api/matter/matters/${id}/actions`, {
      data: { action: 'approve' },
    });
    assert.equal(done.status(), 200, await done.text());
    await staffPage.context().close();

    // 我的办件: 已办结, rated once
    await page.getByText('我的办件', { exact: true }).click();
    await page.locator('.ant-list-item', { hasText: '城乡居民参保信息变更登记' }).first().click();
    await page.getByTestId('matter-state').getByText('已办结').waitFor();
    await page.locator('.ant-rate-star').nth(4).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('您已评价，感谢您的反馈').waitFor();
    await screenshot(page, 'selfservice-rated');
    await page.reload();
    await page.getByText('您已评价，感谢您的反馈').waitFor();
    assert.equal(await page.getByRole('button', { name: '提交评价' }).count(), 0);
    await context.close();
    assert.doesNotMatch(wb.server.log(), new RegExp(`(?<!\\d)${code}(?!\\d)`), 'the code is not in the log');
  });
});
