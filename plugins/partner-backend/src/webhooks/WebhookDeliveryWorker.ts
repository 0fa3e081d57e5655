/*
 * Sends due deliveries. A scheduled task (global scope, so one replica at a
 * time) calls `runOnce`: it claims a batch of due deliveries under a lease,
 * sends them a few at a time, records each attempt, and claims again until
 * nothing is due or its time is up. Each attempt resolves the endpoint's host
 * and checks every address first (addressPolicy.ts); a failure is retried
 * with exponential backoff until the configured attempts are spent, and a
 * run of failures disables the endpoint, which is audited and logged, and
 * shown on the endpoint with its reason.
 */
import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { WebhookAttempt, WebhookEvent } from '@readiness/plugin-partner-common';
import { WebhookOptions } from '../config';
import {
  ClaimedDelivery,
  DatabaseWebhookStore,
  StoredEndpoint,
} from '../database/DatabaseWebhookStore';
import {
  HostResolver,
  RefusedAddressError,
  resolveDeliveryAddress,
  systemResolver,
} from './addressPolicy';
import { signedHeaders, webhookBody } from './webhookMessages';
import { ConnectHook, sendWebhook, SendOutcome } from './sendWebhook';

/** The wait before attempt `attempt + 1`: doubling from the first, capped. */
export function backoffMs(
  attempt: number,
  delivery: Pick<
    WebhookOptions['delivery'],
    'initialBackoffMs' | 'maxBackoffMs'
  >,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(
    delivery.initialBackoffMs * 2 ** exponent,
    delivery.maxBackoffMs,
  );
}

export type WorkerDeps = {
  store: DatabaseWebhookStore;
  options: WebhookOptions;
  logger: LoggerService;
  auditor?: AuditorService;
  resolver?: HostResolver;
  onConnect?: ConnectHook;
  clock?: () => Date;
};

/** What one run did. */
export type WorkerReport = {
  attempted: number;
  succeeded: number;
  retried: number;
  failed: number;
  disabledEndpoints: string[];
};

export class WebhookDeliveryWorker {
  constructor(private readonly deps: WorkerDeps) {}

  private now() {
    return (this.deps.clock ?? (() => new Date()))();
  }

  /** Sends what is due until nothing is, or `budgetMs` has passed. */
  async runOnce(
    options: { signal?: AbortSignal; budgetMs?: number } = {},
  ): Promise<WorkerReport> {
    const report: WorkerReport = {
      attempted: 0,
      succeeded: 0,
      retried: 0,
      failed: 0,
      disabledEndpoints: [],
    };
    const started = Date.now();
    const budgetMs = options.budgetMs ?? 50_000;
    const { delivery } = this.deps.options;
    while (!options.signal?.aborted && Date.now() - started < budgetMs) {
      const now = this.now();
      const claimed = await this.deps.store.claimDue({
        now,
        limit: delivery.batchSize,
        // Long enough for every attempt of the batch, a little more for the
        // database; a killed replica's claims are due again after it
        leaseUntil: new Date(
          now.getTime() +
            delivery.timeoutMs *
              Math.ceil(delivery.batchSize / delivery.concurrency) +
            30_000,
        ),
      });
      if (claimed.length === 0) break;
      const events = await this.deps.store.getEvents(
        claimed.map(d => d.eventId),
      );
      const endpoints = await this.deps.store.getEndpointsById(
        claimed.map(d => d.endpointId),
      );
      const queue = [...claimed];
      await Promise.all(
        Array.from({ length: delivery.concurrency }, async () => {
          for (let d = queue.shift(); d; d = queue.shift()) {
            await this.deliver(d, events.get(d.eventId)!, endpoints, report);
          }
        }),
      );
    }
    return report;
  }

  private async deliver(
    delivery: ClaimedDelivery,
    event: WebhookEvent,
    endpoints: Map<string, StoredEndpoint>,
    report: WorkerReport,
  ) {
    const endpoint = endpoints.get(delivery.endpointId);
    if (!endpoint || endpoint.status !== 'active') {
      await this.deps.store.abandon(
        delivery,
        endpoint ? 'the endpoint is disabled' : 'the endpoint was deleted',
        this.now(),
      );
      report.failed += 1;
      return;
    }
    const { options } = this.deps;
    const at = this.now();
    const attemptNo = delivery.attempts + 1;
    const outcome = await this.attempt(endpoint, event, at);
    const succeeded =
      outcome.status !== undefined &&
      outcome.status >= 200 &&
      outcome.status < 300;
    const attempt: WebhookAttempt = {
      attempt: attemptNo,
      startedAt: at.toISOString(),
      durationMs: outcome.durationMs,
      ...(outcome.status !== undefined && { responseStatus: outcome.status }),
      ...(outcome.body !== undefined && { responseBody: outcome.body }),
      ...(outcome.error !== undefined
        ? { error: outcome.error }
        : !succeeded && { error: `HTTP ${outcome.status}` }),
    };
    const retry = !succeeded && attemptNo < options.delivery.attempts;
    const now = this.now();
    const result = await this.deps.store.recordAttempt({
      delivery,
      attempt,
      succeeded,
      ...(retry && {
        retryAt: new Date(
          now.getTime() + backoffMs(attemptNo, options.delivery),
        ),
      }),
      now,
      disableAfterFailures: options.delivery.disableAfterFailures,
    });
    if (!result.recorded) return;
    report.attempted += 1;
    if (succeeded) report.succeeded += 1;
    else if (retry) report.retried += 1;
    else report.failed += 1;
    if (result.disabledEndpoint) {
      endpoint.status = 'disabled';
      report.disabledEndpoints.push(endpoint.id);
      await this.endpointDisabled(endpoint, attempt);
    }
  }

  private async attempt(
    endpoint: StoredEndpoint,
    event: WebhookEvent,
    at: Date,
  ): Promise<SendOutcome> {
    const started = Date.now();
    const url = new URL(endpoint.url);
    let address;
    try {
      address = await resolveDeliveryAddress(
        url,
        this.deps.options.network,
        this.deps.resolver ?? systemResolver,
      );
    } catch (error) {
      if (!(error instanceof RefusedAddressError)) throw error;
      return {
        durationMs: Date.now() - started,
        error: `not sent: ${error.message}`,
      };
    }
    const body = webhookBody(event);
    return sendWebhook({
      url,
      address,
      headers: signedHeaders(endpoint, event, body, at),
      body,
      timeoutMs: this.deps.options.delivery.timeoutMs,
      maxResponseBytes: this.deps.options.delivery.maxResponseBytes,
      onConnect: this.deps.onConnect,
    });
  }

  /** Tells the org: the reason stays on the endpoint, and the audit log has it. */
  private async endpointDisabled(
    endpoint: StoredEndpoint,
    attempt: WebhookAttempt,
  ) {
    const failures = this.deps.options.delivery.disableAfterFailures;
    this.deps.logger.warn(
      `Disabled webhook endpoint ${endpoint.id} of org ${endpoint.org} after ${failures} failed attempts in a row`,
    );
    const event = await this.deps.auditor?.createEvent({
      eventId: 'partner-webhook-endpoint-disable',
      severityLevel: 'medium',
      meta: {
        org: endpoint.org,
        appId: endpoint.appId,
        endpointId: endpoint.id,
        failures,
        lastError: attempt.error ?? null,
      },
    });
    await event?.success();
  }
}
