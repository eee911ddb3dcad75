// Root hooks for the real-VS-Code suite: on a failed test, save a screenshot of every
// open workbench and print the server log, so CI failures can be read.
import { closeBrowser, currentWorkbenches } from './harness';

export const mochaHooks = {
  async afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    if (!test || test.state !== 'failed') return;
    for (const [i, wb] of currentWorkbenches().entries()) {
      const safe = test.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      const file = await wb.screenshot(`FAILED-${safe}-${i}`).catch(() => '(screenshot failed)');
      const webviews = await wb.describeWebviews().catch((err: unknown) => `(could not read: ${String(err)})`);
      console.error(`\n[harness] screenshot: ${file}\n[harness] webviews: ${webviews}\n[harness] server log:\n${wb.serverLog()}\n`);
    }
  },
};

export async function mochaGlobalTeardown() {
  for (const wb of currentWorkbenches()) await wb.close();
  await closeBrowser();
}
