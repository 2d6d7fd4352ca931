import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesFor, type ConsentOutcome } from '../../../src/cli/audit/consent';
import { safeSlug } from '../../../src/cli/audit/evidence';
import { listFiles } from '../../../src/cli/audit/manifest';
import { sameSiteLinks } from '../../../src/cli/audit/page-audit';
import { consentStateOf } from '../../../src/cli/audit/capture-extras';

const outcome = (over: Partial<ConsentOutcome>): ConsentOutcome => ({ manager: 'axeptio', outcome: 'done', interactionEpochMs: 1, cookiesBefore: new Set(), ...over });

describe('consentStateOf', () => {
  it('says refused or accepted only when the manager confirmed the click', () => {
    expect(consentStateOf(null, null)).toBe('untouched');
    expect(consentStateOf('refuse', outcome({}))).toBe('refused');
    expect(consentStateOf('accept', outcome({}))).toBe('accepted');
    expect(consentStateOf('refuse', outcome({ outcome: 'no-consent-manager', manager: null, interactionEpochMs: null }))).toBe('untouched');
    expect(consentStateOf('accept', outcome({ outcome: 'failed' }))).toBe('unknown');
  });
});

describe('rulesFor', () => {
  it('keeps generic rules and the site-specific rules whose pattern matches the frame', () => {
    const rules = [{ name: 'generic' }, { name: 'here', runContext: { urlPattern: '^https://www\\.lune\\.fr/' } }, { name: 'elsewhere', runContext: { urlPattern: '^https://other\\.fr/' } }, { name: 'broken', runContext: { urlPattern: '(' } }];
    expect(rulesFor(rules, 'https://www.lune.fr/agenda').map((rule) => rule.name)).toEqual(['generic', 'here']);
  });
});

describe('safeSlug', () => {
  it('cannot leave the pages folder', () => {
    expect(safeSlug('theatre.fr/agenda')).toBe('theatre.fr-agenda');
    expect(safeSlug('../../etc')).toBe('etc');
    expect(safeSlug('..')).toBe('page');
    expect(safeSlug('Été 2026')).toBe('t-2026');
  });
});

describe('sameSiteLinks', () => {
  it('keeps links of the same registrable domain, without fragments, once', () => {
    const links = [
      { href: 'https://www.lune.fr/agenda#mars', text: 'Agenda' },
      { href: 'https://www.lune.fr/agenda', text: 'Agenda (bis)' },
      { href: 'https://billetterie.lune.fr/', text: 'Billetterie' },
      { href: 'https://www.facebook.com/lune', text: 'Facebook' },
      { href: 'not a url', text: 'x' },
    ];
    expect(sameSiteLinks(links, 'https://www.lune.fr/')).toEqual([
      { href: 'https://www.lune.fr/agenda', text: 'Agenda' },
      { href: 'https://billetterie.lune.fr/', text: 'Billetterie' },
    ]);
  });
});

describe('listFiles', () => {
  it('lists every file but the manifest and the crawl state, sorted, with forward slashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empreinte-manifest-'));
    try {
      mkdirSync(join(dir, 'pages/a'), { recursive: true });
      mkdirSync(join(dir, '.crawl/queue'), { recursive: true });
      for (const file of ['results.jsonl', 'manifest.json', 'pages/a/none.har', 'pages/a/none.png', '.crawl/queue/x.json']) writeFileSync(join(dir, file), 'x');
      expect(await listFiles(dir)).toEqual(['pages/a/none.har', 'pages/a/none.png', 'results.jsonl']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
