/*
 * The event types endpoints may subscribe to: the keys of the `webhooks`
 * sections (OpenAPI 3.1) of the partner-facing API definitions in the
 * catalog, as the api-portal collects them, plus any configured. They are
 * read through the catalog with the plugin's own credentials and kept for a
 * minute; an unknown type reads them again (at most every few seconds), so a
 * type declared a moment ago is accepted without waiting.
 */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isPartnerFacing,
  WebhookEventType,
} from '@readiness/plugin-partner-common';
import { parse } from 'yaml';

const KEEP_MS = 60_000;
const REREAD_UNKNOWN_AFTER_MS = 5_000;

/** The `webhooks` keys of one definition text, with their summaries. */
export function webhookEventTypesOf(
  definition: string,
): Array<{ type: string; summary?: string }> {
  let document: unknown;
  try {
    document = parse(definition);
  } catch {
    return [];
  }
  const webhooks = (document as { webhooks?: unknown } | null)?.webhooks;
  if (!webhooks || typeof webhooks !== 'object' || Array.isArray(webhooks)) {
    return [];
  }
  return Object.entries(webhooks as Record<string, unknown>).map(
    ([type, item]) => {
      const operation = Object.values(
        (item ?? {}) as Record<string, { summary?: unknown }>,
      ).find(o => typeof o?.summary === 'string');
      return {
        type,
        ...(operation && { summary: String(operation.summary) }),
      };
    },
  );
}

/** Where the event types come from, and how they are kept. */
export class WebhookEventTypes {
  private kept?: { at: number; types: WebhookEventType[] };
  private reading?: Promise<WebhookEventType[]>;

  constructor(
    private readonly deps: {
      catalog?: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      configured: string[];
      clock?: () => number;
    },
  ) {}

  /** Every event type, sorted by name. */
  async list(): Promise<WebhookEventType[]> {
    const now = this.now();
    if (this.kept && now - this.kept.at < KEEP_MS) return this.kept.types;
    return this.read();
  }

  /** The types of these that are not known, after reading again if need be. */
  async unknownOf(types: string[]): Promise<string[]> {
    const missing = (known: WebhookEventType[]) =>
      types.filter(t => !known.some(k => k.type === t));
    let unknown = missing(await this.list());
    if (
      unknown.length > 0 &&
      this.kept &&
      this.now() - this.kept.at >= REREAD_UNKNOWN_AFTER_MS
    ) {
      unknown = missing(await this.read());
    }
    return unknown;
  }

  private now() {
    return (this.deps.clock ?? Date.now)();
  }

  private read(): Promise<WebhookEventType[]> {
    this.reading ??= this.readOnce().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readOnce(): Promise<WebhookEventType[]> {
    const byType = new Map<string, WebhookEventType>();
    for (const type of this.deps.configured) {
      byType.set(type, { type, source: 'config' });
    }
    if (this.deps.catalog) {
      try {
        const { items } = await this.deps.catalog.getEntities(
          {
            filter: { kind: 'API' },
            fields: ['kind', 'metadata', 'spec.type', 'spec.definition'],
          },
          { credentials: await this.deps.auth.getOwnServiceCredentials() },
        );
        for (const entity of items.filter(isPartnerFacing)) {
          const definition = (entity.spec as { definition?: unknown })
            ?.definition;
          if (typeof definition !== 'string') continue;
          for (const found of webhookEventTypesOf(definition)) {
            if (!byType.has(found.type)) {
              byType.set(found.type, {
                ...found,
                source: stringifyEntityRef(entity),
              });
            }
          }
        }
      } catch (error) {
        // The last types read stay in use while the catalog cannot answer
        this.deps.logger.warn(
          `Could not read webhook event types from the catalog: ${error}`,
        );
        if (this.kept) return this.kept.types;
      }
    }
    const types = [...byType.values()].sort((a, b) =>
      a.type.localeCompare(b.type),
    );
    this.kept = { at: this.now(), types };
    return types;
  }
}
