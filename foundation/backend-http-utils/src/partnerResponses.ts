import {
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  audienceOfCaller,
  CallerAudience,
} from '@readiness/plugin-partner-common';
import express from 'express';

/**
 * The audience of the user behind a request, or undefined for services and
 * callers without credentials (the plugin's own checks answer those).
 *
 * @public
 */
export async function partnerAudienceOf(
  req: express.Request,
  httpAuth: HttpAuthService,
  userInfo: UserInfoService,
): Promise<Extract<CallerAudience, { type: 'partner' }> | undefined> {
  let credentials;
  try {
    credentials = await httpAuth.credentials(req, { allow: ['user'] });
  } catch {
    return undefined;
  }
  const info = await userInfo.getUserInfo(credentials);
  const audience = audienceOfCaller(info);
  return audience.type === 'partner' ? audience : undefined;
}

/**
 * Holds back a JSON response of an upstream handler and hands it to
 * `rewrite` before it is sent: for views of upstream routers that depend on
 * the caller. Successful JSON answers are rewritten; other answers (errors,
 * streams of other types) pass unchanged. A rewrite that fails sends a 500
 * rather than the original body, so nothing unfiltered goes out.
 *
 * @public
 */
export function rewriteJsonResponse(
  res: express.Response,
  rewrite: (body: unknown) => Promise<unknown>,
): void {
  const chunks: Buffer[] = [];
  const realEnd = res.end.bind(res) as (...args: any[]) => express.Response;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') {
      return;
    }
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            String(chunk),
            typeof encoding === 'string'
              ? (encoding as BufferEncoding)
              : 'utf8',
          ),
    );
  };
  // Streaming handlers flush headers early; they are sent with the new body
  (res as any).flushHeaders = () => undefined;
  (res as any).write = (chunk: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    return true;
  };
  const setHeaders = (headers: Record<string, string | number>) => {
    if (res.headersSent) return;
    res.removeHeader('etag');
    for (const [name, value] of Object.entries(headers)) {
      res.setHeader(name, value);
    }
  };
  (res as any).end = (chunk?: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    const raw = Buffer.concat(chunks);
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode !== 200 || !type.includes('application/json')) {
      return realEnd(raw);
    }
    rewrite(JSON.parse(raw.toString('utf8')))
      .then(body => {
        const text = Buffer.from(JSON.stringify(body), 'utf8');
        setHeaders({ 'content-length': text.length });
        realEnd(text);
      })
      .catch(() => {
        res.statusCode = 500;
        res.removeHeader('content-length');
        res.removeHeader('etag');
        res.setHeader('content-type', 'application/json; charset=utf-8');
        realEnd(
          JSON.stringify({
            error: {
              name: 'Error',
              message: 'The response could not be filtered',
            },
          }),
        );
      });
    return res;
  };
}
