// Onboarding an institution in the workbench: the admin finds 金水区 among the regions, registers a
// hospital there, and in its drawer issues, rotates and revokes the HIS 接入凭证 — the secret shown
// once in a modal with a copy button, never in the drawer; with the credential its HIS signs in and
// uploads its departments (3401), which the drawer's 医保科室 section then lists, and files a
// person's 人员定点备案 (2505), which a clerk's page lists and cancels.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { envelope, type HisIdentity, makeMsgid, signedHeaders } from '../../src/modules/his/client.ts';
import { HIS_PATH } from '../../src/modules/his/routes.ts';
import { hasChromium, login, newContext, screenshot, testNow, useWorkbench } from './harness.ts';

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

    // the hospital's HIS, with the new secret, signs in and uploads two departments
    const status = await (await page.request.get(`${wb.server.url}/api/his/credentials/${CODE}`)).json();
    const id: HisIdentity = { fixmedinsCode: CODE, paasid: status.paasid, secret: second, opter: '001' };
    let seq = 0;
    const his = async (infno: string, input: Record<string, unknown>) => {
      const now = testNow();
      const res = await page.request.post(`${wb.server.url}${HIS_PATH}`, {
        headers: signedHeaders(id, now),
        data: JSON.stringify(envelope(id, infno, makeMsgid(CODE, now, ++seq), input, now)),
      });
      const json = await res.json();
      assert.equal(json.infcode, 0, `${infno}: ${json.err_msg}`);
      return json.output;
    };
    id.signNo = (await his('9001', { signIn: { opter_no: '001', mac: '', ip: '' } })).signinoutb.sign_no;
    const dept = (code: string, name: string, beds: number) => ({
      hosp_dept_codg: code,
      caty: 'A03',
      hosp_dept_name: name,
      begntime: '2026-01-01 00:00:00',
      dept_resper_name: '周主任',
      aprv_bed_cnt: beds,
      hi_crtf_bed_cnt: beds,
      dr_psncnt: 8,
    });
    await his('3401', { deptinfo: [dept('NK01', '心血管内科', 40), dept('WK01', '普外科', 30)] });
    await page.reload();
    await page.getByRole('button', { name: '金水区测试三级医院' }).click();
    const departments = page.getByTestId('department-section');
    await departments.getByText('心血管内科（NK01）').waitFor();
    await departments.getByText('普外科（WK01）').waitFor();
    assert.match(await departments.innerText(), /40 \/ 40/);
    await screenshot(page, 'departments-uploaded');

    // the HIS files a person's 人员定点备案 (2505); a clerk's page lists it and cancels it with a reason
    const some = await (
      await page.request.get(`${wb.server.url}/api/settlement/settlements?pageSize=1`)
    ).json();
    const psnNo = some.items[0].psnNo as string;
    const filed = await his('2505', {
      data: {
        psn_no: psnNo,
        biz_appy_type: '03',
        begndate: '2026-01-01',
        fix_srt_no: '1',
        fixmedins_code: CODE,
      },
    });
    const sn = filed.result.trt_dcla_detl_sn as string;
    await page.goto(`${wb.server.url}/filings`);
    await page.getByRole('tab', { name: '人员定点备案' }).click();
    const designations = page.getByTestId('designations');
    await designations.getByPlaceholder('人员编号').fill(psnNo);
    await designations.getByPlaceholder('人员编号').press('Enter');
    const drow = designations.locator('tr.ant-table-row', { hasText: `金水区测试三级医院（${CODE}）` });
    await drow.getByText('有效').waitFor();
    await drow.getByRole('button', { name: /撤\s*销/ }).click();
    await page.getByTestId('cancel-reason').fill('人员申请变更定点');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /撤\s*销/ })
      .click();
    await page.getByText(`定点备案 ${sn} 已撤销`).waitFor();
    await designations.getByText(/没有人员定点备案/).waitFor();
    await designations.getByText('含已撤销').click();
    await designations.getByText('已撤销：人员申请变更定点').waitFor();
    await page.goto(`${wb.server.url}/institutions?q=${CODE}`);
    await page.getByRole('button', { name: '金水区测试三级医院' }).click();

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
