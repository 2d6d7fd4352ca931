/**
 * Times analyse() on synthetic captures of 300 and 3,000 requests and on the
 * real HAR files in tests/fixtures/hars. Run through scripts/bench.mjs, which
 * bundles this file with esbuild (Node 20 cannot run TypeScript).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src/core/analyse';
import type { PageCapture, CapturedRequest, ResourceType } from '../../src/core/capture';
import { loadCatalogs } from '../../src/data/index';
import { harToCaptures } from '../../src/collect/har';

const catalogs = loadCatalogs();
const options = { toolVersion: 'bench' };

const hosts = [
  'www.theatre-de-la-lune.fr', 'fonts.googleapis.com', 'fonts.gstatic.com', 'www.googletagmanager.com',
  'region1.google-analytics.com', 'connect.facebook.net', 'www.facebook.com', 'www.youtube.com', 'i.ytimg.com',
  'widget.weezevent.com', 'client.crisp.chat', 'cdn.jsdelivr.net', 'static.doubleclick.net', 'cdn-0.example-cdn.com',
];
const types: ResourceType[] = ['script', 'image', 'stylesheet', 'font', 'xhr', 'image', 'script', 'beacon'];

export function syntheticCapture(count: number): PageCapture {
  const requests: CapturedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const host = hosts[i % hosts.length] ?? hosts[0]!;
    requests.push({
      url: `https://${i % 97 === 0 ? `sub${i}.` : ''}${host}/asset/${i}.bin?v=${i}`,
      type: i === 0 ? 'document' : (types[i % types.length] ?? 'other'),
      status: 200,
      mimeType: null,
      fromCache: i % 23 === 0,
      bytes: i % 11 === 0 ? null : 1000 + ((i * 7919) % 90_000),
      bytesSource: i % 11 === 0 ? null : 'cdp',
      startTime: i * 3,
      frameId: null,
      initiator: null,
      error: null,
    });
  }
  return {
    schemaVersion: 1,
    page: {
      url: 'https://www.theatre-de-la-lune.fr/', finalUrl: 'https://www.theatre-de-la-lune.fr/', title: 'bench',
      capturedAt: '2026-11-29T00:00:00.000Z', method: 'cdp', consentState: 'untouched', softNavigation: false,
      documentFromCache: false, complete: true, agent: null, viewport: null,
    },
    requests,
    droppedRequests: { count: 0, bytes: 0 },
    cookies: null,
    dom: null,
  };
}

function time(fn: () => unknown, runs: number): { median: number; p90: number } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, p90: samples[Math.floor(runs * 0.9)]! };
}

export interface AnalyseRow {
  name: string;
  requests: number;
  /** with the action plan (the default), or `{ plan: false }` */
  plan: boolean;
  median: number;
  p90: number;
}

/**
 * Each capture twice: without the action plan (`{ plan: false }`: the
 * analysis alone) and with it (every candidate action simulated).
 */
export function runAnalyseBench(harDir: string): AnalyseRow[] {
  const rows: AnalyseRow[] = [];
  const both = (name: string, capture: PageCapture, runs: number) => {
    for (const plan of [false, true]) {
      const timing = time(() => analyse(capture, catalogs, { ...options, plan }), plan ? Math.ceil(runs / 2) : runs);
      rows.push({ name, requests: capture.requests.length, plan, ...timing });
    }
  };
  for (const count of [300, 3000]) both(`synthetic ${count} requests`, syntheticCapture(count), count > 1000 ? 50 : 200);
  for (const file of readdirSync(harDir).filter((f) => f.endsWith('.har')).sort()) {
    const captures = harToCaptures(JSON.parse(readFileSync(join(harDir, file), 'utf8')));
    const capture = captures[0];
    if (capture) both(file, capture, 100);
  }
  return rows;
}
