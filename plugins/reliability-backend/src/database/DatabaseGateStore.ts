import { randomUUID } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { GateVerdict, Page } from '@readiness/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrations';
import { keysetPage, transactionWithRetry } from '@readiness/store-utils';

/** A verdict as kept. */
export type StoredGateVerdict = GateVerdict & { id: string; decidedAt: string };

type Row = {
  id: string;
  entity_ref: string;
  release: string;
  environment: string;
  status: string;
  reasons: string;
  run_ids: string;
  decided_at: Date | string | number;
};

/** Keeps every verdict of the release gate. */
export class DatabaseGateStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseGateStore> {
    return new DatabaseGateStore(await migratedClient(options.database));
  }

  /**
   * Keeps a verdict. Every call is a verdict of its own (there is no key),
   * so a transient failure is retried only before the commit was sent.
   */
  async addVerdict(verdict: GateVerdict): Promise<StoredGateVerdict> {
    const id = randomUUID();
    const decidedAt = new Date();
    await transactionWithRetry(this.db, tx =>
      tx<Row>('gate_verdicts').insert({
        id,
        entity_ref: verdict.entityRef,
        release: verdict.release,
        environment: verdict.environment,
        status: verdict.status,
        reasons: JSON.stringify(verdict.reasons),
        run_ids: JSON.stringify(verdict.runIds),
        decided_at: decidedAt,
      }),
    );
    return { ...verdict, id, decidedAt: decidedAt.toISOString() };
  }

  /** Verdicts of an entity, newest first. */
  async listVerdicts(
    entityRef: string,
    options: { release?: string; cursor?: string; limit?: number } = {},
  ): Promise<Page<StoredGateVerdict>> {
    const query = this.db<Row>('gate_verdicts').where('entity_ref', entityRef);
    if (options.release) query.where('release', options.release);
    return keysetPage(query, {
      timeColumn: 'decided_at',
      cursor: options.cursor,
      limit: options.limit,
      toItem: (row: Row): StoredGateVerdict => ({
        id: row.id,
        entityRef: row.entity_ref,
        release: row.release,
        environment: row.environment,
        status: row.status as GateVerdict['status'],
        reasons: JSON.parse(row.reasons),
        runIds: JSON.parse(row.run_ids),
        decidedAt: new Date(row.decided_at).toISOString(),
      }),
      positionOf: verdict => ({ at: verdict.decidedAt, id: verdict.id }),
    });
  }
}
