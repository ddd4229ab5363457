// 全户参保登记 as a clerk in the collection season: open a household none of whose members has paid
// for next year, see each member's amounts prefilled from next year's standard and their subsidising
// identity, see a deviation without a reason stopped on the member's row, and enroll the household
// in one step; the household file then shows everyone covered next year.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { householdEnrollmentFacts } from './demo-facts.ts';
import { E2E_DAY, hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

const facts = householdEnrollmentFacts(E2E_DAY);

describe('household enrollment', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  let page: Page;
  const wb = useWorkbench();
  before(async () => {
    page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk');
  });

  test('a clerk enrolls a household for next year with prefilled amounts', async () => {
    const writes: string[] = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && r.url().includes('/enrollments') && writes.push(r.url()),
    );
    await page.goto(`${wb.server.url}/households/${facts.householdNo}`);
    const members = page.getByTestId('household-members');
    await members.locator('tr.ant-table-row').first().waitFor();
    // next year's column: nobody has paid yet
    assert.equal((await members.getByText('未参保').count()) >= facts.members.length, true);

    await page.getByRole('button', { name: '全户参保登记' }).click();
    const table = page.getByTestId('household-enrollment-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    await page.getByLabel('参保年度').waitFor();
    for (const m of facts.members) {
      await page.getByLabel(`${m.name}个人缴费`).waitFor();
      assert.equal(await page.getByLabel(`${m.name}个人缴费`).inputValue(), m.personalYuan, m.name);
      assert.equal(await page.getByLabel(`${m.name}资助金额`).inputValue(), m.assistedYuan, m.name);
    }
    await screenshot(page, 'household-enrollment-prefilled');

    // a deviation without a 缴费说明 is stopped on that member's row before anything is sent
    const first = facts.members[0];
    await page.getByLabel(`${first.name}个人缴费`).fill('1.00');
    await page.getByRole('button', { name: `登记 ${facts.members.length} 人` }).click();
    await table.getByText('请在“缴费说明”中填写原因').waitFor();
    assert.deepEqual(writes, []);
    await page.getByLabel(`${first.name}个人缴费`).fill(first.personalYuan);

    await page.getByRole('button', { name: `登记 ${facts.members.length} 人` }).click();
    await page.getByText(`已为 ${facts.members.length} 名成员登记 ${facts.year} 年参保`).waitFor();
    assert.equal(writes.length, 1);
    await page.getByText(`${facts.members.length} / ${facts.members.length} 人已参保`).last().waitFor();
    await screenshot(page, 'household-enrollment-done');
  });
});
