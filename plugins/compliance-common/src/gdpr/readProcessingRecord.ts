/*
 * Reads a record of processing (`kind: ProcessingRecord`), the file a
 * catalog entity's `readiness.dev/gdpr` annotation names. Every problem is
 * reported at its file, JSON pointer and line; a part that does not read is
 * left out and the rest stays, except that a record without its role or
 * with no activity that reads is no record.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { HumanDuration } from '@backstage/types';
import {
  DataFileProblem,
  DataPath,
  FileProblems,
  parseDataFile,
  parseIsoDuration,
} from '@readiness/data-files';
import { duration, list, record, text, texts, token } from '../files/fields';
import { ComplianceFile } from '../files/sourceFile';
import { COMPLIANCE_API_VERSION } from '../frameworks/readFrameworkFile';
import {
  DataProcessor,
  DataRecipient,
  DataTransfer,
  DeclaredDataFlow,
  DpaReference,
  LAWFUL_BASES,
  LawfulBasis,
  PersonalDataCategory,
  ProcessingActivity,
  ProcessingRecordFile,
  PROCESSING_RECORD_KIND,
  PROCESSING_ROLES,
  ProcessingRole,
  RetentionPolicy,
  TRANSFER_SAFEGUARDS,
  TransferSafeguard,
} from './types';

const ACTIVITY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
// The characters catalog kinds, namespaces and names are made of
const REF_PART = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const isRefPart = (part: string) => REF_PART.test(part);
const CONTROL_REF = /^[A-Za-z0-9_.-]+:[^\s:]+$/;

function oneOf<T extends string>(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
  allowed: readonly T[],
  required = true,
): T | undefined {
  const found = text(value, at, problems, required);
  if (found === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(found)) {
    problems.report(at, `"${found}" is not one of ${allowed.join(', ')}`);
    return undefined;
  }
  return found as T;
}

/** A duration as `{ years: 10 }` or as ISO 8601 (`P10Y`). */
function retentionDuration(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): HumanDuration | undefined {
  if (typeof value === 'string') {
    const parsed = parseIsoDuration(value);
    if (!parsed) {
      problems.report(
        at,
        `"${value}" is not a duration such as P10Y or { years: 10 }`,
      );
    }
    return parsed;
  }
  return duration(value, at, problems);
}

/** A catalog entity ref, normalised; components when the kind is left out. */
function entityRef(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): string | undefined {
  const ref = text(value, at, problems);
  if (ref === undefined) return undefined;
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    if (![parsed.kind, parsed.namespace, parsed.name].every(isRefPart)) {
      throw new Error(ref);
    }
    return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
  } catch {
    problems.report(
      at,
      `"${ref}" is not an entity ref such as component:ledger`,
    );
    return undefined;
  }
}

function categoriesOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): PersonalDataCategory[] {
  return list(value, at, problems).flatMap((raw, i) => {
    const where = [...at, i];
    if (typeof raw === 'string') {
      const name = text(raw, where, problems);
      return name ? [{ name, special: false }] : [];
    }
    const item = record(raw, where, problems, ['name', 'special']);
    if (!item) return [];
    const name = text(item.name, [...where, 'name'], problems);
    if (item.special !== undefined && typeof item.special !== 'boolean') {
      problems.report([...where, 'special'], 'expected true or false');
      return [];
    }
    return name ? [{ name, special: item.special === true }] : [];
  });
}

function retentionOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): RetentionPolicy | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = record(value, at, problems, [
    'period',
    'rule',
    'maximum',
    'deletion',
  ]);
  if (!raw) return undefined;
  const retention: RetentionPolicy = {};
  if (raw.period !== undefined) {
    const period = retentionDuration(raw.period, [...at, 'period'], problems);
    if (period) retention.period = period;
  }
  const rule = text(raw.rule, [...at, 'rule'], problems, false);
  if (rule) retention.rule = rule;
  if (raw.maximum !== undefined) {
    const maximum = retentionDuration(
      raw.maximum,
      [...at, 'maximum'],
      problems,
    );
    if (maximum) retention.maximum = maximum;
  }
  const deletion = text(raw.deletion, [...at, 'deletion'], problems);
  if (deletion) retention.deletion = deletion;
  if (raw.period !== undefined && raw.rule !== undefined) {
    problems.report(at, 'give a period or a rule, not both');
    return undefined;
  }
  if (raw.period === undefined && raw.rule === undefined) {
    problems.report(
      at,
      'give a period such as { years: 10 }, or a rule with the maximum it can come to',
    );
    return undefined;
  }
  if (raw.rule !== undefined && raw.maximum === undefined) {
    problems.report(
      [...at, 'maximum'],
      'is required with a rule: the longest the rule can keep the data, such as { years: 11 }',
    );
    return undefined;
  }
  if (raw.period !== undefined && raw.maximum !== undefined) {
    problems.report(
      [...at, 'maximum'],
      'goes with a rule; a period is its own maximum',
    );
    return undefined;
  }
  return retention.period || (retention.rule && retention.maximum)
    ? retention
    : undefined;
}

function activityOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): ProcessingActivity | undefined {
  const raw = record(value, at, problems, [
    'id',
    'description',
    'purposes',
    'lawfulBasis',
    'dataSubjects',
    'categories',
    'retention',
  ]);
  if (!raw) return undefined;
  const id = token(
    raw.id,
    [...at, 'id'],
    problems,
    ACTIVITY_ID,
    'lower-case words joined by "-"',
  );
  const description = text(
    raw.description,
    [...at, 'description'],
    problems,
    false,
  );
  const purposes = texts(raw.purposes, [...at, 'purposes'], problems);
  const lawfulBasis = oneOf<LawfulBasis>(
    raw.lawfulBasis,
    [...at, 'lawfulBasis'],
    problems,
    LAWFUL_BASES,
  );
  const dataSubjects = texts(
    raw.dataSubjects,
    [...at, 'dataSubjects'],
    problems,
  );
  const categories = categoriesOf(
    raw.categories,
    [...at, 'categories'],
    problems,
  );
  const retention = retentionOf(raw.retention, [...at, 'retention'], problems);
  if (!id || !lawfulBasis || purposes.length === 0) return undefined;
  return {
    id,
    ...(description && { description }),
    purposes,
    lawfulBasis,
    dataSubjects,
    categories,
    ...(retention && { retention }),
  };
}

/** The name of a party given by `name`, `entity` or both. */
function partyOf(
  raw: Record<string, unknown>,
  at: DataPath,
  problems: FileProblems,
): { name: string; entityRef?: string } | undefined {
  const ref =
    raw.entity === undefined
      ? undefined
      : entityRef(raw.entity, [...at, 'entity'], problems);
  const name = text(
    raw.name,
    [...at, 'name'],
    problems,
    raw.entity === undefined,
  );
  if (raw.entity !== undefined && !ref) return undefined;
  if (!name && !ref) return undefined;
  return { name: name ?? ref!, ...(ref && { entityRef: ref }) };
}

function dpaOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): DpaReference | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = record(value, at, problems, ['evidence', 'control']);
  if (!raw) return undefined;
  const evidence = text(raw.evidence, [...at, 'evidence'], problems);
  const control =
    raw.control === undefined
      ? undefined
      : token(
          raw.control,
          [...at, 'control'],
          problems,
          CONTROL_REF,
          'a control reference such as SOC2:P6.4',
        );
  if (!evidence || (raw.control !== undefined && !control)) return undefined;
  return { evidence, ...(control && { control }) };
}

function processorOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): DataProcessor | undefined {
  const raw = record(value, at, problems, [
    'name',
    'entity',
    'purpose',
    'categories',
    'dpa',
  ]);
  if (!raw) return undefined;
  const party = partyOf(raw, at, problems);
  const purpose = text(raw.purpose, [...at, 'purpose'], problems, false);
  const categories = optionalTexts(
    raw.categories,
    [...at, 'categories'],
    problems,
  );
  const dpa = dpaOf(raw.dpa, [...at, 'dpa'], problems);
  if (!party) return undefined;
  return {
    ...party,
    ...(purpose && { purpose }),
    categories,
    ...(dpa && { dpa }),
  };
}

function recipientOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): DataRecipient | undefined {
  const raw = record(value, at, problems, [
    'name',
    'entity',
    'purpose',
    'categories',
  ]);
  if (!raw) return undefined;
  const party = partyOf(raw, at, problems);
  const purpose = text(raw.purpose, [...at, 'purpose'], problems, false);
  const categories = optionalTexts(
    raw.categories,
    [...at, 'categories'],
    problems,
  );
  if (!party) return undefined;
  return { ...party, ...(purpose && { purpose }), categories };
}

function transferOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): DataTransfer | undefined {
  const raw = record(value, at, problems, [
    'to',
    'country',
    'safeguard',
    'note',
  ]);
  if (!raw) return undefined;
  const to = text(raw.to, [...at, 'to'], problems);
  const country = token(
    raw.country,
    [...at, 'country'],
    problems,
    COUNTRY,
    'an ISO 3166-1 alpha-2 country code such as US',
  );
  const safeguard = oneOf<TransferSafeguard>(
    raw.safeguard,
    [...at, 'safeguard'],
    problems,
    TRANSFER_SAFEGUARDS,
    false,
  );
  const note = text(raw.note, [...at, 'note'], problems, false);
  // an unknown safeguard is left out of the record, not read as none
  if (
    !to ||
    !country ||
    (raw.safeguard !== undefined && raw.safeguard !== null && !safeguard)
  ) {
    return undefined;
  }
  return {
    to,
    country,
    ...(safeguard && { safeguard }),
    ...(note && { note }),
  };
}

function flowOf(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): DeclaredDataFlow | undefined {
  const raw = record(value, at, problems, [
    'to',
    'categories',
    'channel',
    'purpose',
  ]);
  if (!raw) return undefined;
  const to = entityRef(raw.to, [...at, 'to'], problems);
  const categories = optionalTexts(
    raw.categories,
    [...at, 'categories'],
    problems,
  );
  const channel = text(raw.channel, [...at, 'channel'], problems, false);
  const purpose = text(raw.purpose, [...at, 'purpose'], problems, false);
  if (!to) return undefined;
  return {
    to,
    categories,
    ...(channel && { channel }),
    ...(purpose && { purpose }),
  };
}

/** A list of texts that may be left out. */
function optionalTexts(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
): string[] {
  return value === undefined || value === null
    ? []
    : texts(value, at, problems);
}

function items<T>(
  value: unknown,
  at: DataPath,
  problems: FileProblems,
  read: (value: unknown, at: DataPath, problems: FileProblems) => T | undefined,
): T[] {
  return list(value, at, problems, false).flatMap((raw, i) => {
    const item = read(raw, [...at, i], problems);
    return item === undefined ? [] : [item];
  });
}

/**
 * Reads a record of processing file.
 *
 * @public
 */
export function readProcessingRecord(
  file: ComplianceFile,
): ProcessingRecordFile {
  const sink: DataFileProblem[] = [];
  const parsed = parseDataFile(file, sink);
  if (!parsed) return { problems: sink };
  const { problems } = parsed;
  const root = record(parsed.data, [], problems, [
    'apiVersion',
    'kind',
    'metadata',
    'spec',
  ]);
  if (!root) return { problems: sink };
  if (root.apiVersion !== COMPLIANCE_API_VERSION) {
    problems.report(['apiVersion'], `expected ${COMPLIANCE_API_VERSION}`);
  }
  if (root.kind !== PROCESSING_RECORD_KIND) {
    problems.report(['kind'], `expected ${PROCESSING_RECORD_KIND}`);
  }
  let title: string | undefined;
  let description: string | undefined;
  if (root.metadata !== undefined) {
    const metadata = record(root.metadata, ['metadata'], problems, [
      'title',
      'description',
    ]);
    title = text(metadata?.title, ['metadata', 'title'], problems, false);
    description = text(
      metadata?.description,
      ['metadata', 'description'],
      problems,
      false,
    );
  }
  const spec = record(root.spec, ['spec'], problems, [
    'role',
    'controller',
    'activities',
    'processors',
    'recipients',
    'transfers',
    'flows',
  ]);
  if (!spec) return { problems: sink };
  const role = oneOf<ProcessingRole>(
    spec.role,
    ['spec', 'role'],
    problems,
    PROCESSING_ROLES,
  );
  const controller = text(
    spec.controller,
    ['spec', 'controller'],
    problems,
    role === 'processor',
  );
  const activities: ProcessingActivity[] = [];
  const ids = new Set<string>();
  list(spec.activities, ['spec', 'activities'], problems).forEach((raw, i) => {
    const activity = activityOf(raw, ['spec', 'activities', i], problems);
    if (!activity) return;
    if (ids.has(activity.id)) {
      problems.report(
        ['spec', 'activities', i, 'id'],
        `another activity is already "${activity.id}"`,
      );
      return;
    }
    ids.add(activity.id);
    activities.push(activity);
  });
  const processors = items(
    spec.processors,
    ['spec', 'processors'],
    problems,
    processorOf,
  );
  const recipients = items(
    spec.recipients,
    ['spec', 'recipients'],
    problems,
    recipientOf,
  );
  const transfers = items(
    spec.transfers,
    ['spec', 'transfers'],
    problems,
    transferOf,
  );
  const flows = items(spec.flows, ['spec', 'flows'], problems, flowOf);
  if (!role || activities.length === 0) return { problems: sink };
  return {
    record: {
      ...(title && { title }),
      ...(description && { description }),
      role,
      ...(controller && { controller }),
      activities,
      processors,
      recipients,
      transfers,
      flows,
    },
    problems: sink,
  };
}
