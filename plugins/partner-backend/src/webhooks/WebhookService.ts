import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import {
  CreatedWebhookEndpoint,
  PartnerApp,
  PushedWebhookEvent,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEventType,
} from '@readiness/plugin-partner-common';
import { contentHash } from '@readiness/store-utils';
import { WebhookOptions } from '../config';
import {
  DatabaseWebhookStore,
  StoredEndpoint,
} from '../database/DatabaseWebhookStore';
import { OrgAccess, PartnerAppService } from '../service/PartnerAppService';
import { refusalOfLiteralHost } from './addressPolicy';
import {
  newWebhookSecret,
  secretHintOf,
  unsignedHeaders,
  webhookBody,
} from './webhookMessages';
import { WebhookEventTypes } from './WebhookEventTypes';

/** A body part larger than the configured limit: 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** What a new endpoint is. */
export type NewEndpointInput = {
  url: string;
  description?: string;
  eventTypes: string[];
};

/** What an endpoint update may change; `enabled: true` clears its failures. */
export type EndpointUpdateInput = {
  url?: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
};

/** An event the platform pushes for one app. */
export type EventPushInput = {
  idempotencyKey: string;
  appId: string;
  type: string;
  payload: unknown;
};

const MAX_URL_LENGTH = 2048;
const MAX_EVENT_TYPES = 100;
const DELIVERY_STATUSES: WebhookDeliveryStatus[] = [
  'pending',
  'succeeded',
  'failed',
];

/** Refuses a field the request type does not have, by name. */
function knownFieldsOnly(input: object, known: string[]): void {
  const unknown = Object.keys(input ?? {}).find(key => !known.includes(key));
  if (unknown !== undefined) {
    throw new InputError(
      `${unknown}: unknown field; expected ${known.join(', ')}`,
    );
  }
}

function publicEndpoint(endpoint: StoredEndpoint, now: Date): WebhookEndpoint {
  const {
    secret,
    previousSecret: _previous,
    previousSecretExpiresAt,
    ...rest
  } = endpoint;
  return {
    ...rest,
    secretHint: secretHintOf(secret),
    ...(previousSecretExpiresAt &&
      Date.parse(previousSecretExpiresAt) > now.getTime() && {
        previousSecretExpiresAt,
      }),
  };
}

/**
 * Webhook endpoints of partner apps, the events the platform pushes to them
 * and their delivery log. Every call of a person names whose apps they
 * reach; an endpoint or delivery of an app outside that answers exactly like
 * one that does not exist.
 */
export class WebhookService {
  constructor(
    private readonly deps: {
      apps: PartnerAppService;
      store: DatabaseWebhookStore;
      eventTypes: WebhookEventTypes;
      options: WebhookOptions;
      endpointsPerApp: (org: string) => number;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return (this.deps.clock ?? (() => new Date()))();
  }

  async listEventTypes(): Promise<WebhookEventType[]> {
    return this.deps.eventTypes.list();
  }

  async listEndpoints(
    access: OrgAccess,
    appId: string,
  ): Promise<WebhookEndpoint[]> {
    const app = await this.deps.apps.getApp(access, appId);
    const now = this.now();
    return (await this.deps.store.listEndpoints(app.id)).map(e =>
      publicEndpoint(e, now),
    );
  }

  async getEndpoint(
    access: OrgAccess,
    appId: string,
    endpointId: string,
  ): Promise<WebhookEndpoint> {
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    return publicEndpoint(endpoint, this.now());
  }

  async createEndpoint(
    access: OrgAccess,
    appId: string,
    input: NewEndpointInput,
  ): Promise<CreatedWebhookEndpoint> {
    knownFieldsOnly(input, ['url', 'description', 'eventTypes']);
    const app = await this.deps.apps.getApp(access, appId);
    const url = this.checkUrl(input.url);
    const eventTypes = await this.checkEventTypes(input.eventTypes);
    const description = text(input.description, 'description', 1000);
    const secret = newWebhookSecret();
    const now = this.now();
    const stored = await this.deps.store.createEndpoint(
      app,
      {
        url,
        ...(description !== undefined && { description }),
        eventTypes,
        secret,
        createdBy: access.actor,
      },
      { endpointsPerApp: this.deps.endpointsPerApp(app.org), now },
    );
    return { endpoint: publicEndpoint(stored, now), secret };
  }

  async updateEndpoint(
    access: OrgAccess,
    appId: string,
    endpointId: string,
    input: EndpointUpdateInput,
  ): Promise<WebhookEndpoint> {
    knownFieldsOnly(input, ['url', 'description', 'eventTypes', 'enabled']);
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    const url = input.url === undefined ? undefined : this.checkUrl(input.url);
    const eventTypes =
      input.eventTypes === undefined
        ? undefined
        : await this.checkEventTypes(input.eventTypes);
    const description = text(input.description, 'description', 1000);
    if (input.enabled !== undefined && typeof input.enabled !== 'boolean') {
      throw new InputError('enabled: expected true or false');
    }
    let status: 'active' | 'disabled' | undefined;
    if (input.enabled === true) status = 'active';
    if (input.enabled === false) status = 'disabled';
    const now = this.now();
    const updated = await this.deps.store.updateEndpoint(
      endpoint.id,
      {
        ...(url !== undefined && { url }),
        ...(description !== undefined && { description }),
        ...(eventTypes !== undefined && { eventTypes }),
        ...(status && {
          status,
          disabledReason: `disabled by ${access.actor}`,
        }),
      },
      now,
    );
    return publicEndpoint(updated!, now);
  }

  async deleteEndpoint(
    access: OrgAccess,
    appId: string,
    endpointId: string,
  ): Promise<WebhookEndpoint> {
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    await this.deps.store.deleteEndpoint(endpoint.id, this.now());
    return publicEndpoint(endpoint, this.now());
  }

  /**
   * A new secret; deliveries are signed with the old one too for the
   * rotation overlap, so the receiver can switch without losing one.
   */
  async rotateSecret(
    access: OrgAccess,
    appId: string,
    endpointId: string,
  ): Promise<CreatedWebhookEndpoint> {
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    const now = this.now();
    const secret = newWebhookSecret();
    const rotated = await this.deps.store.rotateSecret(endpoint.id, secret, {
      now,
      previousExpiresAt: new Date(
        now.getTime() + this.deps.options.secretRotationOverlapMs,
      ),
    });
    return { endpoint: publicEndpoint(rotated!, now), secret };
  }

  async listDeliveries(
    access: OrgAccess,
    appId: string,
    endpointId: string,
    query: { status?: string; cursor?: string; limit?: number },
  ) {
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    const status = query.status as WebhookDeliveryStatus | undefined;
    if (status !== undefined && !DELIVERY_STATUSES.includes(status)) {
      throw new InputError(
        `status: expected one of ${DELIVERY_STATUSES.join(', ')}`,
      );
    }
    return this.deps.store.listDeliveries(endpoint.id, {
      status,
      cursor: query.cursor,
      limit: query.limit,
    });
  }

  async getDelivery(
    access: OrgAccess,
    appId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryDetail> {
    const { endpoint, delivery } = await this.deliveryOf(
      access,
      appId,
      endpointId,
      deliveryId,
    );
    const event = (await this.deps.store.getEvent(delivery.eventId))!;
    const attemptLog = await this.deps.store.listAttempts(delivery.id);
    const last = attemptLog[attemptLog.length - 1];
    return {
      ...delivery,
      request: {
        url: endpoint.url,
        headers: unsignedHeaders(
          event,
          new Date(last?.startedAt ?? delivery.createdAt),
        ),
        body: webhookBody(event),
      },
      attemptLog,
    };
  }

  /** Sends a delivery's event to its endpoint again, as a new delivery. */
  async replayDelivery(
    access: OrgAccess,
    appId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDelivery> {
    const { endpoint, delivery } = await this.deliveryOf(
      access,
      appId,
      endpointId,
      deliveryId,
    );
    this.mustBeActive(endpoint);
    return this.deps.store.replayDelivery(delivery, this.now());
  }

  /**
   * Sends again every event first delivered to the endpoint since a time
   * (or only those that failed), oldest first, up to the configured most.
   */
  async replaySince(
    access: OrgAccess,
    appId: string,
    endpointId: string,
    input: { since: string; onlyFailed?: boolean },
  ): Promise<{ replayed: number; more: boolean }> {
    knownFieldsOnly(input, ['since', 'onlyFailed']);
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    const since = Date.parse(input.since);
    if (
      typeof input.since !== 'string' ||
      Number.isNaN(since) ||
      !/^\d{4}-\d{2}-\d{2}T/.test(input.since)
    ) {
      throw new InputError(
        'since: expected an ISO 8601 time, e.g. 2026-12-01T00:00:00Z',
      );
    }
    const now = this.now();
    if (since > now.getTime()) {
      throw new InputError('since: a time in the future');
    }
    this.mustBeActive(endpoint);
    return this.deps.store.replaySince(endpoint.id, {
      since: new Date(since),
      onlyFailed: input.onlyFailed ?? false,
      max: this.deps.options.maxReplay,
      now,
    });
  }

  /**
   * Stores an event the platform pushed and queues it for every subscribed
   * endpoint of its app; the same push again stores nothing.
   */
  async pushEvent(
    input: EventPushInput,
    pushedBy: string,
  ): Promise<PushedWebhookEvent> {
    knownFieldsOnly(input, ['idempotencyKey', 'appId', 'type', 'payload']);
    const idempotencyKey = text(input.idempotencyKey, 'idempotencyKey', 200);
    if (idempotencyKey === undefined) {
      throw new InputError('idempotencyKey: required');
    }
    if (input.payload === undefined) {
      throw new InputError('payload: required: the event data, as JSON');
    }
    const size = Buffer.byteLength(JSON.stringify(input.payload));
    if (size > this.deps.options.maxPayloadBytes) {
      throw new PayloadTooLargeError(
        `payload: ${size} bytes of JSON, over the limit of ${this.deps.options.maxPayloadBytes}`,
      );
    }
    const [unknown] = await this.deps.eventTypes.unknownOf([input.type]);
    if (unknown !== undefined) {
      throw new InputError(
        `type: unknown event type ${JSON.stringify(
          unknown,
        )}; expected one of ${await this.typeNames()}`,
      );
    }
    const app = await this.deps.apps.getAppForService(input.appId);
    return this.deps.store.pushEvent(
      {
        app,
        type: input.type,
        payload: input.payload,
        idempotencyKey,
        contentHash: contentHash({
          appId: app.id,
          type: input.type,
          payload: input.payload,
        }),
        pushedBy,
      },
      this.now(),
    );
  }

  private async typeNames() {
    const types = (await this.deps.eventTypes.list()).map(t => t.type);
    return types.length > 0 ? types.join(', ') : '(none declared)';
  }

  private mustBeActive(endpoint: StoredEndpoint) {
    if (endpoint.status !== 'active') {
      throw new InputError(
        `endpointId: the endpoint is disabled (${
          endpoint.disabledReason ?? 'no reason given'
        }); enable it first with enabled: true`,
      );
    }
  }

  private checkUrl(raw: unknown): string {
    if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) {
      throw new InputError(
        `url: expected an https URL of at most ${MAX_URL_LENGTH} characters`,
      );
    }
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InputError(`url: not a valid absolute URL`);
    }
    const { network } = this.deps.options;
    if (
      url.protocol !== 'https:' &&
      !(url.protocol === 'http:' && network.allowHttp)
    ) {
      throw new InputError(
        `url: must use https (got ${url.protocol.replace(/:$/, '')})`,
      );
    }
    if (url.username || url.password) {
      throw new InputError(
        'url: must not hold a user name or password; the signature authenticates deliveries',
      );
    }
    if (url.hash) {
      throw new InputError('url: must not have a fragment (#…)');
    }
    const refusal = refusalOfLiteralHost(url, network);
    if (refusal) {
      throw new InputError(
        `url: ${url.hostname} is a ${refusal} address; deliveries go to public addresses only`,
      );
    }
    return url.toString();
  }

  private async checkEventTypes(types: unknown): Promise<string[]> {
    if (
      !Array.isArray(types) ||
      types.length === 0 ||
      types.length > MAX_EVENT_TYPES ||
      types.some(t => typeof t !== 'string')
    ) {
      throw new InputError(
        `eventTypes: expected a list of 1 to ${MAX_EVENT_TYPES} event types`,
      );
    }
    const unique = [...new Set(types as string[])].sort();
    const unknown = await this.deps.eventTypes.unknownOf(unique);
    if (unknown.length > 0) {
      throw new InputError(
        `eventTypes: unknown event type ${unknown
          .map(t => JSON.stringify(t))
          .join(', ')}; expected some of ${await this.typeNames()}`,
      );
    }
    return unique;
  }

  private async endpointOf(
    access: OrgAccess,
    appId: string,
    endpointId: string,
  ): Promise<{ app: PartnerApp; endpoint: StoredEndpoint }> {
    const app = await this.deps.apps.getApp(access, appId);
    const endpoint = await this.deps.store.getEndpoint(endpointId);
    if (!endpoint || endpoint.appId !== app.id) {
      throw new NotFoundError(
        `No webhook endpoint ${endpointId} in app ${appId}`,
      );
    }
    return { app, endpoint };
  }

  private async deliveryOf(
    access: OrgAccess,
    appId: string,
    endpointId: string,
    deliveryId: string,
  ) {
    const { endpoint } = await this.endpointOf(access, appId, endpointId);
    const delivery = await this.deps.store.getDelivery(deliveryId);
    if (!delivery || delivery.endpointId !== endpoint.id) {
      throw new NotFoundError(
        `No delivery ${deliveryId} of webhook endpoint ${endpointId}`,
      );
    }
    return { endpoint, delivery };
  }
}

function text(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > max) {
    throw new InputError(`${field}: expected 1 to ${max} characters`);
  }
  return trimmed;
}
