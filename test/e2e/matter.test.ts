// 综合受理 at the counter: a clerk registers a newborn (materials ticked, a receipt printed), and a
// second person — the reviewer — approves it from their queue; the matter is then 已办结.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeIdNumber } from '../../src/domain/registry/id-number.ts';
import {
  chooseOption,
  E2E_DAY,
  hasChromium,
  login,
  newContext,
  screenshot,
  useWorkbench,
} from './harness.ts';

describe('综合受理', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('accept a newborn registration at the counter, a second post approves it', async () => {
    const certno = makeIdNumber('410926', '2026-11-20', 700 + Math.floor(Math.random() * 200));
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk', '/matter/counter');
    await chooseOption(page, '选择事项', 'CB003', { search: '城乡居民参保登记' });
    const handedIn = page.locator('label', { hasText: '已提交' });
    await handedIn.first().waitFor();
    for (let i = 0; i < (await handedIn.count()); i++) await handedIn.nth(i).click();
    await page.getByLabel('申请人').fill('王芳');
    await page.getByLabel('身份证号码').fill(certno);
    await page.getByLabel('姓名', { exact: true }).fill('王小宝');
    await chooseOption(page, '所属村（社区）');
    await page.getByRole('button', { name: '提交申请' }).click();
    const receipt = (await page.getByTestId('receipt-no').textContent())?.trim() ?? '';
    assert.match(receipt, /^SL\d{14}$/);
    await screenshot(page, 'matter-receipt');
    await page.context().close();

    const review = await (await newContext(wb.browser)).newPage();
    await login(review, wb.server.url, 'reviewer', '/matter/todo', { reminders: 'keep' });
    // the login reminder names the queue with the clerk's matter in it
    await review
      .getByTestId('reminders')
      .getByText(/待我审核：\d+ 件/)
      .waitFor();
    await review.locator('.ant-notification-notice-close').click();
    await review.getByRole('link', { name: receipt }).click();
    await review.getByRole('button', { name: '审核通过并办结' }).click();
    await review.getByTestId('matter-state').getByText('已办结').waitFor();
    await screenshot(review, 'matter-approved');

    await review.goto(`${wb.server.url}/matter`);
    await review.getByLabel('受理编号').fill(receipt);
    await review.getByRole('button', { name: /查\s*询/ }).click();
    // the list shows every matter until the search answers: wait for the one row it finds
    const rows = review.locator('tr.ant-table-row');
    for (let i = 0; i < 50 && (await rows.count()) !== 1; i++) await review.waitForTimeout(200);
    assert.equal(await rows.count(), 1, 'the search by receipt finds that one');
    assert.match((await rows.first().textContent()) ?? '', new RegExp(`${receipt}[\\s\\S]*已办结`));
    await review.context().close();

    // the newborn's 一人一档 lists the matter; 信息变更 opens the counter with the person filled in
    const clerk = await (await newContext(wb.browser)).newPage();
    await login(clerk, wb.server.url, 'clerk', '/matter/counter');
    const byReceipt = await (
      await clerk.request.get(`${wb.server.url}/api/matter/matters?receiptNo=${receipt}`)
    ).json();
    const psnNo: string = byReceipt.items[0].psnNo;
    await clerk.goto(`${wb.server.url}/persons/${psnNo}?tab=matters`);
    await clerk.getByTestId('person-matters').locator('tr.ant-table-row', { hasText: receipt }).waitFor();
    await clerk.getByTestId('person-actions').getByRole('button', { name: '信息变更' }).click();
    await clerk.getByText('CB006').first().waitFor();
    // the counter fills the person in once its lookup answers: wait for it rather than race it
    const psnField = clerk.getByLabel('人员编号', { exact: true });
    for (let i = 0; i < 50 && (await psnField.inputValue()) !== psnNo; i++) await clerk.waitForTimeout(200);
    assert.equal(await psnField.inputValue(), psnNo);
    await clerk.context().close();

    // the leader's 事项统计 of the year: the report figures, and the table per service point
    const leader = await (await newContext(wb.browser)).newPage();
    await login(leader, wb.server.url, 'leader', '/matter/stats');
    const figures = leader.getByTestId('matter-figures');
    await figures.getByText('下沉乡村受理（件）').waitFor();
    await leader.getByRole('tab', { name: '按服务点' }).click();
    const points = leader.getByRole('tabpanel').locator('tr.ant-table-row');
    await points.first().waitFor();
    assert.ok((await points.count()) > 1, 'the county hall and the village point');
    assert.equal((await leader.locator('.ant-menu-item-selected').innerText()).trim(), '事项统计');
    await screenshot(leader, 'matter-stats');
    await leader.context().close();
  });

  test('a village agent files a contribution correction; a county reviewer approves it', async () => {
    const agent = await (await newContext(wb.browser)).newPage();
    await login(agent, wb.server.url, 'agent', '/matter/counter');
    // one of the agent's villagers with this year's enrollment (the list is the agent's village only)
    const year = E2E_DAY.slice(0, 4);
    const list = await (
      await agent.request.get(`${wb.server.url}/api/registry/enrollments?year=${year}&pageSize=50`)
    ).json();
    const e = list.items.find(
      (x: { status: string; personalFen: number }) => x.status === 'active' && x.personalFen > 0,
    );
    assert.ok(e, 'a villager enrolled this year with a personal contribution');
    await chooseOption(agent, '选择事项', 'CB007', { search: '参保缴费更正' });
    const handedIn = agent.locator('label', { hasText: '已提交' });
    await handedIn.first().waitFor();
    for (let i = 0; i < (await handedIn.count()); i++) await handedIn.nth(i).click();
    await agent.getByLabel('申请人').fill('张大伯');
    await agent.getByLabel('参保记录编号').fill(String(e.id));
    await agent.getByLabel('个人缴费（元）').fill('0');
    await agent.getByLabel('财政补助（元）').fill(String(e.fiscalFen / 100));
    await agent.getByLabel('更正原因').fill('重复缴费，退还个人缴费');
    await agent.getByRole('button', { name: '提交申请' }).click();
    const receipt = (await agent.getByTestId('receipt-no').textContent())?.trim() ?? '';
    assert.match(receipt, /^SL\d{14}$/);
    await agent.context().close();

    const review = await (await newContext(wb.browser)).newPage();
    await login(review, wb.server.url, 'reviewer', '/matter/todo');
    await review.getByRole('link', { name: receipt }).click();
    await review.getByRole('button', { name: '审核通过并办结' }).click();
    await review.getByTestId('matter-state').getByText('已办结').waitFor();
    const after = await (
      await review.request.get(`${wb.server.url}/api/registry/enrollments?psnNo=${e.psnNo}&year=${year}`)
    ).json();
    const corrected = after.items.find((x: { id: number }) => x.id === e.id);
    assert.equal(corrected.personalFen, 0, 'applied on approval');
    await review.context().close();
  });
});
