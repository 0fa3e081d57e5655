/*
 * The scorecards backend's own fact provider: what the catalog says about an
 * entity (owner, lifecycle, system, description, source, TechDocs, runbook).
 * The owner and the system must exist in the catalog; both are looked up
 * once per batch for all its entities.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FACTS, FactValue } from '@readiness/plugin-scorecards-common';
import {
  EntityFactValues,
  FactBatchRequest,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';

const SOURCE_LOCATION = 'backstage.io/source-location';
const TECHDOCS_REF = 'backstage.io/techdocs-ref';
const RUNBOOK = /runbook/i;
/** Refs per catalog request. */
const LOOKUP_CHUNK = 200;

const nonEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '';

/** The lower-case ref a spec field names with a default kind, if it names one. */
function refIn(
  entity: Entity,
  value: unknown,
  defaultKind: string,
): string | undefined {
  if (!nonEmpty(value)) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value as string, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

const kindOf = (ref: string) => ref.slice(0, ref.indexOf(':'));

/** The facts of the catalog family, from the entities of a batch. */
export class CatalogFactProvider implements ScorecardFactProvider {
  readonly id = 'catalog';
  readonly facts = CATALOG_FACTS;

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  async computeFacts(request: FactBatchRequest): Promise<EntityFactValues[]> {
    const named = new Map<Entity, { owner?: string; system?: string }>();
    for (const entity of request.entities) {
      named.set(entity, {
        owner: refIn(entity, entity.spec?.owner, 'group'),
        system: refIn(entity, entity.spec?.system, 'system'),
      });
    }
    const existing = await this.existing(
      [...named.values()].flatMap(n => [n.owner, n.system]),
      request.signal,
    );
    return request.entities.map(entity => {
      const { owner, system } = named.get(entity)!;
      const annotations = entity.metadata.annotations ?? {};
      const facts: Record<string, FactValue> = {
        'catalog.owner-is-group':
          owner !== undefined &&
          kindOf(owner) === 'group' &&
          existing.has(owner),
        'catalog.lifecycle-set': nonEmpty(entity.spec?.lifecycle),
        'catalog.system-set':
          system !== undefined &&
          kindOf(system) === 'system' &&
          existing.has(system),
        'catalog.description-set': nonEmpty(entity.metadata.description),
        'catalog.source-location-set': nonEmpty(annotations[SOURCE_LOCATION]),
        'catalog.techdocs-present': nonEmpty(annotations[TECHDOCS_REF]),
        'catalog.runbook-link': (entity.metadata.links ?? []).some(
          link =>
            RUNBOOK.test(link.type ?? '') || RUNBOOK.test(link.title ?? ''),
        ),
      };
      return { entityRef: stringifyEntityRef(entity), facts };
    });
  }

  /** Which of the refs name entities the catalog holds. */
  private async existing(
    refs: Array<string | undefined>,
    signal: AbortSignal,
  ): Promise<Set<string>> {
    const wanted = [...new Set(refs.filter((r): r is string => !!r))];
    const found = new Set<string>();
    if (wanted.length === 0) return found;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
      signal.throwIfAborted();
      const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: chunk,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) found.add(chunk[index]);
      });
    }
    return found;
  }
}
