import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  parseEntityRef,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityScope, inScope } from '@readiness/backend-http-utils';
import { pageSize } from '@readiness/store-utils';
import { ApiCollector } from '../collection/ApiCollector';
import { DatabaseChangelogStore } from '../database/DatabaseChangelogStore';
import { DatabaseLintStore } from '../database/DatabaseLintStore';
import {
  CurrentRevision,
  DatabaseSpecStore,
} from '../database/DatabaseSpecStore';
import {
  ChangelogItem,
  compareVersions,
  defaultFamilyName,
  FamilyDetail,
  FamilySummary,
  FamilyVersion,
  LintProblem,
  LintResult,
  LintSummary,
  latestVersion,
  Page,
  ProvidedApi,
  ProvidedApis,
  RefreshResult,
  RevisionLint,
  SpecRevision,
} from '@readiness/plugin-api-portal-common';
import { downloaderOf } from '../sdk/downloaders';
import { FeedFormat, FeedLinks, renderFeed } from './feeds';
import {
  definitionsNotFound,
  entityNotFound,
  familyNotFound,
  revisionNotFound,
} from './notFound';

/** What a caller may see: entities to read, entities whose lint to read. */
export type Access = { read: EntityScope; lint: EntityScope };

/** Who asks. */
export type CallOptions = { credentials: BackstageCredentials };

/** Who asks and what they may see, as the authorizing wrapper decided. */
export type ScopedCallOptions = CallOptions & { access: Access };

/**
 * The API portal's read model and the on-demand refresh, as the router calls
 * it: the caller's credentials only; `AuthorizedApiPortalService`
 * decides what they may see.
 */
export interface ApiPortalService {
  listFamilies(
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<Page<FamilySummary>>;
  getFamily(name: string, options: CallOptions): Promise<FamilyDetail>;
  /** The APIs an entity provides, summarised for its card. */
  getProvidedApis(
    entityRef: string,
    options: CallOptions,
  ): Promise<ProvidedApis>;
  listRevisions(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<Page<SpecRevision>>;
  getRevision(revisionId: string, options: CallOptions): Promise<SpecRevision>;
  getRevisionLint(
    revisionId: string,
    options: CallOptions,
  ): Promise<RevisionLint>;
  listChangelog(
    filter: { family?: string; breaking?: boolean },
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<Page<ChangelogItem>>;
  renderFeed(
    format: FeedFormat,
    filter: { family?: string },
    options: CallOptions,
  ): Promise<string>;
  refresh(entityRef: string, options: CallOptions): Promise<RefreshResult>;
}

/**
 * The data work behind {@link ApiPortalService}. Every read is given the
 * scope the caller may see, with no default: what is outside it is answered
 * as absent. Nothing here decides about the caller; the lookups without a
 * scope only name the entities to authorize.
 */
export interface ScopedApiPortalService {
  /** Every collected entity, for authorization of lists. */
  entityRefs(): Promise<string[]>;
  /** The entities of a family, for authorization. */
  familyEntityRefs(name: string): Promise<string[]>;
  /** The entity a revision belongs to, for authorization; none when absent. */
  revisionEntityRef(revisionId: string): Promise<string | undefined>;
  /** The APIs an entity provides, read from the catalog as the caller. */
  providedApiRefs(entityRef: string, options: CallOptions): Promise<string[]>;
  /** The collected members of the families of these API entities. */
  familyMembersOf(entityRefs: string[]): Promise<CurrentRevision[]>;
  listFamilies(
    page: { cursor?: string; limit?: number },
    options: ScopedCallOptions,
  ): Promise<Page<FamilySummary>>;
  getFamily(name: string, options: ScopedCallOptions): Promise<FamilyDetail>;
  summarizeProvidedApis(
    entityRef: string,
    apiRefs: string[],
    familyMembers: CurrentRevision[],
    options: ScopedCallOptions,
  ): Promise<ProvidedApis>;
  listRevisions(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    options: ScopedCallOptions,
  ): Promise<Page<SpecRevision>>;
  getRevision(
    revisionId: string,
    options: ScopedCallOptions,
  ): Promise<SpecRevision>;
  getRevisionLint(
    revisionId: string,
    options: ScopedCallOptions,
  ): Promise<RevisionLint>;
  listChangelog(
    filter: { family?: string; breaking?: boolean },
    page: { cursor?: string; limit?: number },
    options: ScopedCallOptions,
  ): Promise<Page<ChangelogItem>>;
  renderFeed(
    format: FeedFormat,
    filter: { family?: string },
    options: ScopedCallOptions,
  ): Promise<string>;
  refresh(entityRef: string): Promise<RefreshResult>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FEED_ENTRIES = 50;

function encodeNameCursor(name: string): string {
  return Buffer.from(JSON.stringify({ after: name })).toString('base64url');
}

function decodeNameCursor(cursor: string): string {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (typeof after === 'string') return after;
  } catch {
    // reported below
  }
  throw new InputError('cursor: not a cursor this API returned');
}

function lintSummary(result: LintResult | undefined): LintSummary | undefined {
  return result
    ? {
        errors: result.errors,
        warnings: result.warnings,
        status: result.status,
        lintedAt: result.lintedAt,
      }
    : undefined;
}

function byVersionNewestFirst(a: FamilyVersion, b: FamilyVersion): number {
  return (
    compareVersions(b.version, a.version) ||
    a.entityRef.localeCompare(b.entityRef) ||
    b.revision.firstSeenAt.localeCompare(a.revision.firstSeenAt)
  );
}

/** Errors before warnings. */
function severityRank(severity: LintProblem['severity']): number {
  return severity === 'error' ? 0 : 1;
}

/**
 * Reads families, versions, revisions, lint results and the changelog from
 * the stores, showing only what `options.access` lets the caller see.
 */
export class DefaultApiPortalService implements ScopedApiPortalService {
  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      lints: DatabaseLintStore;
      changelog: DatabaseChangelogStore;
      collector: ApiCollector;
      catalog: CatalogService;
      feedLinks: FeedLinks;
      /** SDK download counts, when the backend builds SDKs. */
      sdkDownloads?: {
        familyDownloadsByDay(
          families: string[],
          sinceDay: string,
          byOrgs?: readonly string[],
        ): Promise<
          Map<
            string,
            Array<{ day: string; downloads: number; sample?: number }>
          >
        >;
      };
      /** Whose SDK downloads a caller may count (their partner organisations). */
      userInfo: UserInfoService;
      now?: () => Date;
    },
  ) {}

  async entityRefs(): Promise<string[]> {
    return this.deps.specs.entityRefs();
  }

  async familyEntityRefs(name: string): Promise<string[]> {
    return (await this.deps.specs.currentRevisions({ family: name })).map(
      c => c.entityRef,
    );
  }

  async revisionEntityRef(revisionId: string): Promise<string | undefined> {
    return (await this.deps.specs.getRevision(revisionId))?.entityRef;
  }

  async listFamilies(
    page: { cursor?: string; limit?: number },
    options: ScopedCallOptions,
  ): Promise<Page<FamilySummary>> {
    const { access } = options;
    const limit = pageSize(page.limit);
    const after = page.cursor ? decodeNameCursor(page.cursor) : undefined;
    const current = (await this.deps.specs.currentVersions()).filter(c =>
      inScope(access.read, c.entityRef),
    );
    type Entry = (typeof current)[number];
    const byFamily = new Map<string, Entry[]>();
    for (const entry of current) {
      const entries = byFamily.get(entry.family);
      if (entries) entries.push(entry);
      else byFamily.set(entry.family, [entry]);
    }
    const names = [...byFamily.keys()]
      .sort()
      .filter(name => after === undefined || name > after);
    const shown = names.slice(0, limit);
    const readable = access.read.all ? undefined : [...access.read.entityRefs];
    const since = new Date(this.now().getTime() - 30 * DAY_MS);
    const latestOf = new Map<string, Entry | undefined>();
    for (const name of shown) {
      const entries = byFamily.get(name)!;
      const latest = latestVersion(entries.map(e => e.version ?? ''));
      latestOf.set(
        name,
        entries.find(e => (e.version ?? '') === latest),
      );
    }
    // Partners count their own organisation's downloads only
    const downloader = this.deps.sdkDownloads
      ? await downloaderOf(options.credentials, this.deps.userInfo)
      : undefined;
    const [breaking, downloads, lintResults, versionCounts] = await Promise.all(
      [
        this.deps.changelog.breakingSince(since, readable),
        this.deps.sdkDownloads?.familyDownloadsByDay(
          shown,
          since.toISOString().slice(0, 10),
          downloader?.scope === 'all' ? undefined : downloader?.partnerOrgs,
        ),
        this.deps.lints.resultsOf(
          [...latestOf.values()]
            .filter((e): e is Entry => !!e)
            .filter(e => inScope(access.lint, e.entityRef))
            .map(e => e.currentContentHash),
        ),
        this.versionCounts(shown, access),
      ],
    );
    const items: FamilySummary[] = [];
    for (const name of shown) {
      const entries = byFamily.get(name)!;
      const latest = latestOf.get(name);
      const lint =
        latest && inScope(access.lint, latest.entityRef)
          ? lintSummary(lintResults.get(latest.currentContentHash))
          : undefined;
      items.push({
        name,
        ...(latest?.version !== undefined && {
          latestVersion: latest.version,
        }),
        ...(latest && { latestEntityRef: latest.entityRef }),
        versionsCount: versionCounts.get(name) ?? 0,
        entityRefs: entries.map(e => e.entityRef).sort(),
        partnerFacing: entries.some(e => e.partnerFacing),
        ...(lint && { lint }),
        breakingChangesLast30Days: breaking.get(name) ?? 0,
        ...(downloads &&
          downloader && {
            sdkDownloadsLast30Days: downloads.get(name) ?? [],
            sdkDownloadsScope: downloader.scope,
          }),
      });
    }
    return {
      items,
      ...(names.length > limit && {
        nextCursor: encodeNameCursor(shown[shown.length - 1]),
      }),
    };
  }

  async getFamily(
    name: string,
    options: ScopedCallOptions,
  ): Promise<FamilyDetail> {
    const { access } = options;
    const current = await this.deps.specs.currentRevisions({ family: name });
    const visible = current.filter(c => inScope(access.read, c.entityRef));
    if (visible.length === 0) throw familyNotFound(name);
    const versions = this.versionsOf(
      await this.deps.specs.familyRevisions(name),
      visible,
    );
    const lintResults = await this.deps.lints.resultsOf(
      versions
        .filter(v => inScope(access.lint, v.entityRef))
        .map(v => v.revision.contentHash),
    );
    for (const version of versions) {
      const lint = inScope(access.lint, version.entityRef)
        ? lintSummary(lintResults.get(version.revision.contentHash))
        : undefined;
      if (lint) version.lint = lint;
    }
    const latest = versions.find(v => v.latest);
    return {
      name,
      partnerFacing: visible.some(c => c.partnerFacing),
      ...(latest && { latestVersion: latest.version }),
      versions,
    };
  }

  async listRevisions(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    options: ScopedCallOptions,
  ): Promise<Page<SpecRevision>> {
    if (!inScope(options.access.read, entityRef)) {
      throw definitionsNotFound(entityRef);
    }
    const result = await this.deps.specs.listRevisions(entityRef, page);
    if (result.items.length === 0 && !page.cursor) {
      const [state] = (await this.deps.specs.statesOf([entityRef])).values();
      if (!state) {
        throw definitionsNotFound(entityRef);
      }
    }
    return result;
  }

  async getRevision(
    revisionId: string,
    options: ScopedCallOptions,
  ): Promise<SpecRevision> {
    return this.revisionIn(options.access.read, revisionId);
  }

  async getRevisionLint(
    revisionId: string,
    options: ScopedCallOptions,
  ): Promise<RevisionLint> {
    const revision = await this.revisionIn(options.access.lint, revisionId);
    const [result] = (
      await this.deps.lints.resultsOf([revision.contentHash])
    ).values();
    const problems = result
      ? await this.deps.lints.problemsOf(revision.contentHash)
      : [];
    const rules = new Map<string, RevisionLint['rules'][number]>();
    for (const problem of problems) {
      const key = `${problem.ruleId}\u0000${problem.severity}`;
      const rule = rules.get(key) ?? {
        ruleId: problem.ruleId,
        severity: problem.severity,
        count: 0,
        ...(problem.documentationUrl && {
          documentationUrl: problem.documentationUrl,
        }),
      };
      rule.count += 1;
      rules.set(key, rule);
    }
    return {
      revisionId,
      entityRef: revision.entityRef,
      contentHash: revision.contentHash,
      status: result?.status ?? 'not-linted',
      ...(result?.statusMessage && { statusMessage: result.statusMessage }),
      totals: { errors: result?.errors ?? 0, warnings: result?.warnings ?? 0 },
      ...(result && { lintedAt: result.lintedAt }),
      rules: [...rules.values()].sort(
        (a, b) =>
          severityRank(a.severity) - severityRank(b.severity) ||
          b.count - a.count ||
          a.ruleId.localeCompare(b.ruleId),
      ),
      problems,
    };
  }

  async listChangelog(
    filter: { family?: string; breaking?: boolean },
    page: { cursor?: string; limit?: number },
    options: ScopedCallOptions,
  ): Promise<Page<ChangelogItem>> {
    const { access } = options;
    if (filter.family) {
      await this.getFamily(filter.family, options);
    }
    return this.deps.changelog.list(
      {
        ...(filter.family && { family: filter.family }),
        ...(filter.breaking && { breakingOnly: true }),
        ...(!access.read.all && { entityRefs: [...access.read.entityRefs] }),
      },
      page,
    );
  }

  /**
   * The APIs an entity provides (its `providesApi` relations), read from the
   * catalog with the caller's credentials: NotFoundError when the catalog
   * does not answer it.
   */
  async providedApiRefs(
    entityRef: string,
    options: CallOptions,
  ): Promise<string[]> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: options.credentials,
    });
    if (!entity) throw entityNotFound(entityRef);
    const refs = (entity.relations ?? [])
      .filter(relation => relation.type === RELATION_PROVIDES_API)
      .map(relation => relation.targetRef);
    return [...new Set(refs)].sort();
  }

  /**
   * The collected entities of the families these API entities belong to,
   * with their current revisions (the collected ones among the APIs included).
   */
  async familyMembersOf(entityRefs: string[]): Promise<CurrentRevision[]> {
    const states = await this.deps.specs.statesOf(entityRefs);
    const families = [...new Set([...states.values()].map(s => s.family))];
    return families.length > 0
      ? this.deps.specs.currentRevisions({ families })
      : [];
  }

  /** Summaries of the provided APIs the caller may read. */
  async summarizeProvidedApis(
    entityRef: string,
    apiRefs: string[],
    familyMembers: CurrentRevision[],
    options: ScopedCallOptions,
  ): Promise<ProvidedApis> {
    const { access } = options;
    const readable = apiRefs.filter(ref => inScope(access.read, ref));
    const readableSet = new Set(readable);
    const current = new Map(
      familyMembers
        .filter(m => readableSet.has(m.entityRef))
        .map(c => [c.entityRef, c]),
    );
    const families = [...new Set([...current.values()].map(c => c.family))];
    // The family's latest version among the members the caller may read
    const members = familyMembers.filter(m =>
      inScope(access.read, m.entityRef),
    );
    const latestByFamily = new Map<string, string>();
    for (const family of families) {
      latestByFamily.set(
        family,
        latestVersion(
          members
            .filter(m => m.family === family)
            .map(m => m.revision.version ?? ''),
        ) ?? '',
      );
    }
    const lintResults = await this.deps.lints.resultsOf(
      [...current.values()]
        .filter(c => inScope(access.lint, c.entityRef))
        .map(c => c.currentContentHash),
    );
    const breaking =
      families.length > 0
        ? await this.deps.changelog.breakingSince(
            new Date(this.now().getTime() - 30 * DAY_MS),
            access.read.all ? undefined : [...access.read.entityRefs],
          )
        : new Map<string, number>();
    const apis = readable.map((ref): ProvidedApi => {
      const entry = current.get(ref);
      if (!entry) {
        return {
          entityRef: ref,
          family: defaultFamilyName(parseEntityRef(ref).name),
          latest: false,
          breakingChangesLast30Days: 0,
        };
      }
      const { revision } = entry;
      const latest = latestByFamily.get(entry.family) || undefined;
      const lint = inScope(access.lint, ref)
        ? lintSummary(lintResults.get(entry.currentContentHash))
        : undefined;
      return {
        entityRef: ref,
        ...(revision.title && { title: revision.title }),
        family: entry.family,
        ...(revision.version !== undefined && { version: revision.version }),
        ...(latest !== undefined && { latestVersion: latest }),
        latest: latest !== undefined && (revision.version ?? '') === latest,
        revisionStatus: revision.status,
        ...(revision.statusMessage && {
          revisionStatusMessage: revision.statusMessage,
        }),
        ...(lint && { lint }),
        breakingChangesLast30Days: breaking.get(entry.family) ?? 0,
      };
    });
    return { entityRef, apis, hidden: apiRefs.length - readable.length };
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  async renderFeed(
    format: FeedFormat,
    filter: { family?: string },
    options: ScopedCallOptions,
  ): Promise<string> {
    const { items } = await this.listChangelog(
      filter,
      { limit: FEED_ENTRIES },
      options,
    );
    return renderFeed(format, items, {
      ...(filter.family && { family: filter.family }),
      links: this.deps.feedLinks,
    });
  }

  async refresh(entityRef: string) {
    return this.deps.collector.refresh(entityRef);
  }

  /** A revision whose entity is in the scope; outside it, as absent. */
  private async revisionIn(
    scope: EntityScope,
    revisionId: string,
  ): Promise<SpecRevision> {
    const revision = await this.deps.specs.getRevision(revisionId);
    if (!revision || !inScope(scope, revision.entityRef)) {
      throw revisionNotFound(revisionId);
    }
    return revision;
  }

  /** Distinct (entity, version) pairs per family, within scope, in one query. */
  private async versionCounts(families: string[], access: Access) {
    const counts = new Map<string, number>();
    for (const pair of await this.deps.specs.familyVersions(families)) {
      if (!inScope(access.read, pair.entityRef)) continue;
      counts.set(pair.family, (counts.get(pair.family) ?? 0) + 1);
    }
    return counts;
  }

  private versionsOf(
    revisions: SpecRevision[],
    visible: CurrentRevision[],
  ): FamilyVersion[] {
    const visibleRefs = new Map(visible.map(c => [c.entityRef, c]));
    const newest = new Map<string, SpecRevision>();
    for (const revision of revisions) {
      if (!visibleRefs.has(revision.entityRef)) continue;
      const key = `${revision.entityRef}\u0000${revision.version ?? ''}`;
      const kept = newest.get(key);
      if (!kept || kept.firstSeenAt <= revision.firstSeenAt) {
        newest.set(key, revision);
      }
    }
    // The current revision of an entity always stands for its version
    for (const c of visible) {
      newest.set(`${c.entityRef}\u0000${c.revision.version ?? ''}`, c.revision);
    }
    const latest = latestVersion(visible.map(c => c.revision.version ?? ''));
    const versions = [...newest.values()].map(revision => {
      const current =
        visibleRefs.get(revision.entityRef)?.currentRevisionId === revision.id;
      return {
        version: revision.version ?? '',
        entityRef: revision.entityRef,
        revision,
        current,
        latest: current && (revision.version ?? '') === latest,
      };
    });
    return versions.sort(byVersionNewestFirst);
  }
}
