// Onboarding an institution in the workbench: the admin finds 金水区 among the regions, registers a
// hospital there, and in its drawer issues, rotates and revokes the HIS 接入凭证 — the secret shown
// once in a modal with a copy button, never in the drawer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

const CODE = 'H41010500001';

describe('workbench onboarding', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('an admin issues, rotates and revokes a new hospital’s HIS credential', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'admin');
    await page.getByRole('menuitem', { name: '医保区划' }).click();
    await page.waitForURL(/\/regions/);
    await page.locator('#regionSearch').fill('金水');
    await page.locator('#regionSearch').press('Enter');
    await page.getByTestId('region-table').getByText('410105').waitFor();

    const created = await page.request.post(`${wb.server.url}/api/registry/institutions`, {
      data: {
        code: CODE,
        admdvs: '410105',
        name: '金水区测试三级医院',
        kind: 'hospital',
        level: 3,
        agreementFrom: '2026-01-01',
        agreementTo: '2028-12-31',
      },
    });
    assert.ok(created.ok(), await created.text());

    await page.goto(`${wb.server.url}/institutions?q=${CODE}`);
    await page.getByRole('button', { name: '金水区测试三级医院' }).click();
    const section = page.getByTestId('credential-section');
    await section.getByText('未签发').waitFor();
    await section.getByRole('button', { name: /签\s*发/ }).click();
    const modal = page.getByTestId('credential-secret');
    await modal.waitFor();
    const secretOf = async () => (await modal.locator('code').innerText()).trim();
    const first = await secretOf();
    assert.match(first, /^[\w-]{43}$/);
    assert.ok((await modal.getByRole('button', { name: /复制|copy/i }).count()) >= 1);
    await screenshot(page, 'credential-issued');
    await page.getByRole('button', { name: '我已妥善保存' }).click();
    await section.getByText('有效').waitFor();
    assert.ok(!(await section.innerText()).includes(first), 'the drawer never shows the secret');

    await section.getByRole('button', { name: /轮\s*换/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /轮\s*换/ })
      .click();
    await modal.waitFor();
    const second = await secretOf();
    assert.notEqual(second, first);
    await page.getByRole('button', { name: '我已妥善保存' }).click();

    await section.getByRole('button', { name: /吊\s*销/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await section.getByText('已吊销').waitFor();
    await section.getByRole('button', { name: /签\s*发/ }).waitFor();
    await screenshot(page, 'credential-revoked');
    await page.context().close();
  });
});
