import { randomUUID } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { POSTGRES_CONNECTION_ENV } from '@readiness/backend-test-utils';
import { Client } from 'pg';
import { lockConnection, StartupLock, startupLockKeys } from './StartupLock';

describe('lockConnection', () => {
  it("takes the lock in the server's postgres database unless one is configured", () => {
    expect(
      lockConnection({ host: 'db', port: 5432, user: 'portal', password: 's' }),
    ).toEqual({
      host: 'db',
      port: 5432,
      user: 'portal',
      password: 's',
      database: 'postgres',
    });
    expect(lockConnection({ host: 'db', database: 'portal' })).toEqual({
      host: 'db',
      database: 'portal',
    });
    expect(lockConnection('postgresql://portal@db:5432')).toEqual({
      connectionString: 'postgresql://portal@db:5432/postgres',
    });
    expect(lockConnection('postgresql://portal@db:5432/portal')).toEqual({
      connectionString: 'postgresql://portal@db:5432/portal',
    });
  });
});

describe('startupLockKeys', () => {
  it('gives replicas of one installation one lock, and other installations another', () => {
    expect(startupLockKeys('readiness_replicas_')).toEqual(
      startupLockKeys('readiness_replicas_'),
    );
    expect(startupLockKeys('readiness_replicas_')).not.toEqual(
      startupLockKeys('backstage_plugin_'),
    );
    for (const key of startupLockKeys('backstage_plugin_')) {
      expect(Number.isInteger(key)).toBe(true);
      expect(Math.abs(key)).toBeLessThan(2 ** 31 + 1);
    }
  });
});

const postgres = process.env[POSTGRES_CONNECTION_ENV];
const onPostgres = postgres ? describe : describe.skip;

onPostgres('StartupLock on PostgreSQL', () => {
  const connection = lockConnection(postgres!);
  const logger = mockServices.logger.mock();
  const keysOfTest = () => startupLockKeys(`test_${randomUUID()}_`);

  it('makes a second replica wait until the first has started', async () => {
    const keys = keysOfTest();
    const first = await StartupLock.acquire({ connection, keys, logger });
    const order: string[] = [];
    const second = StartupLock.acquire({
      connection,
      keys,
      logger,
      pollMs: 20,
    }).then(lock => {
      order.push('second acquired');
      return lock;
    });
    await new Promise(resolve => setTimeout(resolve, 300));
    order.push('first released');
    await first.release();
    const lock = await second;
    expect(order).toEqual(['first released', 'second acquired']);
    expect(first.held).toBe(false);
    expect(lock.held).toBe(true);
    await lock.release();
  });

  it('does not make another installation wait', async () => {
    const first = await StartupLock.acquire({
      connection,
      keys: keysOfTest(),
      logger,
    });
    const other = await StartupLock.acquire({
      connection,
      keys: keysOfTest(),
      logger,
      timeoutMs: 0,
    });
    expect([first.held, other.held]).toEqual([true, true]);
    await Promise.all([first.release(), other.release()]);
  });

  it('gives up after the timeout', async () => {
    const keys = keysOfTest();
    const first = await StartupLock.acquire({ connection, keys, logger });
    await expect(
      StartupLock.acquire({
        connection,
        keys,
        logger,
        timeoutMs: 100,
        pollMs: 20,
      }),
    ).rejects.toThrow(/held the start-up lock for more than 0 seconds/);
    await first.release();
  });

  it('frees the lock when the replica holding it loses its connection', async () => {
    const keys = keysOfTest();
    await StartupLock.acquire({ connection, keys, logger });
    // As when the replica's process dies
    const admin = new Client(connection);
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_locks
        where locktype = 'advisory' and classid = $1::bigint::oid and objid = $2::bigint::oid`,
      keys.map(key => (key < 0 ? key + 2 ** 32 : key)),
    );
    await admin.end();
    const next = await StartupLock.acquire({
      connection,
      keys,
      logger,
      timeoutMs: 5_000,
      pollMs: 20,
    });
    expect(next.held).toBe(true);
    await next.release();
  });
});
