// axe-core run in a page: injected through page.evaluate (the DevTools
// protocol, so a page whose CSP forbids inline scripts can be checked too).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

let axeSource: Promise<string> | null = null;

interface AxeRule {
  id: string;
  nodes: { target: unknown }[];
}

/** axe's verdict on the page as it is now: each violation with its nodes' selectors, and the ids of the rules passed. */
export async function runAxe(page: Page): Promise<{ violations: string[]; passes: string[] }> {
  axeSource ??= readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeRule[]; passes: AxeRule[] }> } }).axe;
    const { violations, passes } = await axe.run();
    return { violations: violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) })), passes: passes.map((rule) => rule.id) };
  });
  return {
    violations: result.violations.map((v) => `${v.id}: ${JSON.stringify(v.targets)}`),
    passes: result.passes,
  };
}

/** axe's violations on the page as it is now, each with its nodes' selectors (empty when it passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await runAxe(page)).violations;
}
