import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../../src/cli/site-server';

let root: string;
let server: SiteServer;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(scheme: 'http' | 'https', host: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const request = scheme === 'https' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, servername: host, rejectUnauthorized: false, headers: { host, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'site-server-'));
  mkdirSync(join(root, 'www.example.fr/assets'), { recursive: true });
  mkdirSync(join(root, 'beacon.example.net'), { recursive: true });
  writeFileSync(join(root, 'www.example.fr/index.html'), '<!doctype html><title>Accueil</title>'.repeat(20));
  writeFileSync(join(root, 'www.example.fr/assets/app.js'), 'console.log(1);\n'.repeat(50));
  writeFileSync(join(root, 'www.example.fr/assets/photo.jpg'), Buffer.alloc(3000, 7));
  writeFileSync(join(root, 'www.example.fr/secret.txt'), 'not above the host folder');
  writeFileSync(join(root, 'beacon.example.net/pixel.gif'), 'GIF89a');
  writeFileSync(join(root, 'beacon.example.net/_routes.json'), JSON.stringify({ '/collect': { status: 204 } }));
  server = await startSiteServer({ root });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('startSiteServer', () => {
  it('answers plain HTTP and TLS on the same port', async () => {
    const plain = await get('http', 'www.example.fr', '/');
    const tls = await get('https', 'www.example.fr', '/');
    expect(plain.status).toBe(200);
    expect(tls.status).toBe(200);
    expect(tls.body.toString()).toBe(plain.body.toString());
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(server.served.slice(-2).map((record) => record.scheme)).toEqual(['http', 'https']);
  });

  it('gzips text for clients that accept it, never images, and ignores query strings', async () => {
    const script = await get('https', 'www.example.fr', '/assets/app.js?v=3', { 'accept-encoding': 'gzip, br' });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(script.body).toString()).toBe('console.log(1);\n'.repeat(50));
    const photo = await get('https', 'www.example.fr', '/assets/photo.jpg', { 'accept-encoding': 'gzip' });
    expect(photo.headers['content-encoding']).toBeUndefined();
    expect(photo.body.length).toBe(3000);
  });

  it('records the bytes written for each response, headers included', async () => {
    const before = server.served.length;
    const photo = await get('http', 'www.example.fr', '/assets/photo.jpg');
    const record = server.served[before];
    expect(record).toMatchObject({ host: 'www.example.fr', path: '/assets/photo.jpg', status: 200, method: 'GET' });
    // Status line and headers come on top of the 3000-byte body.
    const headerBytes = Object.entries(photo.headers).reduce((sum, [k, v]) => sum + k.length + String(v).length + 4, 0);
    expect(record!.bytes).toBe(3000 + 'HTTP/1.1 200 OK\r\n'.length + headerBytes + 2);
  });

  it('answers 404 for unknown hosts, unknown paths and paths escaping the host folder', async () => {
    expect((await get('https', 'unknown.example.org', '/')).status).toBe(404);
    expect((await get('https', 'www.example.fr', '/nope.css')).status).toBe(404);
    // `..` that stays inside the host folder is fine; out of it, not found.
    expect((await get('http', 'www.example.fr', '/assets/../secret.txt')).status).toBe(200);
    expect((await get('http', 'beacon.example.net', '/pixel.gif')).status).toBe(200);
    expect((await get('http', 'www.example.fr', '/../beacon.example.net/pixel.gif')).status).toBe(404);
    expect((await get('http', 'www.example.fr', '/%2e%2e/beacon.example.net/pixel.gif')).status).toBe(404);
    expect((await get('http', '..', '/www.example.fr/index.html')).status).toBe(404);
    expect((await get('http', 'beacon.example.net', '/_routes.json')).status).toBe(404);
  });

  it('applies a host\'s _routes.json (a 204 beacon endpoint)', async () => {
    const beacon = await get('https', 'beacon.example.net', '/collect?v=2');
    expect(beacon.status).toBe(204);
    expect(beacon.body.length).toBe(0);
  });
});
