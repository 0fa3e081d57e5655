/*
 * The API portal's facts, from what the api-portal backend answers about
 * each API entity (its newest revision) and about the entity's API family
 * (the newest version's lint, the newest changelog entry and the SDKs of
 * the newest version). A family is read once per batch, however many of
 * its entities the batch holds.
 */
import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  isNotFoundResponse,
  readEachBounded,
} from '@readiness/backend-http-utils';
import {
  ChangelogItem,
  EntitySdks,
  FamilyDetail,
  majorVersion,
  SpecRevision,
} from '@readiness/plugin-api-portal-common';
import { ApiPortalService } from '@readiness/plugin-api-portal-node';
import {
  API_PORTAL_FACTS,
  FactValue,
} from '@readiness/plugin-scorecards-common';
import {
  EntityFactValues,
  FactBatchRequest,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';

/** What the api-portal backend answers about an API family. */
export type ApiFamilyRecord = {
  family: FamilyDetail;
  /** The newest changelog entry: the change between the two newest revisions. */
  newestChange?: ChangelogItem;
  /** The SDKs of the family's newest version; absent when it has none. */
  latestSdks?: EntitySdks;
};

/** What the api-portal backend answers about an API entity. */
export type ApiEntityRecord = {
  entityRef: string;
  /** The entity's newest revision; absent before its first collection. */
  revision?: SpecRevision;
  family?: ApiFamilyRecord;
};

const OPENAPI_FORMATS = new Set(['openapi', 'swagger']);

/** Breaking changes of a change that did not come with a new major version. */
function unversionedBreakingChanges(change: ChangelogItem | undefined) {
  if (!change?.breaking) return 0;
  const from = majorVersion(change.fromVersion);
  const to = majorVersion(change.toVersion);
  if (from !== undefined && to !== undefined && to > from) return 0;
  return change.changes.filter(c => c.breaking).length;
}

/**
 * The facts of one API entity's record. The family's facts are left out
 * while its newest version is not linted (or has no SDK language offered),
 * so the checks that need them are unknown.
 */
export function apiPortalFacts(
  record: ApiEntityRecord,
): Record<string, FactValue> {
  const { revision, family } = record;
  const facts: Record<string, FactValue> = {
    'api-portal.definition-collected':
      revision !== undefined &&
      revision.status === 'ok' &&
      OPENAPI_FORMATS.has(revision.format),
  };
  if (revision) {
    facts['api-portal.definition-collected-at'] = revision.firstSeenAt;
  }
  if (!family) return facts;
  const latest = family.family.versions.find(v => v.latest);
  if (latest?.lint?.status === 'ok') {
    facts['api-portal.lint-errors'] = latest.lint.errors;
    facts['api-portal.lint-warnings'] = latest.lint.warnings;
  }
  facts['api-portal.unversioned-breaking-changes'] = unversionedBreakingChanges(
    family.newestChange,
  );
  const sdks = family.latestSdks?.sdks ?? [];
  if (sdks.length > 0) {
    facts['api-portal.sdks-ready'] = sdks.every(s => s.status === 'ready');
  }
  return facts;
}

/** The API portal's facts of a batch, read from the api-portal backend. */
export class ApiPortalFactProvider implements ScorecardFactProvider {
  readonly id = 'api-portal';
  readonly facts = API_PORTAL_FACTS;

  constructor(
    private readonly deps: {
      apiPortal: ApiPortalService;
      auth: AuthService;
      /** Entities read at once; 4 by default. */
      concurrency?: number;
    },
  ) {}

  async computeFacts(request: FactBatchRequest): Promise<EntityFactValues[]> {
    const apis = request.entities.filter(
      e => e.kind.toLocaleLowerCase('en-US') === 'api',
    );
    if (apis.length === 0) return [];
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const families = new Map<string, Promise<ApiFamilyRecord | undefined>>();
    const familyOf = (name: string) => {
      if (!families.has(name)) {
        families.set(name, this.readFamily(name, credentials));
      }
      return families.get(name)!;
    };
    const records = await readEachBounded(
      apis,
      entity => this.readEntity(entity, credentials, familyOf),
      { concurrency: this.deps.concurrency ?? 4, signal: request.signal },
    );
    return records.map(record => ({
      entityRef: record.entityRef,
      facts: apiPortalFacts(record),
    }));
  }

  private async readEntity(
    entity: Entity,
    credentials: BackstageCredentials,
    familyOf: (name: string) => Promise<ApiFamilyRecord | undefined>,
  ): Promise<ApiEntityRecord> {
    const entityRef = stringifyEntityRef(entity);
    const { items } = await this.deps.apiPortal.listEntityRevisions(
      parseEntityRef(entityRef),
      { limit: 1 },
      { credentials },
    );
    const [revision] = items;
    const family = revision ? await familyOf(revision.family) : undefined;
    return {
      entityRef,
      ...(revision && { revision }),
      ...(family && { family }),
    };
  }

  private async readFamily(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ApiFamilyRecord | undefined> {
    const { apiPortal } = this.deps;
    const options = { credentials };
    const absent = (error: unknown) => {
      if (isNotFoundResponse(error)) return undefined;
      throw error;
    };
    const [family, changelog] = await Promise.all([
      apiPortal.getFamily(name, options).catch(absent),
      apiPortal.getFamilyChangelog(name, { limit: 1 }, options),
    ]);
    if (!family) return undefined;
    const latest = family.versions.find(v => v.latest);
    const latestSdks = latest
      ? await apiPortal
          .listEntitySdks(parseEntityRef(latest.entityRef), options)
          .catch(absent)
      : undefined;
    return {
      family,
      ...(changelog.items[0] && { newestChange: changelog.items[0] }),
      ...(latestSdks && { latestSdks }),
    };
  }
}
