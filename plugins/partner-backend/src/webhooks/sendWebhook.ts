/*
 * One HTTP POST of a delivery. The connection goes to the address the policy
 * checked: the request's `lookup` hook answers that address instead of asking
 * DNS again, while the URL's host stays the Host header and the TLS server
 * name, so certificates are checked against the name. Redirects are not
 * followed (a 3xx is a failed attempt), the whole exchange has a deadline,
 * and only the start of the answer is kept.
 */
import http from 'node:http';
import https from 'node:https';
import { LookupFunction } from 'node:net';
import { ResolvedAddress } from './addressPolicy';

/** What one attempt gave. */
export type SendOutcome = {
  durationMs: number;
  /** The receiver's status, when it answered. */
  status?: number;
  /** The start of its answer, as text. */
  body?: string;
  /** Why there was no answer, or why a 3xx was not followed. */
  error?: string;
};

/** A request about to connect: tests use it to prove where connections go. */
export type ConnectHook = (target: {
  address: string;
  family: 4 | 6;
  port: number;
  host: string;
}) => void;

export type SendWebhookRequest = {
  url: URL;
  /** The checked address to connect to. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxResponseBytes: number;
  onConnect?: ConnectHook;
};

/** Sends one delivery attempt; never throws, the outcome says what happened. */
export function sendWebhook(request: SendWebhookRequest): Promise<SendOutcome> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1000000n);
  const { url, address } = request;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

  return new Promise<SendOutcome>(resolve => {
    let settled = false;
    const timer: { deadline?: NodeJS.Timeout } = {};
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer.deadline);
      resolve({ durationMs: elapsed(), ...outcome });
    };

    const lookup: LookupFunction = (_hostname, options, callback) => {
      const all = (options as { all?: boolean }).all;
      if (all) {
        (callback as any)(null, [
          { address: address.address, family: address.family },
        ]);
      } else {
        callback(null, address.address, address.family);
      }
    };

    let req: http.ClientRequest;
    try {
      request.onConnect?.({
        address: address.address,
        family: address.family,
        port,
        host: url.hostname,
      });
      const client = url.protocol === 'https:' ? https : http;
      req = client.request({
        protocol: url.protocol,
        // An IP literal is dialled as it is; a name goes through the hook
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          ...request.headers,
          'content-length': String(Buffer.byteLength(request.body)),
        },
        lookup,
        // A fresh connection per attempt: no pooled socket skips the check
        agent: false,
        ...(url.protocol === 'https:' && { servername: url.hostname }),
      });
    } catch (error) {
      finish({ error: `not sent: ${(error as Error).message}` });
      return;
    }

    timer.deadline = setTimeout(() => {
      req.destroy(new Error(`no answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);

    req.on('error', error => finish({ error: error.message }));
    req.on('response', res => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        finish({
          status,
          body,
          ...(status >= 300 &&
            status < 400 && {
              error: `redirect${
                location ? ` to ${String(location).slice(0, 200)}` : ''
              } not followed`,
            }),
        });
      };
      res.on('data', (chunk: Buffer) => {
        if (kept < request.maxResponseBytes) {
          const part = chunk.subarray(0, request.maxResponseBytes - kept);
          chunks.push(part);
          kept += part.length;
        }
        if (kept >= request.maxResponseBytes) {
          // Enough to show; the rest is not read
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', error =>
        finish({ status: res.statusCode, error: error.message }),
      );
    });
    req.end(request.body);
  });
}
