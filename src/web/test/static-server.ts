/**
 * A tiny server for the built app (dist/web) with the single-page fallback: any GET that is not
 * a file gets index.html, as the real server must do for /evaluations/12 and the like. An
 * optional handler answers /api (the mock API of the screenshots).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function serveStatic(root: string, api?: ApiHandler, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/')) {
      if (api) return void Promise.resolve(api(req, res)).catch((e: unknown) => { res.statusCode = 500; res.end(String(e)); });
      res.statusCode = 404;
      return void res.end('{"error":{"code":"NOT_FOUND","message":"no API here"}}');
    }
    const file = join(root, normalize(path).replace(/^(\.\.[/\\])+/u, ''));
    const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    res.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
