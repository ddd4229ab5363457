// 参保登记, 定点机构 and 医保目录 as a clerk: find a person, see a bad amount refused beside its
// field before anything is sent and an overlapping period refused by the API beside the period,
// correct an enrollment; search institutions and filter by level (kept across a reload); search
// the catalogue and filter by class. Each page's time to its first data row is reported.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { enrollmentPageFacts } from './demo-facts.ts';
import {
  chooseOption,
  E2E_DAY,
  hasChromium,
  login,
  newContext,
  screenshot,
  useWorkbench,
} from './harness.ts';

const facts = enrollmentPageFacts(E2E_DAY);

/** The form item (label, control and its message) of the field with this label. */
const fieldItem = (page: Page, label: string) =>
  page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });

/** Wait until drawers and messages have finished moving, for a steady screenshot. */
const settle = (page: Page) =>
  page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );

/** Milliseconds from navigation to the first data row of the table with this test id. */
async function openList(page: Page, url: string, testId: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(url);
  await page.getByTestId(testId).locator('tr.ant-table-row').first().waitFor();
  return Date.now() - t0;
}

describe('enrollment and reference pages', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  let page: Page;
  const wb = useWorkbench();
  before(async () => {
    page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk');
  });

  test('参保登记: field messages from the form and from the API, then a correction', async (t) => {
    const writes: string[] = [];
    page.on(
      'request',
      (r) => r.method() !== 'GET' && r.url().includes('/api/registry/enrollments') && writes.push(r.url()),
    );
    const t0 = Date.now();
    await page.goto(`${wb.server.url}/enrollments`);
    // a wrong entry: the message appears under the box and the button stays where it was
    const find = page.getByRole('button', { name: /查\s*找/ });
    const before = await find.boundingBox();
    await page.getByLabel('身份证号或人员编号').fill('12345');
    await page.getByLabel('身份证号或人员编号').press('Enter');
    await page.locator('#lookup_q_help').waitFor();
    const afterError = await find.boundingBox();
    assert.deepEqual(
      [afterError?.x, afterError?.y],
      [before?.x, before?.y],
      'the lookup button does not jump',
    );
    // the first Tab stop after the box is the named 查找 button, not an unnamed icon
    await page.getByLabel('身份证号或人员编号').focus();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/\s/g, '')),
      '查找',
    );
    await page.getByLabel('身份证号或人员编号').fill(facts.psnNo);
    await page.getByLabel('身份证号或人员编号').press('Enter');
    const card = page.getByTestId('person-card');
    await card.getByText(facts.name).waitFor();
    const table = page.getByTestId('enrollment-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    t.diagnostic(`参保登记: person and enrollments shown ${Date.now() - t0} ms after navigation`);
    assert.ok(
      ((await card.textContent()) ?? '').includes(facts.maskedCertno),
      'the ID number is shown masked',
    );
    assert.ok(page.url().includes(`psnNo=${facts.psnNo}`));

    // the new year's amounts are prefilled from the contribution standard (policy data)
    await page.getByRole('button', { name: '新增参保登记' }).click();
    await page
      .getByTestId('prefill-note')
      .getByText(/已按 \d{4} 年缴费标准预填/)
      .waitFor();
    assert.match(await page.getByLabel('财政补助（元）').inputValue(), /^\d+\.\d{2}$/);

    // three decimals: refused beside the field, nothing sent
    await page.getByLabel('个人缴费（元）').fill('400.125');
    await page.getByLabel('财政补助（元）').fill('700');
    await page.getByRole('button', { name: '提交登记' }).click();
    await fieldItem(page, '个人缴费（元）').getByText('个人缴费最多保留两位小数（精确到分）').waitFor();
    assert.deepEqual(writes, []);

    // the year picker fills 01-01..12-31; this year is already enrolled: the API's overlap
    // error appears beside the begin date
    await page.getByLabel('个人缴费（元）').fill('400');
    const year = page.getByLabel('参保年度');
    await year.click();
    await year.fill(facts.year);
    await year.press('Enter');
    assert.equal(await page.getByLabel('参保开始日期').inputValue(), facts.begin);
    assert.equal(await page.getByLabel('参保截止日期').inputValue(), facts.end);
    await page.getByRole('button', { name: '提交登记' }).click();
    await fieldItem(page, '参保开始日期')
      .getByText(`与已有的城乡居民基本医疗保险参保期间（${facts.begin} 至 ${facts.end}）重叠`)
      .waitFor();
    assert.ok(writes.length >= 1, 'the entry went to the API');
    await settle(page);
    await screenshot(page, 'enrollment-field-error');
    await page.getByRole('button', { name: '取 消' }).click();

    // lowering an amount is not a direct edit: it is a matter for two posts (一事两岗两审)
    const row = table.locator('tr.ant-table-row', { hasText: `${facts.begin} 至 ${facts.end}` });
    await row.getByRole('button', { name: '更正' }).click();
    assert.equal(await page.getByLabel('财政补助（元）').inputValue(), facts.fiscalYuan);
    await page.getByLabel('财政补助（元）').fill('680.50');
    await page.getByLabel('缴费说明').fill('财政补助按县级调整文件执行');
    await page.getByLabel('缴费说明').press('Enter');
    await page
      .getByText(/须经两岗审核/)
      .first()
      .waitFor();
    // a valid correction (raising the subsidy) shows in the list
    await page.getByLabel('缴费说明').fill('');
    await page.getByLabel('财政补助（元）').fill('720.50');
    await page.getByLabel('财政补助（元）').press('Enter');
    // off the year's contribution standard: refused until the clerk gives a reason
    await fieldItem(page, '财政补助（元）')
      .getByText(/与标准不符/)
      .waitFor();
    await page.getByLabel('缴费说明').fill('财政补助按县级调整文件执行');
    await page.getByLabel('缴费说明').press('Enter');
    await page.getByText('参保记录已更正').waitFor();
    await row.getByText('720.50').waitFor();
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    await settle(page);
    await screenshot(page, 'enrollment');
  });

  test('定点机构: search by name, filter by level, kept in the URL across a reload', async (t) => {
    const ms = await openList(page, `${wb.server.url}/institutions`, 'institution-table');
    t.diagnostic(`定点机构: first rows ${ms} ms after navigation`);
    const table = page.getByTestId('institution-table');
    await page.getByLabel('编码或名称').fill('医院');
    await page.getByLabel('编码或名称').press('Enter');
    await page.getByText('共 3 家').waitFor();
    await chooseOption(page, '等级', '二级');
    await page.getByText('共 2 家').waitFor();
    assert.match(page.url(), /level=2/);
    const names = () => table.locator('tr.ant-table-row td:nth-child(2)').allInnerTexts();
    assert.deepEqual(await names(), ['演示县人民医院', '演示县中医院']);
    const levels = await table.locator('tr.ant-table-row td:nth-child(4)').allInnerTexts();
    assert.deepEqual(levels, ['二级', '二级']);

    await page.reload();
    await page.getByText('共 2 家').waitFor();
    assert.equal(await page.getByLabel('编码或名称').inputValue(), '医院');
    assert.deepEqual(await names(), ['演示县人民医院', '演示县中医院']);
    await settle(page);
    await screenshot(page, 'institutions');

    await table.getByRole('button', { name: '演示县人民医院' }).click();
    const detail = page.getByTestId('institution-detail');
    await detail.getByText('跨省直接结算').waitFor();
    assert.match((await detail.textContent()) ?? '', /协议期间\s*\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    assert.match((await detail.textContent()) ?? '', /医疗机构等级\s*二级/);
  });

  test('医保目录: search and filter by class', async (t) => {
    const ms = await openList(page, `${wb.server.url}/catalogue`, 'catalogue-table');
    t.diagnostic(`医保目录: first rows ${ms} ms after navigation`);
    const table = page.getByTestId('catalogue-table');
    await page.getByLabel('编码或名称').fill('头孢');
    await page.getByLabel('编码或名称').press('Enter');
    await page.getByText('共 16 条').waitFor();
    const allNames = await table.locator('tr.ant-table-row td:nth-child(2)').allInnerTexts();
    assert.ok(
      allNames.every((n) => n.includes('头孢')),
      allNames.join(),
    );
    await chooseOption(page, '甲乙丙类', '乙类');
    await page.waitForURL(/chrgitmLv=02/);
    await page
      .getByText(/共 \d+ 条/)
      .filter({ hasNotText: '共 16 条' })
      .waitFor();
    const classes = await table.locator('tr.ant-table-row td:nth-child(4)').allInnerTexts();
    assert.ok(classes.length > 0 && classes.length < 16);
    assert.ok(
      classes.every((c) => c === '乙类'),
      classes.join(),
    );
    const shares = await table.locator('tr.ant-table-row td:nth-child(5)').allInnerTexts();
    assert.ok(
      shares.every((s) => /^\d+(\.\d+)?%$/.test(s)),
      shares.join(),
    );
    await settle(page);
    await screenshot(page, 'catalogue');

    await table.locator('tr.ant-table-row').first().getByRole('button').click();
    const detail = page.getByTestId('catalogue-detail');
    await detail.getByText('先行自付比例').waitFor();
    assert.match((await detail.textContent()) ?? '', /甲乙丙类\s*乙类/);
  });
});
