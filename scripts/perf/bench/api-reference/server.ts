/*
 * A static server for the harness pages: `/page/<renderer>?spec=<id>`, the
 * renderers' assets under `/assets/<renderer>/` (with their chunks), and the corpus definitions
 * under `/spec/<id>`. Loopback only.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CACHE } from './assets';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export interface HarnessRoutes {
  /** The HTML of a renderer's page for a definition. */
  page(renderer: string, spec: string): string | undefined;
  /** The corpus file of a definition. */
  specFile(spec: string): string | undefined;
}

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

function send(
  response: http.ServerResponse,
  status: number,
  type: string,
  body: Buffer | string,
) {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
  });
  response.end(body);
}

export function startHarnessServer(
  port: number,
  routes: HarnessRoutes,
): Promise<HarnessServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, kind, first, ...rest] = url.pathname.split('/');
    const second = rest.join('/');
    if (kind === 'page' && first) {
      const html = routes.page(first, url.searchParams.get('spec') ?? '');
      if (html) {
        send(response, 200, TYPES['.html'], html);
        return;
      }
    }
    if (kind === 'spec' && first) {
      const file = routes.specFile(first);
      if (file) {
        send(
          response,
          200,
          TYPES[path.extname(file)] ?? 'text/plain',
          fs.readFileSync(file),
        );
        return;
      }
    }
    if (kind === 'assets' && first && second && !rest.includes('..')) {
      const file = path.join(CACHE, 'assets', first, second);
      if (fs.existsSync(file)) {
        send(
          response,
          200,
          TYPES[path.extname(file)] ?? 'application/octet-stream',
          fs.readFileSync(file),
        );
        return;
      }
    }
    send(response, 404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', error =>
      reject(
        new Error(
          `cannot serve the harness on 127.0.0.1:${port} (${error.message}); set BENCH_PORT`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>(done => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}
