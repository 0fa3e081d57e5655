/*
 * The database fault of the replica test: every connection of the replicas'
 * databases is terminated again and again while clients publish, as an
 * operator (or a PostgreSQL restart or failover) would drop them. Clients
 * behave as the portal's CI client should: on a 503 they wait `Retry-After`
 * (capped, to keep the test short) and send the same publication again.
 * And the uploads a replica is killed in the middle of.
 */
import http from 'node:http';
import { connectLocalPostgres } from '../production/postgres.mjs';

/**
 * Terminates every connection to the databases named `prefix…` every
 * `everyMs` until `signal` aborts; resolves with how many it terminated.
 */
export async function terminateConnections(options: {
  prefix: string;
  everyMs: number;
  signal: AbortSignal;
}): Promise<{ rounds: number; terminated: number }> {
  const client = await connectLocalPostgres('postgres');
  let rounds = 0;
  let terminated = 0;
  try {
    while (!options.signal.aborted) {
      const { rows } = await client.query(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname like $1 and pid <> pg_backend_pid()`,
        [`${options.prefix}%`],
      );
      rounds += 1;
      terminated += rows[0].n;
      await new Promise(resolve => setTimeout(resolve, options.everyMs));
    }
  } finally {
    await client.end();
  }
  return { rounds, terminated };
}

/** One answer a client got. */
export type Answer = {
  status: number;
  retryAfter?: string;
  body: string;
};

/** Every answer to one publication, the last one first settled it. */
export type Publication = { key: string; answers: Answer[] };

/**
 * Sends `count` publications, `concurrency` at a time, each to the next of
 * `targets` in turn; a 503 is sent again (to the same replica) after its
 * `Retry-After`, at most `maxRetryWaitMs`, up to `maxAttempts` times.
 */
export async function publishBurst(options: {
  targets: string[];
  count: number;
  concurrency: number;
  send: (target: string, index: number) => Promise<Answer>;
  maxAttempts?: number;
  maxRetryWaitMs?: number;
}): Promise<Publication[]> {
  const publications: Publication[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      const index = next++;
      const target = options.targets[index % options.targets.length];
      const publication: Publication = { key: String(index), answers: [] };
      publications[index] = publication;
      for (let attempt = 1; ; attempt++) {
        const answer = await options.send(target, index);
        publication.answers.push(answer);
        if (answer.status !== 503 || attempt >= (options.maxAttempts ?? 30)) {
          break;
        }
        const seconds = Number(answer.retryAfter ?? '1');
        await new Promise(resolve =>
          setTimeout(
            resolve,
            Math.min(seconds * 1000, options.maxRetryWaitMs ?? 1000),
          ),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return publications;
}

/** Text an answer must never carry: statements, drivers, stacks. */
export const INTERNAL_TEXT =
  /\b(select|insert into|update|delete from)\b|knex|pg_|node_modules|\.ts:\d+|\bat \S+ \(|"stack"/i;

/**
 * Starts sending `body` to `url` and stops after `sentBytes` of it, with
 * the connection left open as a client in the middle of an upload; resolves
 * once those bytes are written. The returned promise `settled` ends when the
 * connection ends (for a replica killed mid-upload: with an error).
 */
export async function startUpload(options: {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  sentBytes: number;
}): Promise<{ settled: Promise<string> }> {
  const { body, sentBytes } = options;
  const request = http.request(options.url, {
    method: 'POST',
    headers: { ...options.headers, 'Content-Length': String(body.length) },
  });
  const settled = new Promise<string>(resolve => {
    request.on('response', response => {
      response.resume();
      resolve(`answered ${response.statusCode}`);
    });
    request.on('error', error => resolve(`failed: ${error.message}`));
  });
  await new Promise<void>(resolve =>
    request.write(body.subarray(0, sentBytes), () => resolve()),
  );
  return { settled };
}
