import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../../src/core/report';
import { isOneLine, runCli } from './cli-io';

const zdnet = 'tests/fixtures/hars/www.zdnet.com.har';
const wikipedia = 'tests/fixtures/hars/www.wikipedia.org.har';
const scratch = () => mkdtempSync(join(tmpdir(), 'empreinte-analyze-'));

describe('empreinte analyze', () => {
  it('--json on a one-page HAR prints exactly one Report on one line', async () => {
    const run = await runCli(['analyze', zdnet, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(isOneLine(run.stdout)).toBe(true);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.page.url).toBe('http://www.zdnet.com/');
    expect(report.footprint.requests).toBe(343);
    expect(report.versions.tool).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.thirdParties.length).toBeGreaterThan(24);
  });

  it('--json on a two-page HAR prints one parseable line per page', async () => {
    const run = await runCli(['analyze', wikipedia, '--json']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => Report.parse(JSON.parse(line))).not.toThrow();
  });

  it('without --json prints the readable summary, naming the third-party domains', async () => {
    const run = await runCli(['analyze', zdnet]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Third-party domains: 63');
    expect(run.stdout).toContain('doubleclick.net');
    expect(run.stdout).toContain('Google/Doubleclick Ads');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('--out writes report.json (the Report) and report.html for a one-page HAR', async () => {
    const dir = join(scratch(), 'nested', 'out');
    const run = await runCli(['analyze', zdnet, '--json', '--out', dir, '--lang', 'fr']);
    expect(run.code).toBe(0);
    expect(isOneLine(run.stdout)).toBe(true);
    expect(run.stderr).toContain('report.json');
    const written = Report.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    expect(written).toEqual(JSON.parse(run.stdout));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('doubleclick.net');
  });

  it('--out numbers the files of a several-page HAR', async () => {
    const dir = scratch();
    expect((await runCli(['analyze', wikipedia, '--out', dir])).code).toBe(0);
    for (const name of ['report-1.json', 'report-1.html', 'report-2.json', 'report-2.html']) {
      expect(existsSync(join(dir, name))).toBe(true);
    }
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });

  it('--help prints the synopsis', async () => {
    const run = await runCli(['analyze', '--help'], { lang: 'fr' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('empreinte analyze FICHIER.har');
  });

  it('a relative path is read from the working directory given by the CLI', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'page.har'), readFileSync(wikipedia));
    const run = await runCli(['analyze', 'page.har', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
  });
});

describe('empreinte analyze: errors are one line, no stack', () => {
  const failing = async (args: string[], code: number, message: RegExp) => {
    const run = await runCli(['analyze', ...args]);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(isOneLine(run.stderr)).toBe(true);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(run.stderr).toMatch(message);
  };
  const write = (name: string, text: string) => {
    const path = join(scratch(), name);
    writeFileSync(path, text);
    return path;
  };

  it('missing file', () => failing(['missing.har'], 1, /^empreinte analyze: cannot read missing\.har: no such file\n$/));

  it('missing file, in French', async () => {
    const run = await runCli(['analyze', 'absent.har'], { lang: 'fr' });
    expect(run.stderr).toBe('empreinte analyze: impossible de lire absent.har : fichier introuvable\n');
  });

  it('a directory', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'x.har'));
    return failing([join(dir, 'x.har')], 1, /it is a directory/);
  });

  it('not JSON: the position', () => failing([write('a.har', '{\n "log": nope\n}')], 1, /a\.har: not valid JSON at line 2, column 9: unexpected character "n"\n$/));

  it('truncated HAR', () => {
    const text = readFileSync(zdnet, 'utf8');
    return failing([write('cut.har', text.slice(0, 5000))], 1, /cut\.har: not valid JSON: the file ends too early/);
  });

  it('JSON but not a HAR', () => failing([write('b.har', '{"hello": 1}')], 1, /b\.har: not a HAR file/));

  it('an entry without request.url', () => {
    const har = JSON.parse(readFileSync(wikipedia, 'utf8'));
    delete har.log.entries[3].request.url;
    return failing([write('c.har', JSON.stringify(har))], 1, /c\.har: invalid HAR: log\.entries\.3\.request\.url: /);
  });

  it('no file given, or two', async () => {
    await failing([], 2, /give exactly one HAR file/);
    await failing([zdnet, wikipedia], 2, /give exactly one HAR file/);
  });

  it('an unknown option', () => failing([zdnet, '--jsn'], 2, /Unknown option '--jsn'/));

  it('an output directory that cannot be created', async () => {
    const file = write('plain-file', 'x');
    const run = await runCli(['analyze', zdnet, '--json', '--out', join(file, 'sub')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write into .*plain-file\/sub: /);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
