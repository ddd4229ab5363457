// 基金监管 as an auditor: the rule library is there, a 事后 scan over the demo county's year runs
// its three stages, and its 疑点 are listed by rule with the amounts at stake.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_DAY, hasChromium, login, newContext, screenshot, testNow, useWorkbench } from './harness.ts';

const year = testNow().toISOString().slice(0, 4);

describe('基金监管', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  const wb = useWorkbench();

  test('an auditor scans the year and reads the suspects', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'auditor', '/supervision');
    await page.getByRole('tab', { name: '规则库' }).click();
    await page.getByText('分解住院').first().waitFor();
    assert.ok((await page.getByTestId('supervision-rules').locator('tr.ant-table-row').count()) >= 20);
    await page.getByRole('tab', { name: '知识库' }).click();
    await page.getByTestId('supervision-knowledge').locator('tr.ant-table-row').first().waitFor();
    await page.getByText(/共 \d+ 个知识点/).waitFor();
    await page.getByRole('tab', { name: '进销存', exact: true }).click();
    await page.getByRole('button', { name: '导入进销存 xlsx' }).waitFor();
    // what the demo institutions' systems reported through the HIS (3501/3503/3505)
    await page.getByRole('tab', { name: '进销存上报' }).click();
    const reported = page.getByTestId('supervision-stock-events').locator('tr.ant-table-row');
    await reported.first().waitFor();
    assert.match((await reported.first().textContent()) ?? '', /销售|采购|盘存/);
    // last month of the demo county beside what the fund settled
    const [y, m] = E2E_DAY.split('-').map(Number) as [number, number];
    const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    await page.getByText('月度对比').click();
    await page.getByPlaceholder('选择月份').fill(lastMonth);
    await page.getByPlaceholder('选择月份').press('Enter');
    await page.getByTestId('supervision-stock-months').locator('tr.ant-table-row').first().waitFor();
    // the visits the institutions reported as paid in full by insured persons (4205)
    await page.getByRole('tab', { name: '自费就诊' }).click();
    const selfPaid = page.getByTestId('supervision-selfpay').locator('tr.ant-table-row');
    await selfPaid.first().waitFor();
    assert.match((await selfPaid.first().textContent()) ?? '', /当日参保/);
    await selfPaid.first().getByRole('button', { name: '明细' }).click();
    await page.getByTestId('selfpay-lines').locator('tr.ant-table-row').first().waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: '筛查批次' }).click();
    await page.getByPlaceholder('开始日期').fill(`${year}-01-01`);
    await page.getByPlaceholder('结束日期').fill(`${year}-12-31`);
    await page.getByPlaceholder('结束日期').press('Enter');
    await page.getByRole('button', { name: '发起事后筛查' }).click();
    const row = page.getByTestId('supervision-runs').locator('tr.ant-table-row').first();
    await row.waitFor();
    for (let i = 0; i < 30 && !((await row.textContent()) ?? '').includes('已完成'); i++) {
      await page.waitForTimeout(1000);
      await page.getByRole('button', { name: '刷新进度' }).click();
    }
    assert.match((await row.textContent()) ?? '', /已完成/);
    await row.getByRole('button', { name: '查看疑点' }).click();
    await page.getByText('涉及金额（元）').first().waitFor();
    const summary = page.getByTestId('supervision-summary');
    await summary.locator('tr.ant-table-row').first().waitFor();
    const rules = await summary.locator('tr.ant-table-row').count();
    assert.ok(rules >= 1, 'the demo county has suspects');
    await screenshot(page, 'supervision');
    await page.context().close();
  });

  test('an auditor does 初审 on a suspect; the hospital login sees only its own and appeals', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'auditor', '/suspects');
    await page
      .getByTestId('suspect-summary')
      .getByText(/待初审 \d+/)
      .waitFor();
    const rows = page.getByTestId('suspects').locator('tr.ant-table-row');
    await rows.first().waitFor();
    // open the first waiting for 初审 and state the finding
    await page
      .getByTestId('suspect-summary')
      .getByText(/待初审/)
      .click();
    await rows
      .first()
      .getByRole('button', { name: /办\s*理/ })
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: /初\s*审/ }).click();
    await page.getByLabel('初审意见').fill('单价超过支付标准，建议复审确认');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await drawer.getByText('待复审').first().waitFor();
    // the same auditor is not offered 复审
    assert.equal(await drawer.getByRole('button', { name: '复审确认' }).count(), 0);
    // a suspect about a visit: its 病历 on request
    if ((await drawer.getByTestId('medical-records').count()) > 0) {
      await drawer.getByRole('button', { name: /查看病历/ }).click();
      await drawer
        .getByText(/入院记录|病历信息|尚未上传/)
        .first()
        .waitFor();
    }
    await screenshot(page, 'suspects');
    await page.context().close();

    const hosp = await (await newContext(wb.browser)).newPage();
    await login(hosp, wb.server.url, 'hospital');
    const menu = hosp.locator('.ant-menu').first();
    await menu.getByText('疑点处理').waitFor();
    assert.equal(await menu.getByText('基金监管').count(), 0, 'no bureau pages for an institution login');
    assert.equal(await menu.getByText('人员查询').count(), 0);
    await hosp.goto(`${wb.server.url}/suspects`);
    await hosp.getByText('本机构疑点').waitFor();
    await hosp
      .getByTestId('suspect-summary')
      .getByText(/待机构申诉/)
      .click();
    const own = hosp.getByTestId('suspects').locator('tr.ant-table-row');
    await own.first().waitFor();
    assert.equal(
      await hosp.getByTestId('suspects').getByRole('columnheader', { name: '机构', exact: true }).count(),
      0,
      'no institution column for its own',
    );
    await own
      .first()
      .getByRole('button', { name: /办\s*理/ })
      .click();
    const d = hosp.getByRole('dialog');
    await d.getByRole('button', { name: '机构申诉' }).click();
    await hosp.getByLabel('申诉理由').fill('该项目有医嘱和病程记录支持');
    await hosp.getByRole('button', { name: /确\s*定/ }).click();
    await d.getByText('调查核实').first().waitFor();
    await hosp.context().close();
  });

  test('an auditor reviews a sampled record of last month', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'auditor', '/sampling');
    const samples = page.getByTestId('samples').locator('tr.ant-table-row');
    await samples.first().waitFor();
    await samples.first().getByRole('button', { name: '病历清单' }).click();
    const records = page.getByTestId('sample-records').locator('tr.ant-table-row');
    await records.first().waitFor();
    const reviewable = page.getByTestId('sample-records').getByRole('button', { name: /审\s*查/ });
    if ((await reviewable.count()) > 0) {
      await reviewable.first().click();
      // the record under review: the stay's 电子病历 its hospital's HIS uploaded (4701), or that none was
      const emr = page.getByTestId('medical-records');
      await emr
        .getByText(/入院记录|尚未上传/)
        .first()
        .waitFor();
      if ((await emr.getByTestId('medical-record-4701').count()) > 0) {
        await emr.getByText('主诉').first().waitFor();
        await emr.getByText('出院小结').waitFor();
      }
      // and its 病案首页 (4401), uploaded with it: the front sheet's members read in Chinese
      if ((await emr.getByTestId('medical-record-4401').count()) > 0) {
        await emr.getByTestId('medical-record-4401').getByText('住院天数').waitFor();
        await screenshot(page, 'sampling-review');
      }
      await page.getByRole('button', { name: /提\s*交/ }).click();
      await page.getByTestId('sample-records').getByText('未发现问题').first().waitFor();
    }
    await screenshot(page, 'sampling');
    // the same record from its settlement page: the 病历 shown only when the reviewer asks (audited)
    const setlId = ((await records.first().locator('td').first().textContent()) ?? '').trim();
    await page.goto(`${wb.server.url}/settlements/${setlId}`);
    const onPage = page.getByTestId('medical-records');
    await onPage.getByRole('button', { name: /查看病历/ }).click();
    await onPage
      .getByText(/入院记录|尚未上传/)
      .first()
      .waitFor();
    await page.goto(`${wb.server.url}/oversight`);
    await page.getByTestId('institution-indicators').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('institution-chart').waitFor();
    await screenshot(page, 'oversight');
    await page.context().close();
  });

  test('an auditor opens a scored doctor: the points of the year against the thresholds, each with its case', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'auditor', '/medstaff');
    const scored = page.locator('tr.ant-table-row', { hasText: /\d+ 分/ }).first();
    await scored.waitFor();
    await scored.getByRole('link').first().click();
    await page.getByText(new RegExp(`${year} 年累计 \\d+ 分`)).waitFor();
    await page
      .getByText(/距暂停还差|暂停医保支付资格|终止医保支付资格/)
      .first()
      .waitFor();
    await page
      .getByRole('link', { name: /案件 \d+/ })
      .first()
      .waitFor();
    await screenshot(page, 'medstaff-detail');
    await page.context().close();
  });
});
