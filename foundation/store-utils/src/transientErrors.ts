/*
 * Database failures that say nothing about the request: the connection was
 * lost or refused, the server is shutting down or restarting, the pool had no
 * connection to give, or the transaction lost a race with another one and was
 * rolled back. The same request can succeed a moment later, so writes retry
 * them where that is safe and HTTP answers them with a 503 (backend-http-utils)
 * instead of a 500 that carries the database's text.
 */
import { Knex } from 'knex';

// PostgreSQL SQLSTATEs: connection exceptions, a transaction rolled back for
// serialization or a deadlock, too many connections, the server going away
const TRANSIENT_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '40001',
  '40P01',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

// A transaction that failed with one of these was rolled back by the server
const ROLLED_BACK_SQLSTATES = new Set(['40001', '40P01']);

// Socket errors from the driver, and SQLite's busy and locked results
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_LOCKED',
]);

// What the pg driver and knex's pool say when they have no usable connection;
// knex puts the statement in front of the message, so these are not anchored
const TRANSIENT_MESSAGES = [
  /Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /Timeout acquiring a connection/,
];

type ErrorShape = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
};

function* causeChain(error: unknown): Generator<ErrorShape> {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    yield current as ErrorShape;
    current = (current as ErrorShape).cause;
  }
}

/**
 * Whether an error is a transient database failure (lost or refused
 * connection, server shutdown, pool timeout, serialization failure or
 * deadlock, SQLite busy), on PostgreSQL or SQLite, also when it is the cause
 * of another error.
 *
 * @public
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (const e of causeChain(error)) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_CODES.has(code))) {
      return true;
    }
    if (e.name === 'KnexTimeoutError') return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (TRANSIENT_MESSAGES.some(pattern => pattern.test(message))) {
      return true;
    }
  }
  return false;
}

function isRolledBack(error: unknown): boolean {
  for (const e of causeChain(error)) {
    if (typeof e.code === 'string' && ROLLED_BACK_SQLSTATES.has(e.code)) {
      return true;
    }
  }
  return false;
}

/**
 * How often a write is tried when the database fails transiently.
 *
 * @public
 */
export interface TransientRetryOptions {
  /** How many times the work runs at most; 4 when not given. */
  attempts?: number;
  /** Milliseconds to wait before each further attempt; the last one repeats. */
  delaysMs?: number[];
  /**
   * Which failures are worth another attempt; transient database failures
   * when not given. (A read of another service may count its outages too.)
   */
  isTransient?: (error: unknown) => boolean;
}

const DEFAULT_ATTEMPTS = 4;
const DEFAULT_DELAYS_MS = [50, 200, 500];

function delayBefore(attempt: number, options: TransientRetryOptions): number {
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  if (delays.length === 0) return 0;
  return delays[Math.min(attempt - 2, delays.length - 1)];
}

const sleep = (ms: number) =>
  new Promise<void>(resolve => {
    setTimeout(resolve, ms);
  });

/**
 * Runs `work` again when it fails with a transient database error, a few
 * times with a short wait, then throws the last error. Only for work that is
 * safe to repeat whatever the failed attempt left behind: a publication that
 * looks up its idempotency key before it writes, an upsert, a replacement.
 * Such work also settles a commit whose outcome is unknown (the connection
 * was lost during COMMIT): the next attempt finds what was stored.
 *
 * @public
 */
export async function retryTransient<T>(
  work: () => Promise<T>,
  options: TransientRetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const transient = options.isTransient ?? isTransientDatabaseError;
      if (attempt >= attempts || !transient(error)) throw error;
    }
    await sleep(delayBefore(attempt + 1, options));
  }
}

/**
 * Runs `work` in one transaction, and the whole transaction again when it
 * fails with a transient database error before its commit was sent: the
 * server has rolled it back, nothing of it is stored, and trying again
 * cannot store it twice. A transient failure of the commit itself is thrown
 * as it is (unless the server says it rolled the transaction back): whether
 * it was stored is unknown, and only an idempotency key can tell.
 *
 * @public
 */
export async function transactionWithRetry<T>(
  db: Knex,
  work: (tx: Knex.Transaction) => Promise<T>,
  options: TransientRetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    let committing = false;
    try {
      return await db.transaction(async tx => {
        const result = await work(tx);
        committing = true;
        return result;
      });
    } catch (error) {
      const safe =
        isTransientDatabaseError(error) && (!committing || isRolledBack(error));
      if (attempt >= attempts || !safe) throw error;
    }
    await sleep(delayBefore(attempt + 1, options));
  }
}
