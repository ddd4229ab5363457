// 用户管理 and 修改密码: an admin creates an account with a generated password, its owner is held
// on the change-password page until they change it, then reaches their menu.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseOption, hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

describe('workbench accounts', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('a new account must change its generated password before anything else', async () => {
    const admin = await (await newContext(wb.browser)).newPage();
    await login(admin, wb.server.url, 'admin');
    await admin.getByRole('menuitem', { name: '用户管理' }).click();
    await admin.waitForURL(/\/accounts/);
    await admin.getByTestId('account-table').locator('tr.ant-table-row').first().waitFor();
    await admin.getByRole('button', { name: '新增账号' }).click();
    await admin.getByLabel('工号').fill('e2e_clerk01');
    await admin.getByLabel('姓名').fill('测试窗口');
    await chooseOption(admin, '角色', '窗口受理', { multiple: true });
    await admin.getByRole('button', { name: '创建账号' }).click();
    const shown = admin.getByTestId('temporary-password');
    await shown.waitFor();
    const temporary = (await shown.innerText()).trim();
    assert.match(temporary, /^\w{4}-\w{4}-\w{4}$/);
    await screenshot(admin, 'accounts-created');

    const page = await (await newContext(wb.browser)).newPage();
    await page.goto(`${wb.server.url}/login`);
    await page.getByLabel('工号').fill('e2e_clerk01');
    await page.getByLabel('密码').fill(temporary);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/password/);
    await page.getByText('请先修改密码再使用工作台').waitFor();
    // other pages send the person back here
    await page.goto(`${wb.server.url}/persons`);
    await page.waitForURL(/\/password/);
    await page.getByLabel('原密码').fill(temporary);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('short');
    await page
      .getByRole('button', { name: /修改密码/ })
      .last()
      .click();
    await page.getByText('密码长度须为10至200位').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('Qiu-tian-2026x');
    await page.getByLabel('确认新密码').fill('Qiu-tian-2026x');
    await page
      .getByRole('button', { name: /修改密码/ })
      .last()
      .click();
    await page.waitForURL(/\/persons/);
    await page.getByRole('menu').getByRole('menuitem', { name: '人员查询' }).waitFor();
    await screenshot(page, 'password-changed');
    await page.context().close();
    await admin.context().close();
  });
});
