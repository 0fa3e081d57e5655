import { createHash } from 'node:crypto';
import {
  PortalEvidence,
  PortalEvidenceReporter,
} from '@readiness/plugin-compliance-node';
import {
  latestVersion,
  LintResult,
  majorVersion,
} from '@readiness/plugin-api-portal-common';
import { DatabaseChangelogStore } from '../database/DatabaseChangelogStore';
import { DatabaseLintStore } from '../database/DatabaseLintStore';
import {
  CurrentRevision,
  DatabaseSpecStore,
} from '../database/DatabaseSpecStore';
import { entityPageUrl } from '../service/feeds';

/** How far back breaking changes must all have come with a major version. */
export const BREAKING_CHANGE_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;

/** What one pass of the reporter found. */
export type ApiEvidenceReport = {
  families: number;
  /** Families whose latest version lints clean and whose breaking changes came with a major version. */
  clean: number;
  /** Items sent to the compliance backend this pass (stored or already there). */
  filed: number;
  /** Items the compliance backend did not take (logged). */
  failed: number;
};

/** Why a family is not clean, or undefined when it is. */
export function familyProblem(
  latest: Array<{ entityRef: string; lint?: LintResult }>,
  breaking: Array<{
    kind: 'revision' | 'version';
    fromVersion: string;
    toVersion: string;
  }>,
): string | undefined {
  if (latest.length === 0) return 'no current version has a version number';
  for (const { entityRef, lint } of latest) {
    if (!lint) return `${entityRef} is not linted yet`;
    if (lint.status !== 'ok') return `the lint of ${entityRef} ${lint.status}`;
    if (lint.errors > 0) return `${entityRef} has ${lint.errors} lint errors`;
  }
  const withoutMajor = breaking.find(change => {
    const from = majorVersion(change.fromVersion);
    const to = majorVersion(change.toVersion);
    return (
      change.kind !== 'version' ||
      from === undefined ||
      to === undefined ||
      to <= from
    );
  });
  return withoutMajor
    ? `a breaking change from ${withoutMajor.fromVersion} to ${withoutMajor.toVersion} came without a new major version`
    : undefined;
}

/**
 * Files `api-lint-clean` evidence for the API families whose latest version
 * lints without errors (warnings allowed) and whose breaking changes of the
 * last 90 days all came with a new major version: one item for each current
 * API entity of such a family, as the evidence is about the family's change
 * control. An item is filed again when the family's latest definitions
 * change and once a month while it stays clean, so evidence stays fresh for
 * as long as it is true; within a month the same key files nothing new.
 */
export class ApiEvidenceReporter {
  // Keys filed by this process: a pass sends only what is new
  readonly #filed = new Set<string>();

  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      lints: DatabaseLintStore;
      changelog: DatabaseChangelogStore;
      reporter: PortalEvidenceReporter;
      appBaseUrl: string;
      now?: () => Date;
    },
  ) {}

  async reportAll(signal?: AbortSignal): Promise<ApiEvidenceReport> {
    const now = this.deps.now?.() ?? new Date();
    const current = await this.deps.specs.currentRevisions();
    const families = new Map<string, CurrentRevision[]>();
    for (const entry of current) {
      const members = families.get(entry.family);
      if (members) members.push(entry);
      else families.set(entry.family, [entry]);
    }
    const lints = await this.deps.lints.resultsOf(
      current.map(c => c.revision.contentHash),
    );
    const breaking = await this.deps.changelog.breakingEntriesSince(
      new Date(now.getTime() - BREAKING_CHANGE_WINDOW_DAYS * DAY_MS),
    );
    const report: ApiEvidenceReport = {
      families: families.size,
      clean: 0,
      filed: 0,
      failed: 0,
    };
    for (const [family, members] of families) {
      if (signal?.aborted) break;
      const newest = latestVersion(
        members.flatMap(m => (m.revision.version ? [m.revision.version] : [])),
      );
      const latest = members
        .filter(m => newest !== undefined && m.revision.version === newest)
        .map(m => ({
          entityRef: m.entityRef,
          revisionId: m.revision.id,
          lint: lints.get(m.revision.contentHash),
        }));
      const changes = breaking.filter(b => b.family === family);
      if (familyProblem(latest, changes) !== undefined) continue;
      report.clean += 1;
      for (const member of members) {
        const evidence = this.evidenceOf(family, newest!, member, {
          latest,
          breakingChanges: changes.length,
          now,
        });
        if (this.#filed.has(evidence.idempotencyKey)) continue;
        const ok = await this.deps.reporter.report(evidence, {
          filedAgain: 'the next collection',
        });
        if (ok) {
          this.#filed.add(evidence.idempotencyKey);
          report.filed += 1;
        } else {
          report.failed += 1;
        }
      }
    }
    return report;
  }

  private evidenceOf(
    family: string,
    version: string,
    member: CurrentRevision,
    context: {
      latest: Array<{
        entityRef: string;
        revisionId: string;
        lint?: LintResult;
      }>;
      breakingChanges: number;
      now: Date;
    },
  ): PortalEvidence {
    const { latest, breakingChanges, now } = context;
    const warnings = latest.reduce(
      (sum, l) => sum + (l.lint?.warnings ?? 0),
      0,
    );
    const lintedAt = latest
      .map(l => l.lint!.lintedAt)
      .sort()
      .pop()!;
    const entities = latest.map(l => l.entityRef).join(', ');
    const lintTotals = `${warnings} ${
      warnings === 1 ? 'warning' : 'warnings'
    }, linted ${lintedAt}`;
    const window = `in the last ${BREAKING_CHANGE_WINDOW_DAYS} days`;
    const breaking =
      breakingChanges === 0
        ? `no breaking change ${window}.`
        : `${breakingChanges} breaking ${
            breakingChanges === 1 ? 'change' : 'changes'
          } ${window}, each with a new major version.`;
    const month = now.toISOString().slice(0, 7);
    const key = createHash('sha256')
      .update(
        [
          family,
          member.entityRef,
          ...latest.map(l => l.revisionId).sort(),
          month,
        ].join('\n'),
      )
      .digest('hex')
      .slice(0, 40);
    return {
      kind: 'api-lint-clean',
      entityRef: member.entityRef,
      title: `API family ${family} ${version} lints clean`.slice(0, 200),
      description: `The latest version ${version} (${entities}) lints without errors (${lintTotals}); ${breaking}`,
      link: entityPageUrl(this.deps.appBaseUrl, latest[0].entityRef),
      collectedAt: now.toISOString(),
      idempotencyKey: `api.${key}`,
    };
  }
}
