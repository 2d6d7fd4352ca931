/**
 * The local "fake internet": one port that answers HTTP and HTTPS for any host
 * name, serving `root/<host>/<path>`. Chromium is pointed at it with
 * `--host-resolver-rules=MAP * 127.0.0.1:PORT, EXCLUDE localhost` (the port
 * rewrites both :80 and :443) and `--ignore-certificate-errors`, so that a
 * page and its third parties load under their real host names, offline.
 *
 * It records every response with the bytes it wrote (status line, headers and
 * body, as an HTTP/1.1 client receives them) so that tests can compare the
 * CLI's CDP figures with what really crossed the socket.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { testCert, testKey } from './certs/self-signed';

export interface ServedRecord {
  host: string;
  /** the request path, query string excluded */
  path: string;
  method: string;
  scheme: 'http' | 'https';
  status: number;
  /** bytes written on the socket for this response: status line, headers and body */
  bytes: number;
}

export interface SiteServer {
  port: number;
  /**
   * `https://host/path`: the address as a page names it. A Chromium started
   * with the resolver rules above reaches this server for it (the rules
   * rewrite the port too, so `https://host:PORT/path` would work as well).
   */
  url(host: string, path?: string): string;
  served: ServedRecord[];
  close(): Promise<void>;
}

export interface SiteServerOptions {
  /** a folder holding one folder per host name */
  root: string;
  /** 0 or absent: a free port */
  port?: number;
}

/** Optional per-host `_routes.json`: `{ "/path": { "status": 204, "headers": {…} } }`. */
interface Route {
  status?: number;
  headers?: Record<string, string>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const compressible = (type: string): boolean => /^text\/|json|xml|svg|javascript/.test(type);
const validHost = /^[a-z0-9.-]{1,253}$/;

export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const root = resolve(options.root);
  const served: ServedRecord[] = [];
  const sockets = new Set<Socket>();
  const routeCache = new Map<string, Record<string, Route>>();

  const routesFor = async (host: string): Promise<Record<string, Route>> => {
    let routes = routeCache.get(host);
    if (!routes) {
      try {
        routes = JSON.parse(await readFile(join(root, host, '_routes.json'), 'utf8')) as Record<string, Route>;
      } catch {
        routes = {};
      }
      routeCache.set(host, routes);
    }
    return routes;
  };

  const handler = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    req.resume(); // bodies (beacons, POSTed logs) are read and ignored
    respond(scheme, req, res).catch(() => {
      if (!res.headersSent) send(res, scheme, '?', '?', req.method ?? 'GET', 500, {}, Buffer.alloc(0));
      else res.destroy();
    });
  };

  const send = (
    res: ServerResponse,
    scheme: 'http' | 'https',
    host: string,
    path: string,
    method: string,
    status: number,
    headers: Record<string, string>,
    body: Buffer,
  ) => {
    res.once('finish', () => {
      // `_header` is the exact status line and header block Node wrote.
      const head = (res as unknown as { _header?: string | null })._header ?? '';
      served.push({ host, path, method, scheme, status, bytes: Buffer.byteLength(head, 'latin1') + body.length });
    });
    res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
    res.end(method === 'HEAD' ? undefined : body);
  };

  const respond = async (scheme: 'http' | 'https', req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let path = rawPath;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      // a malformed escape cannot name a file: 404 below
    }
    const common: Record<string, string> = { Date: new Date().toUTCString(), 'Access-Control-Allow-Origin': '*' };
    const notFound = () =>
      send(res, scheme, host, rawPath, method, 404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Not found\n'));
    if (!validHost.test(host) || host.includes('..')) return notFound();
    const hostDir = join(root, host);
    let file = resolve(hostDir, `.${path}`);
    if (file !== hostDir && !file.startsWith(hostDir + sep)) return notFound();
    if (file.endsWith(`${sep}_routes.json`)) return notFound();

    const route = (await routesFor(host))[rawPath] ?? {};
    const headers: Record<string, string> = { ...common, 'Cache-Control': 'public, max-age=3600', ...(route.headers ?? {}) };
    const status = route.status ?? 200;
    if (status === 204 || (status >= 300 && status < 400)) {
      return send(res, scheme, host, rawPath, method, status, headers, Buffer.alloc(0));
    }

    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const content = await readFile(file).catch(() => null);
    if (!content) return notFound();
    // A route may name the type of an extension-less endpoint (`/gtag/js`, `/tr`).
    const type = headers['Content-Type'] ?? contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body = content;
    headers['Content-Type'] = type;
    if (compressible(type)) {
      headers['Vary'] = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(content);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    return send(res, scheme, host, rawPath, method, status, headers, body);
  };

  const http = createHttpServer(handler('http'));
  const https = createHttpsServer({ key: testKey, cert: testCert }, handler('https'));
  // One port for both schemes: a TLS connection starts with a handshake
  // record (first byte 0x16); anything else is plain HTTP.
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = front.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    served,
    url: (host, path = '/') => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        http.close();
        https.close();
        front.close(() => resolveClose());
      }),
  };
}
