/*
 * What a delivery sends: the Standard Webhooks body and headers of an event,
 * signed with the endpoint's secret (and, during a rotation's overlap, with
 * the previous one too, so receivers can switch secrets without losing one).
 */
import {
  WEBHOOK_SECRET_PREFIX,
  WebhookEvent,
} from '@readiness/plugin-partner-common';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { StoredEndpoint } from '../database/DatabaseWebhookStore';

/** A new signing secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

/** Enough of a secret to recognise it, not to use it. */
export function secretHintOf(secret: string): string {
  return `${secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
}

/** The JSON body of an event, as every delivery of it sends it. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt,
    data: event.payload,
  });
}

/** The headers of a delivery, without the signature. */
export function unsignedHeaders(
  event: WebhookEvent,
  at: Date,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'ReadinessPortal-Webhooks/1',
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
  };
}

/** The headers of a delivery attempt at `at`, signed. */
export function signedHeaders(
  endpoint: StoredEndpoint,
  event: WebhookEvent,
  body: string,
  at: Date,
): Record<string, string> {
  const headers = unsignedHeaders(event, at);
  const secrets = [endpoint.secret];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    Date.parse(endpoint.previousSecretExpiresAt) > at.getTime()
  ) {
    secrets.push(endpoint.previousSecret);
  }
  headers['webhook-signature'] = secrets
    .map(secret => new Webhook(secret).sign(event.id, at, body))
    .join(' ');
  return headers;
}
