/*
 * What the compliance backend's kept views of the catalog share (the
 * matrix's index, the GDPR records): reading every entity that can take
 * part in compliance in pages, with the plugin's own credentials, and a
 * value that is read again in the background once it is a minute old while
 * questions are answered from the kept one.
 */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How long a kept view of the catalog serves before it is read again. */
export const CATALOG_REFRESH_MS = 60_000;

/**
 * How long a kept view that found nothing serves: right after a start the
 * catalog may not have ingested its entities yet, so an empty view is read
 * again soon rather than a minute later.
 */
export const EMPTY_CATALOG_REFRESH_MS = 5_000;

const PAGE_SIZE = 500;

// People and catalog plumbing hold no controls, records or flows
const SKIPPED_KINDS = new Set(['user', 'location', 'template']);

/**
 * Every entity of the catalog except users, locations and templates, with
 * these fields, read in pages with the plugin's own credentials.
 */
export async function readCatalogEntities(
  deps: { catalog: CatalogService; auth: AuthService },
  fields: string[],
): Promise<Entity[]> {
  const credentials = await deps.auth.getOwnServiceCredentials();
  const read: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE, fields }
        : {
            limit: PAGE_SIZE,
            fields,
            orderFields: { field: 'metadata.name', order: 'asc' },
          },
      { credentials },
    );
    read.push(
      ...page.items.filter(
        e => !SKIPPED_KINDS.has(e.kind.toLocaleLowerCase('en-US')),
      ),
    );
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return read;
}

/**
 * A value read from the catalog and kept: the first question waits for the
 * read; once the value is a minute old the next question starts a read in
 * the background and is answered from the kept value, one read at a time. A
 * background read that fails is logged and tried again by the next
 * question.
 */
export class KeptCatalogValue<T extends { at: Date }> {
  #value?: T;
  #reading?: Promise<T>;

  constructor(
    private readonly options: {
      read: () => Promise<T>;
      logger: LoggerService;
      /** What the value is for, in the warning: `the compliance matrix`. */
      purpose: string;
      /** Whether a value found nothing, so it is read again after 5 seconds. */
      isEmpty?: (value: T) => boolean;
      now?: () => Date;
    },
  ) {}

  /** The value as kept now, if it was ever read. */
  get current(): T | undefined {
    return this.#value;
  }

  async get(): Promise<T> {
    const kept = this.#value;
    const now = (this.options.now?.() ?? new Date()).getTime();
    const serves =
      kept && this.options.isEmpty?.(kept)
        ? EMPTY_CATALOG_REFRESH_MS
        : CATALOG_REFRESH_MS;
    const stale = !kept || now - kept.at.getTime() >= serves;
    if (stale && !this.#reading) {
      this.#reading = this.options
        .read()
        .then(value => {
          this.#value = value;
          return value;
        })
        .finally(() => {
          this.#reading = undefined;
        });
      if (kept) {
        this.#reading.catch(error =>
          this.options.logger.warn(
            `Could not read the catalog for ${this.options.purpose}: ${
              (error as Error).message
            }`,
          ),
        );
      }
    }
    return kept ?? this.#reading!;
  }
}
