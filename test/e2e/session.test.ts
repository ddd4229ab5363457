// Login, role-filtered menu, session expiry back to the login page and then back to the page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

describe('workbench session', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('the login page loads without the chart library and refuses a wrong password', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${wb.server.url}/login`);
    await page.getByLabel('工号').fill('clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: /密码/ }).waitFor();
    assert.ok(!scripts.some((s) => /echarts|dashboard/i.test(s)), `login loaded: ${scripts.join(', ')}`);
    await screenshot(page, 'login');
    await page.context().close();
  });

  test('each role sees only its menu', async () => {
    const expected: Record<string, string[]> = {
      agent: ['人员查询', '参保登记', '未参保名单', '综合受理', '我的待办', '办事指南', '事项查询'],
      leader: [
        '首页',
        '征缴进度',
        '人员查询',
        '我的待办',
        '办事指南',
        '事项统计',
        '事项查询',
        '好差评',
        '12345 工单',
        '结算查询',
        '异地备案与门慢资格',
        '定点机构',
        '医保目录',
        '工作日历',
        '基金监管',
        '疑点处理',
        '机构监管画像',
        '资金台账',
        '监管汇总',
        '违规案件',
        '医保医师',
      ],
      clerk: [
        '人员查询',
        '参保登记',
        '未参保名单',
        '综合受理',
        '我的待办',
        '办事指南',
        '事项统计',
        '事项查询',
        '好差评',
        '12345 工单',
        '结算查询',
        '异地备案与门慢资格',
        '定点机构',
        '医保目录',
        '台账导入',
        '工作日历',
      ],
    };
    for (const [role, menu] of Object.entries(expected)) {
      const page = await (await newContext(wb.browser)).newPage();
      await login(page, wb.server.url, role);
      const items = await page.getByRole('menu').getByRole('menuitem').allInnerTexts();
      assert.deepEqual(
        items.map((s) => s.trim()),
        menu,
        role,
      );
      await page.context().close();
    }
  });

  test('an expired session goes to login and returns to the page it was on', async () => {
    const context = await newContext(wb.browser);
    const page = await context.newPage();
    await login(page, wb.server.url, 'clerk');
    await page.goto(`${wb.server.url}/institutions`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle'); // every request of the page has answered
    await context.clearCookies();
    await page.getByRole('menuitem', { name: '医保目录' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.getByLabel('工号').fill('clerk');
    await page.getByLabel('密码').fill('Yibao@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/catalogue/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await context.close();
  });
});
