import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  PartnerApp,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEvent,
} from '@readiness/plugin-partner-common';
import {
  isoTime,
  isUniqueViolation,
  keysetPage,
  migratedClient,
  retryTransient,
  transactionWithRetry,
} from '@readiness/store-utils';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-partner-backend',
  'migrations',
);

type Time = Date | string | number;

type EndpointRow = {
  id: string;
  app_id: string;
  org: string;
  url: string;
  description: string | null;
  event_types: string;
  secret: string;
  secret_created_at: Time;
  previous_secret: string | null;
  previous_secret_expires_at: Time | null;
  status: 'active' | 'disabled';
  disabled_at: Time | null;
  disabled_reason: string | null;
  consecutive_failures: number;
  created_by: string;
  created_at: Time;
  updated_at: Time;
  deleted_at: Time | null;
};

type EventRow = {
  id: string;
  app_id: string;
  org: string;
  type: string;
  payload: string;
  idempotency_key: string;
  content_hash: string;
  pushed_by: string;
  created_at: Time;
};

type DeliveryRow = {
  id: string;
  event_id: string;
  endpoint_id: string;
  app_id: string;
  org: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Time | null;
  claim_token: string | null;
  last_attempt_at: Time | null;
  last_response_status: number | null;
  last_error: string | null;
  created_at: Time;
  completed_at: Time | null;
  replay_of: string | null;
};

type AttemptRow = {
  delivery_id: string;
  attempt: number;
  started_at: Time;
  duration_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
};

/** An endpoint as stored, with its secrets (never answered as such). */
export type StoredEndpoint = {
  id: string;
  appId: string;
  org: string;
  url: string;
  description?: string;
  eventTypes: string[];
  secret: string;
  secretCreatedAt: string;
  previousSecret?: string;
  previousSecretExpiresAt?: string;
  status: 'active' | 'disabled';
  disabledAt?: string;
  disabledReason?: string;
  consecutiveFailures: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A delivery a worker run took, with its lease. */
export type ClaimedDelivery = WebhookDelivery & { claimToken: string };

function toEndpoint(row: EndpointRow): StoredEndpoint {
  return {
    id: row.id,
    appId: row.app_id,
    org: row.org,
    url: row.url,
    ...(row.description !== null && { description: row.description }),
    eventTypes: JSON.parse(row.event_types),
    secret: row.secret,
    secretCreatedAt: isoTime(row.secret_created_at),
    ...(row.previous_secret !== null && {
      previousSecret: row.previous_secret,
    }),
    ...(row.previous_secret_expires_at !== null && {
      previousSecretExpiresAt: isoTime(row.previous_secret_expires_at),
    }),
    status: row.status,
    ...(row.disabled_at !== null && { disabledAt: isoTime(row.disabled_at) }),
    ...(row.disabled_reason !== null && {
      disabledReason: row.disabled_reason,
    }),
    consecutiveFailures: Number(row.consecutive_failures),
    createdBy: row.created_by,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

function toEvent(row: EventRow): WebhookEvent {
  return {
    id: row.id,
    appId: row.app_id,
    org: row.org,
    type: row.type,
    idempotencyKey: row.idempotency_key,
    payload: JSON.parse(row.payload),
    pushedBy: row.pushed_by,
    createdAt: isoTime(row.created_at),
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    appId: row.app_id,
    org: row.org,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    ...(row.status === 'pending' &&
      row.next_attempt_at !== null && {
        nextAttemptAt: isoTime(row.next_attempt_at),
      }),
    ...(row.last_attempt_at !== null && {
      lastAttemptAt: isoTime(row.last_attempt_at),
    }),
    ...(row.last_response_status !== null && {
      lastResponseStatus: Number(row.last_response_status),
    }),
    ...(row.last_error !== null && { lastError: row.last_error }),
    createdAt: isoTime(row.created_at),
    ...(row.completed_at !== null && {
      completedAt: isoTime(row.completed_at),
    }),
    ...(row.replay_of !== null && { replayOf: row.replay_of }),
  };
}

function toAttempt(row: AttemptRow): WebhookAttempt {
  return {
    attempt: Number(row.attempt),
    startedAt: isoTime(row.started_at),
    durationMs: Number(row.duration_ms),
    ...(row.response_status !== null && {
      responseStatus: Number(row.response_status),
    }),
    ...(row.response_body !== null && { responseBody: row.response_body }),
    ...(row.error !== null && { error: row.error }),
  };
}

/** A new endpoint: what the service decided. */
export type NewEndpoint = {
  url: string;
  description?: string;
  eventTypes: string[];
  secret: string;
  createdBy: string;
};

/** What an endpoint update may change. */
export type EndpointChanges = {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  /** `active` also clears the run of failures. */
  status?: 'active' | 'disabled';
  disabledReason?: string;
};

/** A pushed event as the service checked it. */
export type NewEvent = {
  app: PartnerApp;
  type: string;
  payload: unknown;
  idempotencyKey: string;
  contentHash: string;
  pushedBy: string;
};

/** What an attempt did, and what follows for the delivery. */
export type AttemptRecord = {
  delivery: ClaimedDelivery;
  attempt: WebhookAttempt;
  succeeded: boolean;
  /** When to try again; undefined fails the delivery for good. */
  retryAt?: Date;
  now: Date;
  /** Failed attempts in a row that disable the endpoint. */
  disableAfterFailures: number;
};

const PENDING_FAILURE = (reason: string) => ({
  status: 'failed' as const,
  next_attempt_at: null,
  claim_token: null,
  last_error: reason,
});

/**
 * Webhook endpoints, pushed events and their deliveries. The deliveries table
 * is the queue: a push inserts one pending row per subscribed endpoint in the
 * transaction that stores the event, and worker runs claim due rows (on
 * PostgreSQL with FOR UPDATE SKIP LOCKED, so replicas never take the same
 * row; SQLite has one writer at a time) under a lease that a replica killed
 * mid-delivery lets run out, after which the row is due again.
 */
export class DatabaseWebhookStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseWebhookStore> {
    return new DatabaseWebhookStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  /** Adds an endpoint unless the app has its limit of them. */
  async createEndpoint(
    app: PartnerApp,
    endpoint: NewEndpoint,
    options: { endpointsPerApp: number; now: Date },
  ): Promise<StoredEndpoint> {
    return transactionWithRetry(this.db, async tx => {
      await lockKey(tx, `partner-app-webhooks:${app.id}`);
      const [{ n }] = await tx('partner_webhook_endpoints')
        .where('app_id', app.id)
        .whereNull('deleted_at')
        .count<{ n: number | string }[]>({ n: '*' });
      if (Number(n) >= options.endpointsPerApp) {
        throw new ConflictError(
          `app ${app.name} has ${options.endpointsPerApp} webhook endpoints, its limit; delete one first`,
        );
      }
      const row: EndpointRow = {
        id: randomUUID(),
        app_id: app.id,
        org: app.org,
        url: endpoint.url,
        description: endpoint.description ?? null,
        event_types: JSON.stringify(endpoint.eventTypes),
        secret: endpoint.secret,
        secret_created_at: options.now,
        previous_secret: null,
        previous_secret_expires_at: null,
        status: 'active',
        disabled_at: null,
        disabled_reason: null,
        consecutive_failures: 0,
        created_by: endpoint.createdBy,
        created_at: options.now,
        updated_at: options.now,
        deleted_at: null,
      };
      await tx('partner_webhook_endpoints').insert(row);
      return toEndpoint(row);
    });
  }

  async getEndpoint(endpointId: string): Promise<StoredEndpoint | undefined> {
    const row = await this.db<EndpointRow>('partner_webhook_endpoints')
      .where('id', endpointId)
      .whereNull('deleted_at')
      .first();
    return row ? toEndpoint(row) : undefined;
  }

  async listEndpoints(appId: string): Promise<StoredEndpoint[]> {
    const rows = await this.db<EndpointRow>('partner_webhook_endpoints')
      .where('app_id', appId)
      .whereNull('deleted_at')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toEndpoint);
  }

  /**
   * Changes an endpoint. Disabling it fails its pending deliveries (they can
   * be replayed once it is enabled again); enabling it clears its failures.
   */
  async updateEndpoint(
    endpointId: string,
    changes: EndpointChanges,
    now: Date,
  ): Promise<StoredEndpoint | undefined> {
    await transactionWithRetry(this.db, async tx => {
      const update: Partial<EndpointRow> = { updated_at: now };
      if (changes.url !== undefined) update.url = changes.url;
      if (changes.description !== undefined) {
        update.description = changes.description;
      }
      if (changes.eventTypes !== undefined) {
        update.event_types = JSON.stringify(changes.eventTypes);
      }
      if (changes.status === 'active') {
        Object.assign(update, {
          status: 'active',
          disabled_at: null,
          disabled_reason: null,
          consecutive_failures: 0,
        });
      } else if (changes.status === 'disabled') {
        const current = await tx<EndpointRow>('partner_webhook_endpoints')
          .where('id', endpointId)
          .first();
        if (current?.status !== 'disabled') {
          Object.assign(update, {
            status: 'disabled',
            disabled_at: now,
            disabled_reason: changes.disabledReason ?? 'disabled by a person',
          });
          await failPending(tx, endpointId, now, 'the endpoint was disabled');
        }
      }
      await tx('partner_webhook_endpoints')
        .where('id', endpointId)
        .whereNull('deleted_at')
        .update(update);
    });
    return this.getEndpoint(endpointId);
  }

  /** Replaces the secret; the old one signs too until `previousExpiresAt`. */
  async rotateSecret(
    endpointId: string,
    secret: string,
    options: { now: Date; previousExpiresAt: Date },
  ): Promise<StoredEndpoint | undefined> {
    await transactionWithRetry(this.db, async tx => {
      const current = await tx<EndpointRow>('partner_webhook_endpoints')
        .where('id', endpointId)
        .whereNull('deleted_at')
        .first();
      if (!current) return;
      await tx('partner_webhook_endpoints').where('id', endpointId).update({
        secret,
        secret_created_at: options.now,
        previous_secret: current.secret,
        previous_secret_expires_at: options.previousExpiresAt,
        updated_at: options.now,
      });
    });
    return this.getEndpoint(endpointId);
  }

  /** Deletes an endpoint; its delivery log stays, its pending deliveries fail. */
  async deleteEndpoint(endpointId: string, now: Date): Promise<void> {
    await transactionWithRetry(this.db, async tx => {
      await tx('partner_webhook_endpoints')
        .where('id', endpointId)
        .update({ deleted_at: now, updated_at: now });
      await failPending(tx, endpointId, now, 'the endpoint was deleted');
    });
  }

  /**
   * Stores a pushed event and queues a delivery for every active endpoint of
   * its app that subscribes to its type, in one transaction. The same push
   * again answers the stored event and queues nothing; another push under
   * the same key is a conflict.
   */
  async pushEvent(
    event: NewEvent,
    now: Date,
  ): Promise<{ event: WebhookEvent; deliveries: number; created: boolean }> {
    const existing = async () => {
      const row = await this.db<EventRow>('partner_webhook_events')
        .where('idempotency_key', event.idempotencyKey)
        .first();
      if (!row) return undefined;
      if (row.content_hash !== event.contentHash) {
        throw new ConflictError(
          `idempotencyKey: ${JSON.stringify(
            event.idempotencyKey,
          )} was already used for another event; use a new key for a new event`,
        );
      }
      return { event: toEvent(row), deliveries: 0, created: false };
    };
    const stored = await existing();
    if (stored) return stored;
    try {
      return await transactionWithRetry(this.db, async tx => {
        const row: EventRow = {
          id: randomUUID(),
          app_id: event.app.id,
          org: event.app.org,
          type: event.type,
          payload: JSON.stringify(event.payload),
          idempotency_key: event.idempotencyKey,
          content_hash: event.contentHash,
          pushed_by: event.pushedBy,
          created_at: now,
        };
        await tx('partner_webhook_events').insert(row);
        const endpoints = (
          await tx<EndpointRow>('partner_webhook_endpoints')
            .where({ app_id: event.app.id, status: 'active' })
            .whereNull('deleted_at')
        ).filter(e => JSON.parse(e.event_types).includes(event.type));
        const deliveries: DeliveryRow[] = endpoints.map(e => ({
          ...newDelivery(row, e.id, now),
        }));
        if (deliveries.length > 0) {
          await tx.batchInsert('partner_webhook_deliveries', deliveries, 200);
        }
        return {
          event: toEvent(row),
          deliveries: deliveries.length,
          created: true,
        };
      });
    } catch (error) {
      // The same key pushed at the same moment: the first one stored it
      if (isUniqueViolation(error)) {
        const raced = await existing();
        if (raced) return raced;
      }
      throw error;
    }
  }

  async getEvent(eventId: string): Promise<WebhookEvent | undefined> {
    const row = await this.db<EventRow>('partner_webhook_events')
      .where('id', eventId)
      .first();
    return row ? toEvent(row) : undefined;
  }

  async getEvents(eventIds: string[]): Promise<Map<string, WebhookEvent>> {
    const rows = await this.db<EventRow>('partner_webhook_events').whereIn(
      'id',
      [...new Set(eventIds)],
    );
    return new Map(rows.map(r => [r.id, toEvent(r)]));
  }

  /** Endpoints by id, deleted ones too (their deliveries still finish). */
  async getEndpointsById(ids: string[]): Promise<Map<string, StoredEndpoint>> {
    const rows = await this.db<EndpointRow>(
      'partner_webhook_endpoints',
    ).whereIn('id', [...new Set(ids)]);
    return new Map(
      rows.filter(r => r.deleted_at === null).map(r => [r.id, toEndpoint(r)]),
    );
  }

  /**
   * Takes up to `limit` due deliveries for one worker run: each gets the
   * run's claim token and is not due again until `leaseUntil`.
   */
  async claimDue(options: {
    now: Date;
    limit: number;
    leaseUntil: Date;
  }): Promise<ClaimedDelivery[]> {
    const claimToken = randomUUID();
    const isPg = this.db.client.config.client === 'pg';
    await retryTransient(() =>
      this.db.transaction(async tx => {
        const due = tx('partner_webhook_deliveries')
          .select('id')
          .where('status', 'pending')
          .where('next_attempt_at', '<=', options.now)
          .orderBy('next_attempt_at')
          .limit(options.limit);
        // Rows another replica is claiming are skipped, not waited for;
        // SQLite runs one write transaction at a time, so none can be
        if (isPg) due.forUpdate().skipLocked();
        await tx('partner_webhook_deliveries')
          .whereIn('id', due)
          .where('status', 'pending')
          .where('next_attempt_at', '<=', options.now)
          .update({
            claim_token: claimToken,
            next_attempt_at: options.leaseUntil,
          });
      }),
    );
    const rows = await this.db<DeliveryRow>('partner_webhook_deliveries')
      .where('claim_token', claimToken)
      .orderBy('created_at');
    return rows.map(r => ({ ...toDelivery(r), claimToken }));
  }

  /**
   * Records one attempt and what follows: success, a retry at `retryAt`, or
   * failure. Only the holder of the claim may; a run whose lease ran out
   * (and whose row another run took) records nothing. Answers whether this
   * attempt disabled the endpoint.
   */
  async recordAttempt(
    record: AttemptRecord,
  ): Promise<{ recorded: boolean; disabledEndpoint: boolean }> {
    const { delivery, attempt, now } = record;
    return transactionWithRetry(this.db, async tx => {
      // Attempts of one endpoint's deliveries take its row first, so their
      // transactions queue behind each other instead of deadlocking
      if (tx.client.config.client === 'pg') {
        await tx('partner_webhook_endpoints')
          .where('id', delivery.endpointId)
          .forUpdate()
          .select('id');
      }
      const done = record.succeeded || record.retryAt === undefined;
      let status: WebhookDeliveryStatus = 'pending';
      if (done) status = record.succeeded ? 'succeeded' : 'failed';
      const updated = await tx('partner_webhook_deliveries')
        .where({ id: delivery.id, claim_token: delivery.claimToken })
        .update({
          status,
          attempts: attempt.attempt,
          next_attempt_at: done ? null : record.retryAt,
          claim_token: null,
          last_attempt_at: new Date(attempt.startedAt),
          last_response_status: attempt.responseStatus ?? null,
          last_error: attempt.error ?? null,
          completed_at: done ? now : null,
        });
      if (updated === 0) return { recorded: false, disabledEndpoint: false };
      const row: AttemptRow = {
        delivery_id: delivery.id,
        attempt: attempt.attempt,
        started_at: new Date(attempt.startedAt),
        duration_ms: attempt.durationMs,
        response_status: attempt.responseStatus ?? null,
        response_body: attempt.responseBody ?? null,
        error: attempt.error ?? null,
      };
      await tx('partner_webhook_attempts').insert(row);
      if (record.succeeded) {
        await tx('partner_webhook_endpoints')
          .where('id', delivery.endpointId)
          .update({ consecutive_failures: 0 });
        return { recorded: true, disabledEndpoint: false };
      }
      await tx('partner_webhook_endpoints')
        .where('id', delivery.endpointId)
        .increment('consecutive_failures', 1);
      const disabled = await tx('partner_webhook_endpoints')
        .where('id', delivery.endpointId)
        .where('status', 'active')
        .where('consecutive_failures', '>=', record.disableAfterFailures)
        .update({
          status: 'disabled',
          disabled_at: now,
          disabled_reason: `${
            record.disableAfterFailures
          } failed attempts in a row; the last: ${
            attempt.error ?? `HTTP ${attempt.responseStatus}`
          }`.slice(0, 1000),
          updated_at: now,
        });
      if (disabled > 0) {
        await failPending(
          tx,
          delivery.endpointId,
          now,
          'the endpoint was disabled after a run of failures',
        );
      }
      return { recorded: true, disabledEndpoint: disabled > 0 };
    });
  }

  /** Fails a claimed delivery without an attempt (its endpoint is gone or off). */
  async abandon(delivery: ClaimedDelivery, reason: string, now: Date) {
    await retryTransient(() =>
      this.db('partner_webhook_deliveries')
        .where({ id: delivery.id, claim_token: delivery.claimToken })
        .update({ ...PENDING_FAILURE(reason), completed_at: now }),
    );
  }

  /** An endpoint's deliveries, newest first. */
  async listDeliveries(
    endpointId: string,
    query: {
      status?: WebhookDeliveryStatus;
      cursor?: string;
      limit?: number;
    },
  ) {
    const q = this.db<DeliveryRow>('partner_webhook_deliveries')
      .select('*')
      .where('endpoint_id', endpointId);
    if (query.status) q.where('status', query.status);
    return keysetPage(q, {
      timeColumn: 'created_at',
      cursor: query.cursor,
      limit: query.limit,
      toItem: toDelivery,
      positionOf: d => ({ at: d.createdAt, id: d.id }),
    });
  }

  async getDelivery(deliveryId: string): Promise<WebhookDelivery | undefined> {
    const row = await this.db<DeliveryRow>('partner_webhook_deliveries')
      .where('id', deliveryId)
      .first();
    return row ? toDelivery(row) : undefined;
  }

  async listAttempts(deliveryId: string): Promise<WebhookAttempt[]> {
    const rows = await this.db<AttemptRow>('partner_webhook_attempts')
      .where('delivery_id', deliveryId)
      .orderBy('attempt');
    return rows.map(toAttempt);
  }

  /** Queues the event of a delivery again for its endpoint, as a new delivery. */
  async replayDelivery(
    delivery: WebhookDelivery,
    now: Date,
  ): Promise<WebhookDelivery> {
    const row: DeliveryRow = {
      ...newDelivery(
        {
          id: delivery.eventId,
          app_id: delivery.appId,
          org: delivery.org,
          type: delivery.eventType,
        },
        delivery.endpointId,
        now,
      ),
      replay_of: delivery.id,
    };
    await retryTransient(() =>
      this.db('partner_webhook_deliveries').insert(row),
    );
    return toDelivery(row);
  }

  /**
   * Queues again every event first delivered to an endpoint since a time
   * (only the failed ones with `onlyFailed`), oldest first, at most `max`.
   */
  async replaySince(
    endpointId: string,
    options: { since: Date; onlyFailed: boolean; max: number; now: Date },
  ): Promise<{ replayed: number; more: boolean }> {
    return transactionWithRetry(this.db, async tx => {
      const originals: DeliveryRow[] = await tx<DeliveryRow>(
        'partner_webhook_deliveries',
      )
        .where('endpoint_id', endpointId)
        .whereNull('replay_of')
        .where('created_at', '>=', options.since)
        .modify(q => {
          if (options.onlyFailed) q.where('status', 'failed');
        })
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(options.max + 1);
      const taken = originals.slice(0, options.max);
      const rows = taken.map(original => ({
        ...newDelivery(
          {
            id: original.event_id,
            app_id: original.app_id,
            org: original.org,
            type: original.event_type,
          },
          endpointId,
          options.now,
        ),
        replay_of: original.id,
      }));
      if (rows.length > 0) {
        await tx.batchInsert('partner_webhook_deliveries', rows, 200);
      }
      return { replayed: rows.length, more: originals.length > options.max };
    });
  }
}

function newDelivery(
  event: Pick<EventRow, 'id' | 'app_id' | 'org' | 'type'>,
  endpointId: string,
  now: Date,
): DeliveryRow {
  return {
    id: randomUUID(),
    event_id: event.id,
    endpoint_id: endpointId,
    app_id: event.app_id,
    org: event.org,
    event_type: event.type,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    claim_token: null,
    last_attempt_at: null,
    last_response_status: null,
    last_error: null,
    created_at: now,
    completed_at: null,
    replay_of: null,
  };
}

async function failPending(
  tx: Knex.Transaction,
  endpointId: string,
  now: Date,
  reason: string,
) {
  await tx('partner_webhook_deliveries')
    .where({ endpoint_id: endpointId, status: 'pending' })
    .update({ ...PENDING_FAILURE(reason), completed_at: now });
}

/**
 * Serialises writes under one key, so limits hold under concurrent requests:
 * an advisory lock on PostgreSQL; SQLite runs one write transaction at a time.
 */
async function lockKey(tx: Knex.Transaction, key: string): Promise<void> {
  if (tx.client.config.client === 'pg') {
    await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [key]);
  }
}
