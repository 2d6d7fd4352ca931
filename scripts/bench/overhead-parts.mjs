// Where the extension's page-load overhead comes from (issue 7): the built
// extension next to stripped copies of it — no content scripts, a background
// that registers nothing, or only webRequest listeners that do nothing — each
// in its own browser, in paired rounds against a browser without any
// extension. Slow (about fifteen minutes) and noisy on a 2-core machine, so
// not part of `npm run bench`: run `node scripts/bench/overhead-parts.mjs`
// after `npx wxt build`. Writes the `overhead-parts` section of
// docs/benchmarks.md; with ONLY=a,b (and BLOCKS, ROUNDS) it measures those
// variants alone and only prints.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCostBench, median, percent, quantile } from './extension-cost.mjs';
import { writeSection } from './sections.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const built = join(root, process.env.EMPREINTE_WXT_OUT ?? '.output', 'chrome-mv3');
const work = join(root, '.cache/bench/variants');

const listener = 'const f={urls:["<all_urls>"]};let n=0;const h=()=>{n++;};';
const completed = "chrome.webRequest.onBeforeRedirect.addListener(h,f,['responseHeaders']);chrome.webRequest.onCompleted.addListener(h,f,['responseHeaders']);chrome.webRequest.onErrorOccurred.addListener(h,f);";
const beforeRequest = 'chrome.webRequest.onBeforeRequest.addListener(h,f);';
const headersExtra = "chrome.webRequest.onHeadersReceived.addListener(h,f,['responseHeaders','extraHeaders']);";
const navigation = 'chrome.webNavigation.onCommitted.addListener(h);chrome.webNavigation.onHistoryStateUpdated.addListener(h);chrome.webNavigation.onCompleted.addListener(h);';
/**
 * name, what it is, background.js (null: the built one; 'extensions-off': no
 * extension, the system off), whether the content scripts stay, permissions taken out
 */
const VARIANTS = [
  ['extensions-off', "no extension, and Chromium's extension system switched off (--disable-extensions, Playwright's default)", 'extensions-off', false],
  ['bare', 'an extension that registers nothing, no content script', '// nothing', false],
  ['bare-no-webrequest', 'the same without the webRequest permission', '// nothing', false, ['webRequest']],
  ['content-scripts', 'the content scripts only (nothing answers them)', '// nothing', true],
  ['completed', 'onCompleted, onBeforeRedirect, onErrorOccurred with responseHeaders, doing nothing', listener + completed, false],
  ['before-request', 'the same and onBeforeRequest', `${listener}${beforeRequest}${completed}`, false],
  ['headers', "the same as 'completed' and onHeadersReceived with responseHeaders", `${listener}chrome.webRequest.onHeadersReceived.addListener(h,f,['responseHeaders']);${completed}`, false],
  ['headers-extra', "the same as 'headers' with extraHeaders (Chrome's condition for Set-Cookie)", `${listener}${headersExtra}${completed}`, false],
  ['completed-extra', "'completed' with extraHeaders on onCompleted, and the webNavigation events: a capture from terminal events only", `${listener}chrome.webRequest.onBeforeRedirect.addListener(h,f,['responseHeaders']);chrome.webRequest.onCompleted.addListener(h,f,['responseHeaders','extraHeaders']);chrome.webRequest.onErrorOccurred.addListener(h,f);${navigation}`, false],
  ['same-events', 'every event the built extension listens to, with the same options, doing nothing', `${listener}${beforeRequest}${headersExtra}${completed}${navigation}`, false],
  ['empreinte', 'the built extension', null, true],
];

function makeVariant([name, , background, keepContentScripts, withoutPermissions = []]) {
  if (background === 'extensions-off') return { name, dir: background };
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(built, dir, { recursive: true });
  if (background !== null) writeFileSync(join(dir, 'background.js'), background);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (!keepContentScripts) delete manifest.content_scripts;
  manifest.permissions = manifest.permissions.filter((permission) => !withoutPermissions.includes(permission));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { name, dir };
}

if (!existsSync(join(built, 'manifest.json'))) throw new Error(`${built} is missing: run \`npx wxt build\` first`);
const bench = await loadCostBench();
const blocks = Number(process.env.BLOCKS ?? 3);
const rounds = Number(process.env.ROUNDS ?? 6);
const settleMs = 1500;
// Groups of browsers, each with its own reference: nine browsers at once would weigh on the result.
// ONLY=name,name runs those variants alone (more rounds for a finer answer) and prints, writing nothing.
const only = process.env.ONLY?.split(',');
const groups = only
  ? [VARIANTS.filter((variant) => only.includes(variant[0]))]
  : [VARIANTS.slice(0, 4), VARIANTS.slice(4, 8), VARIANTS.slice(8)];
const rows = [];
for (const group of groups) {
  const times = await bench.measureVariants(join(root, 'demo/site'), [{ name: 'none', dir: null }, ...group.map(makeVariant)], blocks, rounds, settleMs);
  const reference = times[0].ms;
  for (const [i, variant] of group.entries()) {
    const ratios = times[i + 1].ms.map((ms, k) => ms / reference[k]);
    const [low, high] = bench.medianInterval(ratios);
    rows.push(`| ${variant[0]} | ${variant[1]} | ${median(times[i + 1].ms).toFixed(0)} ms / ${median(reference).toFixed(0)} ms | ${percent(median(ratios))} | ${percent(quantile(ratios, 0.25))} to ${percent(quantile(ratios, 0.75))} | ${percent(low)} to ${percent(high)} |`);
  }
  // alone, each variant against each other one too (same rounds)
  if (only) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const ratios = times[b + 1].ms.map((ms, k) => ms / times[a + 1].ms[k]);
        const [low, high] = bench.medianInterval(ratios);
        rows.push(`${group[b][0]} against ${group[a][0]}, same rounds: ${percent(median(ratios))} (middle half ${percent(quantile(ratios, 0.25))} to ${percent(quantile(ratios, 0.75))}; 90 % interval of the median ${percent(low)} to ${percent(high)})`);
      }
    }
  }
}
rmSync(work, { recursive: true, force: true });
if (only) {
  process.stdout.write(`${blocks} launches × ${rounds} rounds\n${rows.join('\n')}\n`);
  process.exit(0);
}
const cpu = cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU';
const lines = [
  '## Where the page-load overhead comes from',
  '',
  'Written by `scripts/bench/overhead-parts.mjs` (not part of `npm run bench`: about fifteen minutes). Stripped copies of the',
  'built extension, each in its own browser, against a browser without any extension (extension support on, as in',
  'every browser people use) in the same paired rounds',
  `(${blocks} launches × ${rounds} rounds, ${settleMs / 1000} s of reading after each load, demo page, cache disabled).`,
  '',
  `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| variant | what it is | load, median (with / without) | overhead, median of paired rounds | middle half | 90 % interval of the median |',
  '|---|---|---:|---:|---|---|',
  ...rows,
  '',
  'How to read it: the middle halves are wide and overlap from one variant to the next: on this machine (server,',
  'browsers and extension on the same 2 cores, a page that loads in under a second from localhost) the paired rounds',
  'tell apart only large costs. The extensions-off row is a browser with the extension system switched off against',
  'the reference, which has it on: what the switch alone changes (the page-load overhead above is measured with it on',
  'in both browsers). Run this on a machine with more cores, the site served from another one, for finer parts.',
  '',
  'Why an extension can cost a page something before it does anything: once an installed extension holds the',
  'webRequest permission, Chromium sends every request of every page through its browser process, listener or not',
  '(`WebRequestAPI::MayHaveProxies()`, extensions/browser/api/web_request/web_request_api.cc); once any listener',
  'asks for extraHeaders, every request also waits at its headers for the browser process, whatever the listener\'s',
  'URL filter (`has_any_extra_headers_listeners_`, web_request_proxying_url_loader_factory.cc). Both are the price of',
  'watching requests from an extension; the CLI (DevTools protocol, no extension) does not pay it.',
];
await writeSection(join(root, 'docs/benchmarks.md'), 'overhead-parts', lines);
process.stdout.write(`${lines.join('\n')}\n`);
