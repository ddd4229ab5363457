// First meaningful render of each workbench page on the demo county from a warm server: the time
// from navigation start until the page's data is on screen (a table row, a description list, the
// chart's canvas or an empty state) with no spinner left. Target: under 1.5 s. Prints the worst of three
// warm loads per page.
import type { Browser, Page } from 'playwright-core';
import {
  hasChromium,
  launchBrowser,
  login,
  newContext,
  type RunningServer,
  startServer,
} from '../test/e2e/harness.ts';

const TARGET_MS = 1500;

/** ms since navigation start until data is rendered and no spinner is left */
async function firstMeaningfulRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const spinning = document.querySelector('.ant-spin-spinning, [role="status"]');
      const data = document.querySelector(
        '.ant-table-tbody tr.ant-table-row, .ant-descriptions, canvas, .ant-empty, .ant-result, form .ant-form-item',
      );
      return !spinning && data ? performance.now() : false;
    },
    undefined,
    { timeout: 15_000, polling: 'raf' },
  );
  return Number(await handle.jsonValue());
}

export async function runPagesBench(): Promise<void> {
  if (!hasChromium) {
    console.log('缺少 /usr/bin/chromium：跳过页面速度测量');
    return;
  }
  const server: RunningServer = await startServer();
  const browser: Browser = await launchBrowser();
  try {
    const page = await (await newContext(browser)).newPage();
    await login(page, server.url, 'admin');
    const api = async <T>(path: string): Promise<T> =>
      page.evaluate(async (p) => (await fetch(p)).json(), path);
    const person = (
      await api<{ items: { psnNo: string; householdNo: string }[] }>('/api/registry/persons?pageSize=1')
    ).items[0];
    const setl = (await api<{ items: { setlId: string }[] }>('/api/settlement/settlements?pageSize=1'))
      .items[0];
    const pages = [
      '/dashboard',
      '/persons',
      `/persons/${person.psnNo}`,
      `/households/${person.householdNo}`,
      '/enrollments',
      '/settlements',
      `/settlements/${setl.setlId}`,
      '/institutions',
      '/catalogue',
      '/import',
    ];
    console.log('first meaningful render, warm server, headless chromium (target < 1500 ms)');
    for (const p of pages) {
      await firstMeaningfulRender(page, `${server.url}${p}`); // warm the server and the browser cache
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) samples.push(await firstMeaningfulRender(page, `${server.url}${p}`));
      const worst = Math.round(Math.max(...samples));
      console.log(`  ${p.padEnd(44)} ${String(worst).padStart(5)} ms ${worst < TARGET_MS ? '✓' : '✗'}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
