import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, noChromiumMessage } from '../../../src/cli/chromium';
import { folderName, joinBrowserArgs, pageUrl } from '../../../src/cli/commands/audit';
import { CliError } from '../../../src/cli/errors';

const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
const fake = join(dir, 'google-chrome');
writeFileSync(fake, '#!/bin/sh\n');
chmodSync(fake, 0o755);
const notExecutable = join(dir, 'chromium');
writeFileSync(notExecutable, '');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes --chromium first, then EMPREINTE_CHROMIUM, then PATH', () => {
    expect(findChromium({ explicit: fake, env: {} })).toBe(fake);
    expect(findChromium({ env: { EMPREINTE_CHROMIUM: fake, PATH: '' } })).toBe(fake);
    // `chromium` in the folder is not executable: skipped for google-chrome.
    expect(findChromium({ env: { PATH: dir } })).toBe(fake);
  });

  it('refuses a given path that is not an executable file, in one line', () => {
    expect(() => findChromium({ explicit: join(dir, 'missing'), env: {} })).toThrow(CliError);
    expect(() => findChromium({ explicit: dir, env: {} })).toThrow(/not an executable file/);
    expect(() => findChromium({ env: { EMPREINTE_CHROMIUM: notExecutable } })).toThrow(/EMPREINTE_CHROMIUM/);
  });

  it('says how to install one when none is found', () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    expect(() => findChromium({ env: { PATH: empty }, installPaths: [join(empty, 'chrome')] })).toThrow(noChromiumMessage);
    expect(findChromium({ env: { PATH: empty }, installPaths: [join(empty, 'chrome'), fake] })).toBe(fake);
  });
});

describe('audit arguments', () => {
  it('accepts http(s) URLs and bare host names, nothing else', () => {
    expect(pageUrl('www.theatre.fr', 'en')).toBe('https://www.theatre.fr/');
    expect(pageUrl('http://a.fr/x?y=1', 'en')).toBe('http://a.fr/x?y=1');
    expect(() => pageUrl('ftp://a.fr/', 'en')).toThrow(CliError);
    expect(() => pageUrl('http://', 'en')).toThrow(/not a valid/);
  });

  it('takes --browser-arg with a dashed value in both spellings', () => {
    expect(joinBrowserArgs(['--browser-arg', '--a=1', 'x.fr', '--browser-arg=--b', '--json'])).toEqual([
      '--browser-arg=--a=1',
      'x.fr',
      '--browser-arg=--b',
      '--json',
    ]);
  });

  it('names one output folder per page, sortable and safe', () => {
    expect(folderName(0, 'https://www.theatre.fr/')).toBe('01-www.theatre.fr');
    expect(folderName(11, 'https://a.fr/saison/2026?x=1')).toBe('12-a.fr-saison-2026');
  });
});
