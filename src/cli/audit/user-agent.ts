/**
 * The user agent of an audit: the launched browser's own, as a desktop
 * Chrome says it (headless Chromium calls itself `HeadlessChrome`, which
 * some sites block or serve differently), with an `Empreinte/<version>`
 * token appended so that site owners can recognise the audit in their logs.
 */
import type { Browser } from 'playwright-core';
import { toolVersion } from '../../version';

export function auditUserAgent(browserAgent: string, version = toolVersion): string {
  return `${browserAgent.replace(/HeadlessChrome\//, 'Chrome/').trim()} Empreinte/${version}`;
}

export async function browserUserAgent(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return (await page.evaluate(() => navigator.userAgent)) as string;
  } finally {
    await context.close().catch(() => undefined);
  }
}
