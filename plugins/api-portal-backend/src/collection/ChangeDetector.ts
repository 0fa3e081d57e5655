import { randomUUID } from 'node:crypto';
import {
  API_DIFF_RULES,
  compareVersions,
  createChangelogEntry,
  diffApiDefinitions,
  diffRulesFingerprint,
  sortVersions,
} from '@readiness/plugin-api-portal-common';
import type { ApiChange, DiffRule } from '@readiness/plugin-api-portal-common';
import { contentHash as digestOf } from '@readiness/store-utils';
import { DatabaseChangelogStore } from '../database/DatabaseChangelogStore';
import {
  ChangelogRecord,
  DatabaseSpecStore,
  DiffRecord,
} from '../database/DatabaseSpecStore';
import { SpecRevision } from '@readiness/plugin-api-portal-common';
import { isReadableOpenApi, UNVERSIONED } from '../revisions';
import { DefinitionReader } from '../worker/readDefinition';
import { WorkerPoolClosedError } from '../worker/runWorker';

/** Parsed texts kept while one pass compares them. */
const PARSED_CACHE_SIZE = 4;

/** Pairs compared again per batch when the rules changed. */
const STALE_BATCH = 50;

type Pair = {
  kind: 'revision' | 'version';
  from: SpecRevision;
  to: SpecRevision;
};

/** Parsed texts by content hash, kept while one pass compares them. */
export type ParsedTexts = Map<string, unknown>;

/**
 * What one detection works with: the pass's parsed texts, its own text not
 * kept yet, and the digest of the rules it compares with.
 */
type Texts = {
  parsed: ParsedTexts;
  unkept?: { contentHash: string; content: string };
  rulesDigest: string;
};

/** The newest revision carrying each version. */
function newestPerVersion(revisions: SpecRevision[]) {
  const byVersion = new Map<string, SpecRevision>();
  for (const revision of revisions) {
    const version = revision.version ?? '';
    const kept = byVersion.get(version);
    if (!kept || kept.firstSeenAt <= revision.firstSeenAt) {
      byVersion.set(version, revision);
    }
  }
  return byVersion;
}

/**
 * Decides what a new revision is compared with, and compares: the entity's
 * previous revision, and, when the revision brings a version the family did
 * not have, the family's versions just before and after it (semver order).
 * Each pair of texts is diffed once per rule set (kept diffs are reused
 * while the rules and limits that made them are the current ones); the
 * texts were parsed within limits before they became revisions.
 */
export class ChangeDetector {
  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      changelog: DatabaseChangelogStore;
      maxSchemaComparisons: number;
      /** Reads texts (YAML off the event loop). */
      readDefinition: DefinitionReader;
      /** The breaking-change rules; {@link API_DIFF_RULES} unless given. */
      rules?: readonly DiffRule[];
    },
  ) {}

  private get rules(): readonly DiffRule[] {
    return this.deps.rules ?? API_DIFF_RULES;
  }

  /**
   * Names the rules and limits diffs are made with now. Computed each time
   * (a few dozen rules): a rule corrected in a running process counts too.
   */
  rulesDigest(): string {
    return digestOf({
      ...diffRulesFingerprint(this.rules),
      maxSchemaComparisons: this.deps.maxSchemaComparisons,
    });
  }

  /**
   * Compares again every pair whose kept diff other rules made and that the
   * changelog shows, so entries follow the current rules; returns how many.
   * Pairs of revisions that had no changes, and so no entry, are not
   * looked for.
   */
  async refreshStale(options: { signal?: AbortSignal } = {}): Promise<number> {
    const rulesDigest = this.rulesDigest();
    const parsed: ParsedTexts = new Map();
    let count = 0;
    for (;;) {
      if (options.signal?.aborted) break;
      const stale = await this.deps.changelog.staleDiffs(
        rulesDigest,
        STALE_BATCH,
      );
      if (stale.length === 0) break;
      for (const pair of stale) {
        if (options.signal?.aborted) break;
        const diff = await this.compute(pair.fromHash, pair.toHash, {
          parsed,
          rulesDigest,
        });
        await this.deps.changelog.replaceDiff(diff);
        count += 1;
      }
    }
    return count;
  }

  /**
   * The diffs and changelog entries of a new revision whose text (`content`)
   * is not kept yet. `parsed` holds the texts its pass (or refresh) has read
   * already; each pass has its own, so a refresh during a pass cannot disturb it.
   */
  async detect(
    revision: SpecRevision,
    previous: SpecRevision | undefined,
    content: string | undefined,
    parsed: ParsedTexts,
  ): Promise<{ diffs: DiffRecord[]; changelog: ChangelogRecord[] }> {
    if (!isReadableOpenApi(revision) || content === undefined) {
      return { diffs: [], changelog: [] };
    }
    const texts: Texts = {
      parsed,
      unkept: { contentHash: revision.contentHash, content },
      rulesDigest: this.rulesDigest(),
    };
    return this.compare(revision, previous, texts);
  }

  private async compare(
    revision: SpecRevision,
    previous: SpecRevision | undefined,
    texts: Texts,
  ) {
    const pairs = await this.pairsOf(revision, previous);
    const diffs: DiffRecord[] = [];
    const changelog: ChangelogRecord[] = [];
    for (const pair of pairs) {
      const diff = await this.diff(
        pair.from.contentHash,
        pair.to.contentHash,
        texts,
      );
      diffs.push(diff);
      if (diff.status !== 'ok') continue;
      const changes = diff.changes as ApiChange[];
      if (pair.kind === 'revision' && changes.length === 0) continue;
      const entry = createChangelogEntry({
        family: revision.family,
        fromVersion: pair.from.version ?? UNVERSIONED,
        toVersion: pair.to.version ?? UNVERSIONED,
        entityRef: pair.to.entityRef,
        at: revision.firstSeenAt,
        changes,
      });
      changelog.push({
        id: randomUUID(),
        family: revision.family,
        kind: pair.kind,
        entityRef: pair.to.entityRef,
        fromEntityRef: pair.from.entityRef,
        fromRevisionId: pair.from.id,
        toRevisionId: pair.to.id,
        fromVersion: entry.fromVersion,
        toVersion: entry.toVersion,
        fromHash: pair.from.contentHash,
        toHash: pair.to.contentHash,
        breaking: entry.breaking,
        summary: entry.summary,
        at: entry.at,
      });
    }
    return { diffs, changelog };
  }

  private async pairsOf(
    revision: SpecRevision,
    previous: SpecRevision | undefined,
  ): Promise<Pair[]> {
    const pairs: Pair[] = [];
    if (
      previous &&
      isReadableOpenApi(previous) &&
      previous.contentHash !== revision.contentHash
    ) {
      pairs.push({ kind: 'revision', from: previous, to: revision });
    }
    const family = (await this.deps.specs.familyRevisions(revision.family))
      .filter(isReadableOpenApi)
      .filter(r => r.id !== revision.id);
    const versions = newestPerVersion(family);
    const version = revision.version ?? '';
    if (!versions.has(version)) {
      const ordered = sortVersions([...versions.keys()]);
      const before = ordered.filter(v => compareVersions(v, version) < 0).pop();
      const after = ordered.find(v => compareVersions(v, version) > 0);
      if (before !== undefined) {
        pairs.push({
          kind: 'version',
          from: versions.get(before)!,
          to: revision,
        });
      }
      if (after !== undefined) {
        pairs.push({
          kind: 'version',
          from: revision,
          to: versions.get(after)!,
        });
      }
    }
    const seen = new Set<string>();
    return pairs.filter(pair => {
      const key = `${pair.from.id}>${pair.to.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private async diff(
    fromHash: string,
    toHash: string,
    texts: Texts,
  ): Promise<DiffRecord> {
    const kept = await this.deps.changelog.getDiff(fromHash, toHash);
    if (kept?.rulesDigest === texts.rulesDigest) return kept;
    return this.compute(fromHash, toHash, texts);
  }

  private async compute(
    fromHash: string,
    toHash: string,
    texts: Texts,
  ): Promise<DiffRecord> {
    const { rulesDigest } = texts;
    try {
      const changes = diffApiDefinitions(
        await this.parse(fromHash, texts),
        await this.parse(toHash, texts),
        {
          maxSchemaComparisons: this.deps.maxSchemaComparisons,
          rules: this.rules,
        },
      );
      return {
        fromHash,
        toHash,
        rulesDigest,
        status: 'ok',
        breaking: changes.some(c => c.breaking),
        changes,
      };
    } catch (error) {
      // A stopping backend says nothing about the pair: keep no diff of it
      if (error instanceof WorkerPoolClosedError) throw error;
      return {
        fromHash,
        toHash,
        rulesDigest,
        status: 'error',
        statusMessage: `the definitions could not be compared: ${
          (error as Error).message
        }`,
        breaking: false,
        changes: [],
      };
    }
  }

  private async parse(contentHash: string, texts: Texts): Promise<unknown> {
    const { parsed, unkept } = texts;
    if (parsed.has(contentHash)) return parsed.get(contentHash);
    const text =
      unkept?.contentHash === contentHash
        ? unkept.content
        : await this.deps.specs.getContent(contentHash);
    if (text === undefined) {
      throw new Error(`the text of ${contentHash} is not kept`);
    }
    const value: unknown = await this.deps.readDefinition(text);
    if (parsed.size >= PARSED_CACHE_SIZE) {
      parsed.delete(parsed.keys().next().value!);
    }
    parsed.set(contentHash, value);
    return value;
  }
}
