/*
 * Many entities' reliability records in one call, for the portal's other
 * backends (the scorecards facts): composed of what the entity routes
 * answer, through the same authorizing services, a few entities at a time.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  EntityReliabilityRecord,
  MAX_ENTITY_RECORDS,
} from '@readiness/plugin-reliability-common';
import { BackupService } from './BackupService';
import { DrillService } from './DrillService';
import { GateService } from './GateService';
import { PerfRunService } from './PerfRunService';
import { SloService } from './SloService';

/** Entities whose records are read at once. */
const CONCURRENCY = 4;

const isNotFound = (error: unknown) =>
  (error as { name?: unknown })?.name === 'NotFoundError';

/** The entity refs of a request body, checked and in their full form. */
export function readEntityRecordsRequest(body: unknown): string[] {
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  const unknown = Object.keys(record ?? {}).find(k => k !== 'entityRefs');
  if (unknown !== undefined) {
    throw new InputError(`${unknown}: unknown field; expected entityRefs`);
  }
  const refs = record?.entityRefs;
  if (!Array.isArray(refs) || refs.length === 0) {
    throw new InputError('entityRefs: required, a list of entity refs');
  }
  if (refs.length > MAX_ENTITY_RECORDS) {
    throw new InputError(
      `entityRefs: ${refs.length} entities, over the limit of ${MAX_ENTITY_RECORDS} per request`,
    );
  }
  const seen = new Set<string>();
  return refs.flatMap((ref, index) => {
    let full: string;
    try {
      if (typeof ref !== 'string') throw new Error('not a string');
      full = stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');
    } catch {
      throw new InputError(
        `entityRefs/${index}: expected an entity ref such as component:default/ledger`,
      );
    }
    if (seen.has(full)) return [];
    seen.add(full);
    return [full];
  });
}

export class EntityRecordService {
  constructor(
    private readonly deps: {
      slos: SloService;
      drills: DrillService;
      backups: BackupService;
      gates: GateService;
      perfRuns: PerfRunService;
    },
  ) {}

  /**
   * The records of the entities a request body names, in its order; those
   * not in the catalog are left out. Only the portal's plugins ask (their
   * service principals); every entity is read with the caller's
   * credentials, so its permissions apply as on the entity routes.
   */
  async getEntityRecords(
    body: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<{ items: EntityReliabilityRecord[] }> {
    const { principal } = options.credentials as BackstageCredentials<{
      type?: string;
      subject?: string;
    }>;
    if (
      principal.type !== 'service' ||
      !principal.subject?.startsWith('plugin:')
    ) {
      throw new NotAllowedError(
        "Only the portal's backend plugins may read entity records in bulk",
      );
    }
    const refs = readEntityRecordsRequest(body);
    const records: Array<EntityReliabilityRecord | undefined> = new Array(
      refs.length,
    );
    let next = 0;
    const worker = async () => {
      while (next < refs.length) {
        const index = next++;
        records[index] = await this.read(refs[index], options);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, refs.length) }, worker),
    );
    return { items: records.filter((r): r is EntityReliabilityRecord => !!r) };
  }

  private async read(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityReliabilityRecord | undefined> {
    const { slos, drills, backups, gates, perfRuns } = this.deps;
    let parts;
    try {
      parts = await Promise.all([
        slos.getEntitySlos(entityRef, options),
        drills.getEntityDrills(entityRef, options),
        backups.getEntityBackups(entityRef, options),
        gates.history(entityRef, { limit: 1 }, options),
        perfRuns.listRuns({ entityRef }, { limit: 1 }, options),
      ]);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const [entitySlos, entityDrills, entityBackups, verdicts, runs] = parts;
    const [newestRun] = runs.items;
    const newestRunRegression = newestRun
      ? await perfRuns.getRegression(newestRun.id, options)
      : undefined;
    return {
      entityRef: entitySlos.entityRef,
      slos: entitySlos,
      drills: entityDrills,
      backups: entityBackups,
      ...(verdicts.items[0] && { newestGateVerdict: verdicts.items[0] }),
      ...(newestRun && { newestRun }),
      ...(newestRunRegression && { newestRunRegression }),
    };
  }
}
