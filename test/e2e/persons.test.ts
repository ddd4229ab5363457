// 人员查询, the person file (一人一档) and the household file (一户一档) in the browser: search by
// name and ID, masked ID with the audited reveal for a clerk, none for a leader, an agent limited
// to their own village. Logs the time from navigation to each page's data being visible.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hasChromium, login, newContext, screenshot, useWorkbench } from './harness.ts';

const MASKED = /^4109\*{10}[\dX]{4}$/;
const FULL = /^\d{17}[\dX]$/;
const AGENT_VILLAGE = '人民路社区';

interface ListedPerson {
  psnNo: string;
  name: string;
  householdNo: string | null;
  status: string;
}

const rows = (page: Page) => page.getByTestId('person-table').locator('tbody tr.ant-table-row');
/** The list has answered (old rows stay visible while a new search loads). */
const settled = (page: Page) => page.locator('[data-testid="person-table"][aria-busy="false"]').waitFor();

/** Types into a search field, presses Enter and waits for that search's rows. */
async function searchBy(page: Page, field: string, value: string): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/registry/persons?'));
  await page.getByLabel(field).fill(value);
  await page.getByLabel(field).press('Enter');
  await answered;
  await settled(page);
}

/** Milliseconds from starting `go` until `ready` resolves. */
async function timed(go: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await go();
  await ready();
  return Math.round(performance.now() - t0);
}

describe('persons pages', { skip: !hasChromium && '缺少 /usr/bin/chromium' }, () => {
  let person: ListedPerson;
  const timings: Record<string, number> = {};
  const wb = useWorkbench();
  after(() => console.log('首次有效渲染（毫秒）:', JSON.stringify(timings)));

  test('clerk: search by name and ID, open the file, reveal the ID, open the household', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'clerk');
    // a person of 河湾乡 (not the agent's village) living in a household
    const res = await page.request.get(
      `${wb.server.url}/api/registry/persons?townshipCode=410926202&pageSize=50`,
    );
    const listed = (await res.json()).items as ListedPerson[];
    const found = listed.find((p) => p.householdNo && p.status === 'normal');
    assert.ok(found, 'demo county has a 河湾乡 person in a household');
    person = found;

    timings.personSearch = await timed(
      () => page.goto(`${wb.server.url}/persons`),
      () => rows(page).first().waitFor(),
    );
    await searchBy(page, '姓名', person.name);
    assert.match(page.url(), /[?&]name=/);
    await rows(page).filter({ hasText: person.psnNo }).waitFor();
    for (const cells of await rows(page).locator('td:nth-child(2)').allInnerTexts()) {
      assert.ok(cells.includes(person.name), `${cells} 应含 ${person.name}`);
    }

    await rows(page).filter({ hasText: person.psnNo }).locator('td').first().click();
    await page.waitForURL(new RegExp(`/persons/${person.psnNo}`));
    const certno = page.getByTestId('person-certno');
    await certno.waitFor();
    assert.match(((await certno.textContent()) ?? '').trim(), MASKED);
    await page.getByRole('button', { name: '显示完整' }).click();
    await certno.filter({ hasText: FULL }).waitFor();
    const full = ((await certno.textContent()) ?? '').trim();
    assert.match(full, FULL);
    assert.ok(
      !((await page.getByTestId('person-phone').textContent()) ?? '').includes('*'),
      'phone revealed too',
    );
    await page.getByTestId('person-household').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'person');

    // back to the search keeps its filters; then search by the full ID number
    await page.getByRole('link', { name: '人员查询' }).first().click();
    await page.waitForURL(/[?&]name=/);
    assert.equal(await page.getByLabel('姓名').inputValue(), person.name);
    await page.getByLabel('姓名').fill('');
    await searchBy(page, '身份证号码', full);
    assert.match(page.url(), /[?&]certno=/);
    // the name search's rows stay on screen until the ID search answers: wait for exactly one
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="person-table"] tbody tr.ant-table-row').length === 1,
    );
    await rows(page).filter({ hasText: person.psnNo }).waitFor();
    await screenshot(page, 'person-search');

    timings.person = await timed(
      () => page.goto(`${wb.server.url}/persons/${person.psnNo}`),
      () => page.getByTestId('person-household').locator('tbody tr.ant-table-row').first().waitFor(),
    );
    timings.household = await timed(
      () => page.getByRole('link', { name: person.householdNo! }).first().click(),
      () => page.getByTestId('household-members').locator('tbody tr.ant-table-row').first().waitFor(),
    );
    await page.waitForURL(new RegExp(`/households/${person.householdNo}`));
    const member = page.getByTestId('household-members').locator('tr', { hasText: person.psnNo });
    assert.match((await member.textContent()) ?? '', new RegExp(person.name));
    assert.match((await member.textContent()) ?? '', /已参保|未参保/);
    assert.match((await member.textContent()) ?? '', /4109\*{10}/);
    await screenshot(page, 'household');
    await page.context().close();
  });

  test('leader: the ID stays masked and there is no reveal action', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'leader');
    await page.goto(`${wb.server.url}/persons/${person.psnNo}`);
    const certno = page.getByTestId('person-certno');
    await certno.waitFor();
    assert.match(((await certno.textContent()) ?? '').trim(), MASKED);
    assert.equal(await page.getByRole('button', { name: '显示完整' }).count(), 0);
    await page.context().close();
  });

  test('agent: only persons of the own village are found', async () => {
    const page = await (await newContext(wb.browser)).newPage();
    await login(page, wb.server.url, 'agent');
    await page.goto(`${wb.server.url}/persons`);
    await rows(page).first().waitFor();
    await settled(page);
    await page.getByTestId('agent-village').filter({ hasText: AGENT_VILLAGE }).waitFor();
    for (const village of await rows(page).locator('td:nth-child(6)').allInnerTexts()) {
      assert.match(village, new RegExp(AGENT_VILLAGE));
    }
    // the clerk's person lives in 河湾乡: not found by the agent
    await searchBy(page, '姓名', person.name);
    assert.equal(await rows(page).filter({ hasText: person.psnNo }).count(), 0);
    for (const village of await rows(page).locator('td:nth-child(6)').allInnerTexts()) {
      assert.match(village, new RegExp(AGENT_VILLAGE));
    }
    // nor opened by a direct link
    await page.goto(`${wb.server.url}/persons/${person.psnNo}`);
    await page.getByText('村级代办只能办理本村人员和家庭的业务').waitFor();
    assert.equal(await page.getByTestId('person-certno').count(), 0);
    await page.context().close();
  });
});
