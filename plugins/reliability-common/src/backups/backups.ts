/*
 * Backup verifications: what a `backup-verify` job found when it checked one
 * backup artifact — was its checksum right, could it be restored.
 */
import { InputError } from '@backstage/errors';
import {
  entityRefField,
  flag,
  onlyKnownFields,
  text,
  timestamp,
} from '../fields';
import { isObject } from '../json';

/** @public */
export const BACKUP_KINDS = [
  'base-backup',
  'wal-archive',
  'object-version',
] as const;
/** @public */
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** What the job publishes about one artifact. @public */
export type BackupVerificationInput = {
  /** Chosen by the job; publishing again with the same key is a no-op. */
  idempotencyKey: string;
  /** The catalog entity whose data the backup holds, e.g. `resource:default/filing-db`. */
  entityRef: string;
  /** What was verified: a path, object key or backup label. */
  artifact: string;
  kind: BackupKind;
  sizeBytes: number;
  /** ISO 8601: when the backup was taken. */
  takenAt: string;
  /** ISO 8601: when it was verified; not before `takenAt`. */
  verifiedAt: string;
  checksumVerified: boolean;
  /** Whether a test restore was attempted. */
  restoreTested: boolean;
  /** Whether the test restore worked; required when `restoreTested`. */
  restoreSucceeded?: boolean;
  /** How long the test restore took, when one ran. */
  restoreSeconds?: number;
  /** Links to the job's log or report. */
  evidence?: string[];
  notes?: string;
};

/** @public */
export type BackupVerification = BackupVerificationInput & {
  id: string;
  createdAt: string;
};

/** The state of one kind of backup of an entity. @public */
export type BackupKindStatus = {
  kind: BackupKind;
  /**
   * `verified`: the newest backup's checksum held (and its test restore
   * worked, if one ran) and it is recent; `failed`: a bad checksum or a failed
   * test restore; `stale`: the newest backup is older than the configured age.
   */
  status: 'verified' | 'failed' | 'stale';
  latest: BackupVerification;
  /** When a test restore last worked, if ever. */
  lastRestoreTested?: string;
};

/** @public */
export type EntityBackups = {
  entityRef: string;
  /** Oldest acceptable backup age, from config. */
  maxAgeHours: number;
  kinds: BackupKindStatus[];
};

const FIELDS = [
  'idempotencyKey',
  'entityRef',
  'artifact',
  'kind',
  'sizeBytes',
  'takenAt',
  'verifiedAt',
  'checksumVerified',
  'restoreTested',
  'restoreSucceeded',
  'restoreSeconds',
  'evidence',
  'notes',
] as const;

const MAX_NOTES = 4000;
const MAX_EVIDENCE = 20;

function nonNegative(
  input: Record<string, unknown>,
  field: string,
  required: boolean,
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (required) throw new InputError(`/${field}: is required`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(
      `/${field}: expected a number that is not negative, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

/**
 * Checks a verification as published and returns it normalised (entity ref in
 * lower case, times in UTC). Throws an `InputError` naming the field.
 *
 * @public
 */
export function validateBackupVerification(
  input: unknown,
): BackupVerificationInput {
  if (!isObject(input)) {
    throw new InputError('/: expected an object describing one verification');
  }
  onlyKnownFields(input, FIELDS);
  const kind = text(input, 'kind', true);
  if (!(BACKUP_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(
      `/kind: expected one of ${BACKUP_KINDS.join(', ')}, got ${kind}`,
    );
  }
  const sizeBytes = nonNegative(input, 'sizeBytes', true)!;
  if (!Number.isInteger(sizeBytes)) {
    throw new InputError('/sizeBytes: expected a whole number of bytes');
  }
  const takenAt = timestamp(input, 'takenAt');
  const verifiedAt = timestamp(input, 'verifiedAt');
  if (Date.parse(verifiedAt) < Date.parse(takenAt)) {
    throw new InputError('/verifiedAt: is before takenAt');
  }
  const restoreTested = flag(input, 'restoreTested');
  const restoreSeconds = nonNegative(input, 'restoreSeconds', false);
  let restoreSucceeded: boolean | undefined;
  if (restoreTested) {
    restoreSucceeded = flag(input, 'restoreSucceeded');
  } else {
    for (const field of ['restoreSucceeded', 'restoreSeconds']) {
      if (input[field] !== undefined) {
        throw new InputError(`/${field}: given, but restoreTested is false`);
      }
    }
  }
  const evidence = input.evidence;
  if (
    evidence !== undefined &&
    (!Array.isArray(evidence) ||
      evidence.length > MAX_EVIDENCE ||
      evidence.some(e => typeof e !== 'string' || !/^https?:\/\//.test(e)))
  ) {
    throw new InputError(
      `/evidence: expected at most ${MAX_EVIDENCE} http(s) links`,
    );
  }
  const notes = input.notes;
  if (
    notes !== undefined &&
    (typeof notes !== 'string' || notes.length > MAX_NOTES)
  ) {
    throw new InputError(
      `/notes: expected a string of at most ${MAX_NOTES} characters`,
    );
  }
  return {
    idempotencyKey: text(input, 'idempotencyKey', true),
    entityRef: entityRefField(input, 'entityRef'),
    artifact: text(input, 'artifact', true),
    kind: kind as BackupKind,
    sizeBytes,
    takenAt,
    verifiedAt,
    checksumVerified: flag(input, 'checksumVerified'),
    restoreTested,
    ...(restoreSucceeded !== undefined && { restoreSucceeded }),
    ...(restoreSeconds !== undefined && { restoreSeconds }),
    ...(evidence !== undefined && { evidence: evidence as string[] }),
    ...(typeof notes === 'string' && { notes: notes.trim() }),
  };
}

/**
 * The state of each kind of backup an entity has, from its verifications
 * newest first: the newest verification of a kind decides.
 *
 * @public
 */
export function backupStatus(
  verifications: BackupVerification[],
  options: { now: Date; maxAgeHours: number },
): BackupKindStatus[] {
  const byKind = new Map<BackupKind, BackupVerification[]>();
  for (const v of verifications) {
    byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
  }
  const statuses: BackupKindStatus[] = [];
  for (const kind of BACKUP_KINDS) {
    const list = byKind.get(kind);
    if (!list) continue;
    const newest = [...list].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    const latest = newest[0];
    const ageHours =
      (options.now.getTime() - Date.parse(latest.takenAt)) / 3_600_000;
    let status: BackupKindStatus['status'] = 'verified';
    if (!latest.checksumVerified || latest.restoreSucceeded === false) {
      status = 'failed';
    } else if (ageHours > options.maxAgeHours) {
      status = 'stale';
    }
    const restored = newest.find(v => v.restoreSucceeded);
    statuses.push({
      kind,
      status,
      latest,
      ...(restored && { lastRestoreTested: restored.verifiedAt }),
    });
  }
  return statuses;
}
