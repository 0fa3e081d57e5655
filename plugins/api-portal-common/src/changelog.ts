import { InputError } from '@backstage/errors';
import type { ApiChange } from './diff';

/**
 * What changed in an API family from one version (or revision) to the next.
 *
 * @public
 */
export type ChangelogEntry = {
  /** The API family, see `familyOf`. */
  family: string;
  fromVersion: string;
  toVersion: string;
  /** The API entity of the newer version, e.g. `api:default/ledger-api-v2`. */
  entityRef: string;
  /** When the newer version was seen, ISO 8601 UTC. */
  at: string;
  /** Whether any change breaks existing clients. */
  breaking: boolean;
  /** One line: `2 breaking changes: …; …. Also 3 non-breaking changes.` */
  summary: string;
  changes: ApiChange[];
};

/** What {@link createChangelogEntry} needs. @public */
export type ChangelogEntryInput = Omit<
  ChangelogEntry,
  'at' | 'breaking' | 'summary'
> & {
  /** An ISO 8601 timestamp (any offset) or a Date; stored as UTC. */
  at: string | Date;
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listed(changes: readonly ApiChange[], maxListed: number): string {
  const shown = changes.slice(0, maxListed).map(c => c.message);
  const rest = changes.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more` : shown.join('; ');
}

/**
 * A one-line summary of changes for people: the count of breaking changes
 * with the first few of them named, then the count of the others, e.g.
 * `2 breaking changes: path /a removed; … Also 1 non-breaking change.`
 * Without breaking changes the non-breaking ones are named instead.
 *
 * @public
 */
export function summarizeChanges(
  changes: readonly ApiChange[],
  options?: { maxListed?: number },
): string {
  const maxListed = options?.maxListed ?? 3;
  const breaking = changes.filter(c => c.breaking);
  const other = changes.filter(c => !c.breaking);
  if (changes.length === 0) {
    return 'No changes.';
  }
  if (breaking.length === 0) {
    return `${plural(other.length, 'non-breaking change')}: ${listed(
      other,
      maxListed,
    )}.`;
  }
  const head = `${plural(breaking.length, 'breaking change')}: ${listed(
    breaking,
    maxListed,
  )}.`;
  return other.length === 0
    ? head
    : `${head} Also ${plural(other.length, 'non-breaking change')}.`;
}

/**
 * Builds a changelog entry from the changes between two versions, with its
 * breaking flag and summary.
 *
 * @public
 */
export function createChangelogEntry(
  input: ChangelogEntryInput,
): ChangelogEntry {
  const at = input.at instanceof Date ? input.at : new Date(input.at);
  if (Number.isNaN(at.getTime())) {
    throw new InputError(`Invalid changelog timestamp '${String(input.at)}'`);
  }
  return {
    family: input.family,
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    entityRef: input.entityRef,
    at: at.toISOString(),
    breaking: input.changes.some(c => c.breaking),
    summary: summarizeChanges(input.changes),
    changes: [...input.changes],
  };
}

/**
 * A stable identifier of a changelog entry (a URN), the same every time the
 * entry is rendered: used as RSS `guid` and Atom `id`.
 *
 * @public
 */
export function changelogEntryId(
  entry: Pick<ChangelogEntry, 'entityRef' | 'fromVersion' | 'toVersion' | 'at'>,
): string {
  return [
    'urn:readiness-api-portal:changelog',
    entry.entityRef,
    entry.fromVersion,
    entry.toVersion,
    entry.at,
  ]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join(':');
}

/**
 * The title of a changelog entry: `ledger-api 1.4.2 → 2.0.0 (breaking)`.
 *
 * @public
 */
export function changelogEntryTitle(
  entry: Pick<
    ChangelogEntry,
    'family' | 'fromVersion' | 'toVersion' | 'breaking'
  >,
): string {
  const versions =
    entry.fromVersion === entry.toVersion
      ? `${entry.toVersion} revised`
      : `${entry.fromVersion} → ${entry.toVersion}`;
  return `${entry.family} ${versions}${entry.breaking ? ' (breaking)' : ''}`;
}
