import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { Knex } from 'knex';
import {
  isTransientDatabaseError,
  retryTransient,
  transactionWithRetry,
} from './transientErrors';

const databases = createStoreTestDatabases();
const noWait = { delaysMs: [0] };

const failure = (code: string | undefined, message: string) =>
  Object.assign(new Error(message), code ? { code } : {});

describe('isTransientDatabaseError', () => {
  it('recognises lost connections, shutdowns, pool timeouts and lost races', () => {
    for (const error of [
      failure('57P01', 'terminating connection due to administrator command'),
      failure('08006', 'connection failure'),
      failure('40001', 'could not serialize access'),
      failure('40P01', 'deadlock detected'),
      failure('53300', 'sorry, too many clients already'),
      failure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      failure('SQLITE_BUSY', 'database is locked'),
      // knex puts the statement in front of the driver's message
      failure(
        undefined,
        'insert into "perf_runs" ("id") values ($1) - Connection terminated unexpectedly',
      ),
      failure(
        undefined,
        'Client has encountered a connection error and is not queryable',
      ),
      Object.assign(new Error('Knex: Timeout acquiring a connection'), {
        name: 'KnexTimeoutError',
      }),
      new Error('publication failed', {
        cause: failure('57P01', 'terminating connection'),
      }),
    ]) {
      expect(isTransientDatabaseError(error)).toBe(true);
    }
  });

  it('leaves errors that the same request would meet again', () => {
    for (const error of [
      failure('23505', 'duplicate key value violates unique constraint'),
      failure('42601', 'syntax error at or near "selec"'),
      failure('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: t.k'),
      new Error('Connection refused by policy'),
      undefined,
      'Connection terminated',
    ]) {
      expect(isTransientDatabaseError(error)).toBe(false);
    }
  });
});

describe('retryTransient', () => {
  it('runs the work again after transient failures, then gives its result', async () => {
    const work = jest
      .fn()
      .mockRejectedValueOnce(failure('57P01', 'terminating connection'))
      .mockRejectedValueOnce(failure('ECONNRESET', 'read ECONNRESET'))
      .mockResolvedValue('stored');
    await expect(retryTransient(work, noWait)).resolves.toBe('stored');
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last attempt with the database error', async () => {
    const work = jest
      .fn()
      .mockRejectedValue(failure('57P01', 'terminating connection'));
    await expect(
      retryTransient(work, { attempts: 3, delaysMs: [0] }),
    ).rejects.toMatchObject({ code: '57P01' });
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('repeats what the caller counts as transient', async () => {
    const outage = Object.assign(new Error('Request failed with 503'), {
      statusCode: 503,
    });
    const work = jest
      .fn()
      .mockRejectedValueOnce(outage)
      .mockResolvedValue('read');
    await expect(
      retryTransient(work, {
        delaysMs: [0],
        isTransient: e => (e as { statusCode?: number }).statusCode === 503,
      }),
    ).resolves.toBe('read');
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('does not repeat work that failed for another reason', async () => {
    const work = jest.fn().mockRejectedValue(failure('23505', 'duplicate'));
    await expect(retryTransient(work, noWait)).rejects.toMatchObject({
      code: '23505',
    });
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('transactionWithRetry at the commit', () => {
  // A stand-in client whose commit fails after the work ran
  const failingCommit = (error: Error) => {
    const runs: number[] = [];
    const db = {
      transaction: async (work: (tx: unknown) => Promise<unknown>) => {
        runs.push(runs.length + 1);
        await work({});
        throw error;
      },
    } as unknown as Knex;
    return { db, runs };
  };

  it('does not repeat a transaction whose commit may have been stored', async () => {
    const { db, runs } = failingCommit(
      failure(undefined, 'COMMIT; - Connection terminated unexpectedly'),
    );
    await expect(
      transactionWithRetry(db, async () => 'done', noWait),
    ).rejects.toThrow(/Connection terminated/);
    expect(runs).toEqual([1]);
  });

  it('repeats a transaction the server rolled back at its commit', async () => {
    const { db, runs } = failingCommit(
      failure('40001', 'could not serialize access'),
    );
    await expect(
      transactionWithRetry(db, async () => 'done', {
        attempts: 2,
        delaysMs: [0],
      }),
    ).rejects.toMatchObject({ code: '40001' });
    expect(runs).toEqual([1, 2]);
  });
});

describe.each(databases.eachSupportedId())('writes on %s', databaseId => {
  let db: Knex;

  beforeAll(async () => {
    db = await databases.init(databaseId);
    await db.schema.createTable('publications', table => {
      table.string('key').primary();
      table.string('body').notNullable();
    });
    await db.schema.createTable('publication_parts', table => {
      table.string('key').notNullable();
      table.integer('part').notNullable();
    });
  });

  beforeEach(async () => {
    await db('publication_parts').delete();
    await db('publications').delete();
  });

  const counts = async () => ({
    publications: Number((await db('publications').count({ n: '*' }))[0].n),
    parts: Number((await db('publication_parts').count({ n: '*' }))[0].n),
  });

  it('repeats a transaction that failed before its commit, and stores it once', async () => {
    let attempt = 0;
    const stored = await transactionWithRetry(
      db,
      async tx => {
        attempt += 1;
        await tx('publications').insert({ key: 'k1', body: 'run' });
        if (attempt === 1) {
          throw failure(
            databaseId === 'SQLITE_3' ? 'SQLITE_BUSY' : '57P01',
            'the database went away',
          );
        }
        await tx('publication_parts').insert([
          { key: 'k1', part: 1 },
          { key: 'k1', part: 2 },
        ]);
        return attempt;
      },
      noWait,
    );
    expect(stored).toBe(2);
    expect(await counts()).toEqual({ publications: 1, parts: 2 });
  });

  it('settles a lost commit through the idempotency key on the next attempt', async () => {
    let attempt = 0;
    // A publication as the stores write it: look the key up, then insert
    const publish = () =>
      retryTransient(async () => {
        attempt += 1;
        const existing = await db('publications').where({ key: 'k2' }).first();
        if (existing) return { created: false };
        await db.transaction(async tx => {
          await tx('publications').insert({ key: 'k2', body: 'run' });
          await tx('publication_parts').insert({ key: 'k2', part: 1 });
        });
        if (attempt === 1) {
          // Stored, but the answer to COMMIT never arrived
          throw failure(undefined, 'COMMIT; - Connection terminated');
        }
        return { created: true };
      }, noWait);
    await expect(publish()).resolves.toEqual({ created: false });
    expect(attempt).toBe(2);
    expect(await counts()).toEqual({ publications: 1, parts: 1 });
  });

  if (databaseId === 'POSTGRES_15') {
    it('repeats a transaction whose connection was terminated', async () => {
      let attempt = 0;
      await transactionWithRetry(
        db,
        async tx => {
          attempt += 1;
          await tx('publications').insert({ key: 'k3', body: 'run' });
          if (attempt === 1) {
            const { rows } = await tx.raw('select pg_backend_pid() as pid');
            // From another connection of the pool, as an operator would
            await db.raw('select pg_terminate_backend(?)', [rows[0].pid]);
          }
          await tx('publication_parts').insert({ key: 'k3', part: 1 });
        },
        { delaysMs: [50] },
      );
      expect(attempt).toBe(2);
      expect(await counts()).toEqual({ publications: 1, parts: 1 });
    });

    it('recognises what the driver reports for a terminated connection', async () => {
      const error = await db
        .transaction(async tx => {
          const { rows } = await tx.raw('select pg_backend_pid() as pid');
          await db.raw('select pg_terminate_backend(?)', [rows[0].pid]);
          await tx('publications').insert({ key: 'k4', body: 'run' });
        })
        .catch(e => e);
      expect(error).toMatchObject({ message: expect.any(String) });
      expect(isTransientDatabaseError(error)).toBe(true);
      expect(await counts()).toEqual({ publications: 0, parts: 0 });
    });
  }
});
