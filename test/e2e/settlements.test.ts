// 结算查询 and the settlement page: search by care type and date range, open a settlement, see its
// fee lines, fund breakdown (adding up to the total) and explanation; the printed 结算单 of a
// ~30-line inpatient settlement is one A4 page.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chinaDay } from '../../src/domain/shared/calendar.ts';
import {
  ARTIFACTS,
  chooseOption,
  E2E_DAY,
  hasChromium,
  login,
  newContext,
  screenshot,
  testNow,
  untilShown,
  useWorkbench,
} from './harness.ts';

/** "-1,234.56" → -123456 fen, by string (no float arithmetic on money). */
function fenOf(text: string): number {
  const m = /^(-?)([\d,]+)\.(\d{2})$/.exec(text.trim());
  assert.ok(m, `not an amount: ${text}`);
  const fen = Number(m[2]!.replaceAll(',', '')) * 100 + Number(m[3]);
  return m[1] ? -fen : fen;
}

/** Pages of a PDF as Chromium writes it: one "/Type /Page" object per page. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** Today and the first of this month in Beijing time (the demo settles this month). */
function thisMonth(): { from: string; to: string } {
  const today = chinaDay(testNow());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Types a date into the range picker's box, again if under load the box did not take it. */
async function pickDate(page: Page, input: 'start' | 'end', value: string) {
  const box = page.getByPlaceholder(input === 'start' ? '开始日期' : '结束日期');
  await untilShown(
    box.and(page.locator(`[value="${value}"]`)),
    async () => {
      await box.click();
      await box.fill(value);
      await box.press('Enter');
    },
    `日期未填入：${input} ${value}`,
  );
}

describe('结算查询 and the settlement page', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('a reviewer finds inpatient settlements of this month and reads one', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'reviewer', '/settlements');
    const table = page.getByTestId('settlement-table');
    let t0 = Date.now();
    await table.locator('tr.ant-table-row').first().waitFor();
    console.log(`结算查询: first rows ${Date.now() - t0} ms after login`);

    const { from, to } = thisMonth();
    await chooseOption(page, '医疗类别', '住院（21）');
    await pickDate(page, 'start', from);
    await pickDate(page, 'end', to);
    // Enter in the date box may already submit the form (the button then changes nothing)
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL((u) => u.searchParams.get('medType') === '21' && u.searchParams.get('to') === to);
    const query = `medType=21&from=${from}&to=${to}&pageSize=1`;
    const { total } = (await (
      await page.request.get(`${wb.server.url}/api/settlement/settlements?${query}`)
    ).json()) as { total: number };
    assert.equal(new URL(page.url()).searchParams.get('from'), from);
    // stays are about a quarter of the demo's 300 settlements: the filter left the outpatient visits out
    assert.ok(total > 0 && total < 150, `inpatient settlements this month: ${total}`);
    await table.getByText(`共 ${total} 条`).waitFor();
    const careTypes = await table.locator('tr.ant-table-row td:nth-child(4)').allInnerTexts();
    assert.ok(careTypes.length > 0 && careTypes.every((c) => c.startsWith('住院')), careTypes.join('|'));

    // the filters live in the URL: a reload shows the same list and the same form
    t0 = Date.now();
    await page.reload();
    await table.locator('tr.ant-table-row').first().waitFor();
    console.log(`结算查询 (filtered, reload): rows ${Date.now() - t0} ms`);
    await page
      .getByPlaceholder('开始日期')
      .and(page.locator(`[value="${from}"]`))
      .waitFor();
    await screenshot(page, 'settlement-search');

    const setlId = (await table.locator('tr.ant-table-row a').first().innerText()).trim();
    t0 = Date.now();
    await table.locator('tr.ant-table-row a').first().click();
    await page.waitForURL(new RegExp(`/settlements/${setlId}$`));
    await page.getByTestId('explanation').waitFor();
    console.log(`结算详情: explanation ${Date.now() - t0} ms after the click`);
    // the demo's HIS uploaded no 结算清单 (4101): the card says so
    await page.getByTestId('settlement-list').getByText('尚未上传结算清单').waitFor();

    await page
      .getByText('城乡居民基本医疗保险住院结算单')
      .or(page.getByText('职工基本医疗保险住院结算单'))
      .waitFor();
    const lines = page.getByTestId('fee-lines').locator('tr.ant-table-row');
    assert.ok((await lines.count()) > 0);
    await page
      .getByTestId('fee-lines')
      .getByText(/合计（\d+ 项）/)
      .waitFor();

    // the parts add up to the total shown
    const amount = async (id: string) => fenOf(await page.getByTestId(id).innerText());
    const parts = ['fund-hifp', 'fund-hifmi', 'fund-maf', 'fund-acct', 'fund-cash'];
    const sum = (await Promise.all(parts.map(amount))).reduce((a, b) => a + b, 0);
    const medfee = await amount('medfee-total');
    assert.ok(medfee > 0);
    assert.equal(sum, medfee);
    assert.equal((await amount('fund-total')) + (await amount('person-total')), medfee);
    await page
      .getByTestId('fund-check')
      .getByText(/等于医疗费用总额/)
      .waitFor();

    // the 结算单 leads with the plain sentence, the share in capitals, the bureau and the institution
    const yuanOf = (fen: number) =>
      `${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
    const sentence = await page.getByTestId('slip-sentence').innerText();
    assert.equal(
      sentence,
      `您本次医疗费用共 ${yuanOf(medfee)} 元，医保共支付 ${yuanOf(await amount('fund-total'))} 元，您需自付 ${yuanOf(await amount('person-total'))} 元。`,
    );
    assert.match(
      await page.getByTestId('slip-capitals').innerText(),
      /^个人负担金额（大写）：人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/,
    );
    const summary = await page.getByTestId('slip-summary').innerText();
    assert.match(summary, /政策范围内费用 [\d,]+\.\d{2} 元：/);
    assert.match(summary, /医疗保障局/);
    assert.match(summary, /年度最高支付限额还剩/);

    // the explanation: sentences from the stored steps, the fund step with its ratio and amount
    const steps = page.getByTestId('explanation').locator('tbody tr');
    assert.ok((await steps.count()) >= 5);
    const fund = await page.getByTestId('explanation').locator('tr[data-rule="BASIC_FUND"]').innerText();
    assert.match(fund, /政策范围内费用 [\d,]+\.\d{2} 元，扣除起付线 [\d,]+\.\d{2} 元后为 .*由统筹基金支付/);
    await screenshot(page, 'settlement');

    await page.getByRole('button', { name: '返回结算查询' }).click();
    await page.waitForURL((u) => u.pathname === '/settlements' && u.searchParams.get('medType') === '21');
    await page.context().close();
  });

  test('the printed 结算单 of a ~30-line inpatient settlement is one A4 page', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk', '/settlements');
    // the inpatient settlement with the most fee lines (the demo's run to about 30)
    const list = await (
      await page.request.get(`${wb.server.url}/api/settlement/settlements?medType=21&pageSize=100`)
    ).json();
    const counts = await Promise.all(
      (list.items as { setlId: string }[]).map(async ({ setlId }) => {
        const d = await (
          await page.request.get(`${wb.server.url}/api/settlement/settlements/${setlId}`)
        ).json();
        return { setlId, lines: (d.lines as unknown[]).length };
      }),
    );
    const best = counts.reduce((a, b) => (b.lines > a.lines ? b : a));
    assert.ok(best.lines >= 25, `longest inpatient settlement has ${best.lines} lines`);

    const t0 = Date.now();
    await page.goto(`${wb.server.url}/settlements/${best.setlId}`);
    await page.getByTestId('explanation').waitFor();
    console.log(`结算详情 (${best.lines} lines, direct load): ${Date.now() - t0} ms`);
    assert.equal(await page.getByTestId('fee-lines').locator('tr.ant-table-row').count(), best.lines);

    // the button prints the page (window.print stubbed: headless chromium has no print dialog)
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: '打印结算单' }).click();
    assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: '打印结算单' }).isVisible(), false);
    assert.equal(await page.getByRole('menu').isVisible(), false);
    assert.equal(await page.getByText('参保人（签字）').isVisible(), true);
    await screenshot(page, 'settlement-print');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'settlement-print.pdf'), pdf);
    assert.equal(pdfPages(pdf), 1, `结算单 of ${best.lines} lines prints on ${pdfPages(pdf)} pages`);
    await page.context().close();
  });

  test('a clerk records a 异地就医备案 for a person, finds it, and cancels it; ends a 门慢门特资格 early', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk', '/settlements');
    const some = await (
      await page.request.get(`${wb.server.url}/api/settlement/settlements?pageSize=1`)
    ).json();
    const psnNo = some.items[0].psnNo as string;
    await page.getByRole('menuitem', { name: '异地备案与门慢资格' }).click();
    await page.waitForURL(/\/filings$/);
    const filings = page.getByTestId('filings');
    await filings.getByRole('button', { name: /新\s*增/ }).click();
    const form = page.locator('form#filing');
    await form.getByLabel('人员编号').fill(psnNo);
    await form.getByLabel(/就医地/).fill('410102');
    await form.getByLabel('开始日期').click();
    await form.getByLabel('开始日期').fill('2026-12-01');
    // focus elsewhere takes the typed date and closes its panel (Enter would submit the form)
    await form.getByLabel('人员编号').click();
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('异地就医备案已登记').waitFor();
    await filings.getByPlaceholder('人员编号').fill(psnNo);
    await filings.getByPlaceholder('人员编号').press('Enter');
    const row = filings.locator('tr.ant-table-row', { hasText: '410102' });
    await row.getByText('经办窗口').waitFor();
    assert.match(await row.innerText(), /临时外出就医/);
    await screenshot(page, 'filings');
    await row.getByRole('button', { name: /撤\s*销/ }).click();
    await page.getByTestId('cancel-reason').fill('患者已返回参保地');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /撤\s*销/ })
      .click();
    await page.getByText(/备案 \d+ 已撤销/).waitFor();
    await filings.getByText('没有有效的异地就医备案').waitFor();

    // a long-term 门慢门特资格 of the person ends early: from today (the form's default), with a reason
    const institution = some.items[0].fixmedinsCode as string;
    const added = await page.request.post(`${wb.server.url}/api/settlement/disease-qualifications`, {
      data: {
        psnNo,
        diseaseCode: 'I10',
        institutionCodes: [institution],
        validFrom: `${E2E_DAY.slice(0, 4)}-01-01`,
      },
    });
    assert.equal(added.status(), 201, await added.text());
    await page.getByRole('tab', { name: '门慢门特资格' }).click();
    const qualifications = page.getByTestId('qualifications');
    await qualifications.getByPlaceholder('人员编号').fill(psnNo);
    await qualifications.getByPlaceholder('人员编号').press('Enter');
    const qrow = qualifications.locator('tr.ant-table-row', { hasText: 'I10' });
    await qrow.getByText('至 长期').waitFor();
    await qrow.getByRole('button', { name: /终\s*止/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('终止原因').fill('经复查已治愈');
    await dialog.getByRole('button', { name: /确认终止/ }).click();
    await page.getByText(`将于 ${E2E_DAY} 终止`).waitFor();
    await qrow.getByText(`至 ${E2E_DAY}`).waitFor();
    await page.context().close();
  });
});
