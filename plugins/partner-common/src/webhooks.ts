/**
 * Webhooks of partner apps, as the partner backend answers them: endpoints
 * that receive the platform's events signed after Standard Webhooks, the
 * events the platform pushes, and the delivery log. An endpoint's secret is
 * shown once, when it is created or rotated.
 */

/** The start of every webhook signing secret. @public */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** An event type partners may subscribe to, from a partner-facing API definition. @public */
export type WebhookEventType = {
  /** The key of the definition's `webhooks` section, e.g. `filing.accepted`. */
  type: string;
  summary?: string;
  /** The API entity whose definition declares it, or `config` when configured. */
  source: string;
};

/** Where a partner app receives events. @public */
export type WebhookEndpoint = {
  id: string;
  appId: string;
  org: string;
  url: string;
  description?: string;
  /** The event types sent to this endpoint. */
  eventTypes: string[];
  /** `disabled` after a run of failed attempts, or by a person. */
  status: 'active' | 'disabled';
  disabledAt?: string;
  /** Why the endpoint stopped receiving events. */
  disabledReason?: string;
  /** Failed attempts in a row since the last success. */
  consecutiveFailures: number;
  /** The start of the current secret, to recognise it: `whsec_Ab3d…`. */
  secretHint: string;
  secretCreatedAt: string;
  /** Until when deliveries are also signed with the secret before the last rotation. */
  previousSecretExpiresAt?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** An endpoint just created, or its secret just rotated: the only answer that holds the secret. @public */
export type CreatedWebhookEndpoint = {
  endpoint: WebhookEndpoint;
  /** The signing secret, `whsec_…`. Shown once. */
  secret: string;
};

/** An event the platform pushed for a partner app. @public */
export type WebhookEvent = {
  id: string;
  appId: string;
  org: string;
  type: string;
  idempotencyKey: string;
  /** The event's data, as the platform pushed it. */
  payload: unknown;
  pushedBy: string;
  createdAt: string;
};

/** Where a delivery stands. @public */
export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One try of a delivery. @public */
export type WebhookAttempt = {
  attempt: number;
  startedAt: string;
  durationMs: number;
  /** The receiver's HTTP status, when it answered. */
  responseStatus?: number;
  /** The start of the receiver's answer (truncated). */
  responseBody?: string;
  /** Why no answer was taken: refused address, timeout, connection error. */
  error?: string;
};

/** One event sent (or to be sent) to one endpoint. @public */
export type WebhookDelivery = {
  id: string;
  endpointId: string;
  appId: string;
  org: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  lastAttemptAt?: string;
  lastResponseStatus?: number;
  lastError?: string;
  createdAt: string;
  completedAt?: string;
  /** The delivery this one replays. */
  replayOf?: string;
};

/** A delivery with what was sent and every attempt. @public */
export type WebhookDeliveryDetail = WebhookDelivery & {
  request: {
    url: string;
    /** The Standard Webhooks headers, without the signature. */
    headers: Record<string, string>;
    body: string;
  };
  attemptLog: WebhookAttempt[];
};

/** The answer to a push: the event, and how many endpoints it was queued for. @public */
export type PushedWebhookEvent = {
  event: WebhookEvent;
  /** Deliveries queued for this push (0 when a retry found it stored). */
  deliveries: number;
  /** False when the same push was already stored under its key. */
  created: boolean;
};
