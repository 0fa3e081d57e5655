/*
 * The Art. 30 register as CSV, written with the compliance exports' RFC 4180
 * writer (formulas defused): one row per processing activity, and one for an
 * entity whose record does not read, with its problems.
 */
import {
  GdprRegisterEntry,
  RetentionPolicy,
} from '@readiness/plugin-compliance-common';
import { formatDuration } from '@readiness/data-files';

export const REGISTER_COLUMNS = [
  'entity',
  'title',
  'owner',
  'file',
  'role',
  'controller',
  'activity',
  'description',
  'purposes',
  'lawful basis',
  'data subjects',
  'categories',
  'special categories',
  'recipients',
  'processors',
  'transfers',
  'retention',
  'deletion',
  'findings',
  'problems',
];

const joined = (values: readonly string[]) => values.join('; ');

function retentionText(retention: RetentionPolicy | undefined): string {
  if (!retention) return '';
  if (retention.period) return formatDuration(retention.period);
  return `${retention.rule} (at most ${formatDuration(retention.maximum!)})`;
}

/** The rows of one entry of the register, header excluded. */
export function registerRows(entry: GdprRegisterEntry): string[][] {
  const head = [entry.entityRef, entry.title, entry.owner, entry.file];
  const problems = joined(
    entry.problems.map(
      p =>
        `${p.file}${p.path}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`,
    ),
  );
  const { record } = entry;
  if (!record) {
    return [
      [...head, ...Array(REGISTER_COLUMNS.length - 5).fill(''), problems],
    ];
  }
  const parties = (list: ReadonlyArray<{ name: string; purpose?: string }>) =>
    joined(list.map(p => (p.purpose ? `${p.name} (${p.purpose})` : p.name)));
  const recipients = parties(record.recipients);
  const processors = parties(record.processors);
  const transfers = joined(
    record.transfers.map(
      t => `${t.to}, ${t.country}: ${t.safeguard ?? 'no safeguard'}`,
    ),
  );
  return record.activities.map(activity => [
    ...head,
    record.role,
    record.controller ?? '',
    activity.id,
    activity.description ?? '',
    joined(activity.purposes),
    activity.lawfulBasis,
    joined(activity.dataSubjects),
    joined(activity.categories.map(c => c.name)),
    joined(activity.categories.filter(c => c.special).map(c => c.name)),
    recipients,
    processors,
    transfers,
    retentionText(activity.retention),
    activity.retention?.deletion ?? '',
    joined(
      entry.findings
        .filter(
          f =>
            f.subject === activity.id ||
            (f.kind !== 'missing-retention' &&
              f.kind !== 'retention-beyond-maximum'),
        )
        .map(f => f.message),
    ),
    problems,
  ]);
}
