import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  compareVersions,
  latestVersion,
} from '@readiness/plugin-api-portal-common';
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
  LintProblem,
  LintResult,
  LintTotals,
  Page,
  SpecRevision,
} from '../types';
import { EntityScope, inScope } from './authorize';
import { FeedFormat, FeedLinks, renderFeed } from './feeds';

/** What a caller may see: entities to read, entities whose lint to read. */
export type Access = { read: EntityScope; lint: EntityScope };

/** Who asks, and (from the authorizing wrapper) what they may see. */
export type CallOptions = {
  credentials: BackstageCredentials;
  access?: Access;
};

/** Lint totals with their state, as lists show them. */
export type LintSummary = LintTotals & {
  status: LintResult['status'];
  lintedAt: string;
};

/** An API family in the families list. */
export type FamilySummary = {
  name: string;
  latestVersion?: string;
  latestEntityRef?: string;
  /** Distinct (entity, version) pairs the family has had. */
  versionsCount: number;
  entityRefs: string[];
  partnerFacing: boolean;
  /** Lint totals of the latest version's definition (when the caller may read them). */
  lint?: LintSummary;
  breakingChangesLast30Days: number;
  /** SDK downloads per day (UTC) of the last 30 days, days with downloads only. */
  sdkDownloadsLast30Days?: Array<{ day: string; downloads: number }>;
};

/** One version of a family: the newest revision carrying it. */
export type FamilyVersion = {
  version: string;
  entityRef: string;
  revision: SpecRevision;
  /** Whether this is the entity's current definition. */
  current: boolean;
  /** Whether this is the family's latest version. */
  latest: boolean;
  lint?: LintSummary;
};

/** An API family with its versions, newest first. */
export type FamilyDetail = {
  name: string;
  partnerFacing: boolean;
  latestVersion?: string;
  versions: FamilyVersion[];
};

/** A revision's lint result with its problems, also counted per rule. */
export type RevisionLint = {
  revisionId: string;
  entityRef: string;
  contentHash: string;
  /** `not-linted`: not OpenAPI/Swagger, unreadable, or not linted yet. */
  status: LintResult['status'] | 'not-linted';
  statusMessage?: string;
  totals: LintTotals;
  lintedAt?: string;
  rules: Array<{
    ruleId: string;
    severity: LintProblem['severity'];
    count: number;
    documentationUrl?: string;
  }>;
  problems: LintProblem[];
};

/** The API portal's read model and the on-demand refresh. */
export interface ApiPortalService {
  listFamilies(
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<Page<FamilySummary>>;
  getFamily(name: string, options: CallOptions): Promise<FamilyDetail>;
  /** The families an entity list names, for authorization. */
  familyEntityRefs(name: string): Promise<string[]>;
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
  refresh(
    entityRef: string,
    options: CallOptions,
  ): Promise<{ revision: SpecRevision; changed: boolean }>;
  /** Every collected entity, for authorization of lists. */
  entityRefs(): Promise<string[]>;
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

const ALL: Access = { read: { all: true }, lint: { all: true } };

/**
 * Reads families, versions, revisions, lint results and the changelog from
 * the stores, showing only what `options.access` lets the caller see.
 */
export class DefaultApiPortalService implements ApiPortalService {
  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      lints: DatabaseLintStore;
      changelog: DatabaseChangelogStore;
      collector: ApiCollector;
      feedLinks: FeedLinks;
      /** SDK download counts, when the backend builds SDKs. */
      sdkDownloads?: {
        familyDownloadsByDay(
          families: string[],
          sinceDay: string,
        ): Promise<Map<string, Array<{ day: string; downloads: number }>>>;
      };
      now?: () => Date;
    },
  ) {}

  async entityRefs(): Promise<string[]> {
    return (await this.deps.specs.currentRevisions()).map(c => c.entityRef);
  }

  async familyEntityRefs(name: string): Promise<string[]> {
    return (await this.deps.specs.currentRevisions({ family: name })).map(
      c => c.entityRef,
    );
  }

  async listFamilies(
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<Page<FamilySummary>> {
    const access = options.access ?? ALL;
    const limit = pageSize(page.limit);
    const after = page.cursor ? decodeNameCursor(page.cursor) : undefined;
    const current = (await this.deps.specs.currentRevisions()).filter(c =>
      inScope(access.read, c.entityRef),
    );
    const byFamily = new Map<string, CurrentRevision[]>();
    for (const entry of current) {
      byFamily.set(entry.family, [
        ...(byFamily.get(entry.family) ?? []),
        entry,
      ]);
    }
    const names = [...byFamily.keys()]
      .sort()
      .filter(name => after === undefined || name > after);
    const shown = names.slice(0, limit);
    const readable = access.read.all ? undefined : [...access.read.entityRefs];
    const since = new Date(
      (this.deps.now ?? (() => new Date()))().getTime() - 30 * DAY_MS,
    );
    const breaking = await this.deps.changelog.breakingSince(since, readable);
    const downloads = await this.deps.sdkDownloads?.familyDownloadsByDay(
      shown,
      since.toISOString().slice(0, 10),
    );
    const items: FamilySummary[] = [];
    const latestOf = new Map<string, CurrentRevision | undefined>();
    for (const name of shown) {
      const entries = byFamily.get(name)!;
      const latest = latestVersion(entries.map(e => e.revision.version ?? ''));
      latestOf.set(
        name,
        entries.find(e => (e.revision.version ?? '') === latest),
      );
    }
    const lintResults = await this.deps.lints.resultsOf(
      [...latestOf.values()]
        .filter((e): e is CurrentRevision => !!e)
        .filter(e => inScope(access.lint, e.entityRef))
        .map(e => e.currentContentHash),
    );
    const versionCounts = await this.versionCounts(shown, access);
    for (const name of shown) {
      const entries = byFamily.get(name)!;
      const latest = latestOf.get(name);
      const lint =
        latest && inScope(access.lint, latest.entityRef)
          ? lintSummary(lintResults.get(latest.currentContentHash))
          : undefined;
      items.push({
        name,
        ...(latest?.revision.version !== undefined && {
          latestVersion: latest.revision.version,
        }),
        ...(latest && { latestEntityRef: latest.entityRef }),
        versionsCount: versionCounts.get(name) ?? 0,
        entityRefs: entries.map(e => e.entityRef).sort(),
        partnerFacing: entries.some(e => e.partnerFacing),
        ...(lint && { lint }),
        breakingChangesLast30Days: breaking.get(name) ?? 0,
        ...(downloads && {
          sdkDownloadsLast30Days: downloads.get(name) ?? [],
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

  async getFamily(name: string, options: CallOptions): Promise<FamilyDetail> {
    const access = options.access ?? ALL;
    const current = await this.deps.specs.currentRevisions({ family: name });
    if (current.length === 0) {
      throw new NotFoundError(`No API family ${name}`);
    }
    const visible = current.filter(c => inScope(access.read, c.entityRef));
    if (visible.length === 0) {
      throw new NotAllowedError(`You may not read the API family ${name}`);
    }
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
  ): Promise<Page<SpecRevision>> {
    const result = await this.deps.specs.listRevisions(entityRef, page);
    if (result.items.length === 0 && !page.cursor) {
      const [state] = (await this.deps.specs.statesOf([entityRef])).values();
      if (!state) {
        throw new NotFoundError(`No definitions collected for ${entityRef}`);
      }
    }
    return result;
  }

  async getRevision(revisionId: string): Promise<SpecRevision> {
    const revision = await this.deps.specs.getRevision(revisionId);
    if (!revision) throw new NotFoundError(`No revision ${revisionId}`);
    return revision;
  }

  async getRevisionLint(revisionId: string): Promise<RevisionLint> {
    const revision = await this.getRevision(revisionId);
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
    options: CallOptions,
  ): Promise<Page<ChangelogItem>> {
    const access = options.access ?? ALL;
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

  async renderFeed(
    format: FeedFormat,
    filter: { family?: string },
    options: CallOptions,
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

  /** Distinct (entity, version) pairs of ok revisions per family, within scope. */
  private async versionCounts(families: string[], access: Access) {
    const counts = new Map<string, number>();
    for (const family of families) {
      const revisions = (await this.deps.specs.familyRevisions(family)).filter(
        r => inScope(access.read, r.entityRef),
      );
      counts.set(
        family,
        new Set(revisions.map(r => `${r.entityRef}\u0000${r.version ?? ''}`))
          .size,
      );
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
