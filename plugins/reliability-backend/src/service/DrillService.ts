import fs from 'node:fs/promises';
import path from 'node:path';
import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityReader } from './EntityLookup';
import {
  DEFAULT_DR_TARGETS,
  DisruptionType,
  drillCadence,
  DrillProblem,
  DrillRecord,
  DrTargets,
  EntityDrills,
  judgeDrill,
  readDrillRecord,
  validateDrillPublication,
} from '@readiness/plugin-reliability-common';
import { DatabaseDrStore } from '../database/DatabaseDrStore';
import { EvidenceFiler } from './EvidenceFiler';
import { RecordChanges } from './RecordChanges';

/**
 * Annotation with an entity's own RTO/RPO targets, e.g. `rto=30m,rpo=5m`, or
 * per disruption type: `region: rto=4h,rpo=1h; zone: rto=30m,rpo=5m`.
 *
 * @public
 */
export const DR_TARGETS_ANNOTATION = 'readiness.dev/dr-targets';

/** Drill files larger than this are skipped with a problem. */
const MAX_DRILL_BYTES = 256 * 1024;

export interface DrillService {
  /**
   * Throws unless the caller may push drills; asked before the body of a
   * push is read.
   */
  authorizePublish(options: {
    credentials: BackstageCredentials;
  }): Promise<void>;
  getEntityDrills(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityDrills>;
  publishDrill(
    body: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<{ drill: DrillRecord; created: boolean }>;
}

const DRILL_FILE = /(^|\/)\d{4}-\d{2}-\d{2}[^/]*\.md$/;

function minutes(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(value.trim());
  if (!match) return undefined;
  return (
    Number(match[1]) * { m: 1, h: 60, d: 1440 }[match[2] as 'm' | 'h' | 'd']
  );
}

/** Reads `rto=30m,rpo=5m` into targets, filling gaps from `fallback`. */
function parseTargets(
  text: string,
  fallback: DrTargets,
): DrTargets | undefined {
  const targets = { ...fallback };
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map(s => s.trim());
    const m = value ? minutes(value) : undefined;
    if (m === undefined) return undefined;
    if (key === 'rto') targets.rtoMinutes = m;
    else if (key === 'rpo') targets.rpoMinutes = m;
    else return undefined;
  }
  return targets;
}

/** Targets per disruption type: config defaults, then the entity's annotation. */
export function entityTargets(
  entity: Entity,
  defaults: Partial<Record<DisruptionType | 'default', DrTargets>>,
  problems: DrillProblem[],
): EntityDrills['targets'] {
  const base = defaults.default ?? DEFAULT_DR_TARGETS;
  const types: DisruptionType[] = [
    'zone',
    'region',
    'software',
    'data-corruption',
  ];
  const targets = Object.fromEntries([
    ['default', base],
    ...types.map(t => [t, defaults[t] ?? base]),
  ]) as EntityDrills['targets'];
  const annotation = entity.metadata.annotations?.[DR_TARGETS_ANNOTATION];
  if (!annotation) return targets;
  for (const clause of annotation.split(';')) {
    const colon = clause.indexOf(':');
    const type = colon >= 0 ? clause.slice(0, colon).trim() : 'default';
    const value = colon >= 0 ? clause.slice(colon + 1) : clause;
    const known = type === 'default' || (types as string[]).includes(type);
    const parsed = known
      ? parseTargets(value, targets[type as DisruptionType | 'default'])
      : undefined;
    if (!parsed) {
      problems.push({
        source: `annotation ${DR_TARGETS_ANNOTATION}`,
        field: type,
        message: `cannot read "${clause.trim()}"; write e.g. "rto=30m,rpo=5m" or "region: rto=4h,rpo=1h"`,
        entities: [stringifyEntityRef(entity).toLocaleLowerCase('en-US')],
      });
      continue;
    }
    if (type === 'default') {
      for (const t of ['default', ...types] as const)
        targets[t] = { ...parsed };
    } else {
      targets[type as DisruptionType] = parsed;
    }
  }
  return targets;
}

/**
 * Drill records from three places: folders of markdown files on disk (read on
 * request: they change rarely and are small), folders at URLs read through
 * the UrlReader (kept for `urlCacheSeconds`), and drills pushed by pipelines
 * (stored).
 */
export class DefaultDrillService implements DrillService {
  private urlCache?: {
    at: number;
    result: { drills: DrillRecord[]; problems: DrillProblem[] };
  };
  private folderCache?: {
    at: number;
    result: { drills: DrillRecord[]; problems: DrillProblem[] };
  };

  constructor(
    private readonly deps: {
      catalog: EntityReader;
      store: DatabaseDrStore;
      urlReader: UrlReaderService;
      folders: string[];
      urls?: string[];
      urlCacheSeconds?: number;
      /** How long drill files read from folders are kept. Default 10. */
      folderCacheSeconds?: number;
      defaults: Partial<Record<DisruptionType | 'default', DrTargets>>;
      everyDays: number;
      /** Files compliance evidence of drills stored within their targets. */
      evidence?: EvidenceFiler;
      /** Told of every record stored for the first time. */
      changes?: RecordChanges;
      now?: () => Date;
    },
  ) {}

  private now() {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** Drill files in the configured URL folders, cached for a while. */
  private async readUrls(): Promise<{
    drills: DrillRecord[];
    problems: DrillProblem[];
  }> {
    const ttl = (this.deps.urlCacheSeconds ?? 300) * 1000;
    const at = this.now().getTime();
    if (this.urlCache && at - this.urlCache.at < ttl) {
      return this.urlCache.result;
    }
    const drills: DrillRecord[] = [];
    const problems: DrillProblem[] = [];
    for (const url of this.deps.urls ?? []) {
      try {
        const tree = await this.deps.urlReader.readTree(url, {
          filter: (filePath, info) =>
            DRILL_FILE.test(filePath) &&
            (info?.size === undefined || info.size <= MAX_DRILL_BYTES),
        });
        const files = await tree.files();
        for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
          const content = await file.content();
          if (content.length > MAX_DRILL_BYTES) {
            problems.push({
              source: `${url} ${file.path}`,
              field: '',
              message: `larger than ${MAX_DRILL_BYTES} bytes; skipped`,
            });
            continue;
          }
          const read = readDrillRecord(
            `${url.replace(/\/+$/, '')}/${file.path}`,
            content.toString('utf8'),
          );
          problems.push(...read.problems);
          if (read.drill) drills.push(read.drill);
        }
      } catch (error) {
        problems.push({
          source: url,
          field: '',
          message: `cannot read the drill location: ${
            (error as Error).message
          }`,
        });
      }
    }
    this.urlCache = { at, result: { drills, problems } };
    return this.urlCache.result;
  }

  private async readAll(): Promise<{
    drills: DrillRecord[];
    problems: DrillProblem[];
  }> {
    const [remote, local] = await Promise.all([
      this.readUrls(),
      this.readFolders(),
    ]);
    return {
      drills: [...remote.drills, ...local.drills],
      problems: [...remote.problems, ...local.problems],
    };
  }

  /** Drill files in the configured folders, kept for a few seconds. */
  private async readFolders(): Promise<{
    drills: DrillRecord[];
    problems: DrillProblem[];
  }> {
    const ttl = (this.deps.folderCacheSeconds ?? 10) * 1000;
    const at = this.now().getTime();
    if (this.folderCache && at - this.folderCache.at < ttl) {
      return this.folderCache.result;
    }
    const drills: DrillRecord[] = [];
    const problems: DrillProblem[] = [];
    for (const folder of this.deps.folders) {
      let names: string[];
      try {
        names = (await fs.readdir(folder)).filter(n => DRILL_FILE.test(n));
      } catch (error) {
        problems.push({
          source: folder,
          field: '',
          message: `cannot read the drill folder: ${(error as Error).message}`,
        });
        continue;
      }
      for (const name of names.sort()) {
        const file = path.join(folder, name);
        const stat = await fs.stat(file);
        if (stat.size > MAX_DRILL_BYTES) {
          problems.push({
            source: file,
            field: '',
            message: `larger than ${MAX_DRILL_BYTES} bytes; skipped`,
          });
          continue;
        }
        const read = readDrillRecord(
          path.join(path.basename(folder), name),
          await fs.readFile(file, 'utf8'),
        );
        problems.push(...read.problems);
        if (read.drill) drills.push(read.drill);
      }
    }
    this.folderCache = { at, result: { drills, problems } };
    return this.folderCache.result;
  }

  async getEntityDrills(entityRef: string): Promise<EntityDrills> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    const ref = stringifyEntityRef(entity);
    const { drills, problems } = await this.readAll();
    const pushed = await this.deps.store.drillsOf(
      ref.toLocaleLowerCase('en-US'),
    );
    const targets = entityTargets(entity, this.deps.defaults, problems);
    const own = [
      ...drills.filter(d =>
        d.entities.includes(ref.toLocaleLowerCase('en-US')),
      ),
      ...pushed,
    ].sort((a, b) => b.started.localeCompare(a.started));
    return {
      entityRef: ref,
      targets,
      drills: own.map(d => ({
        ...d,
        ...judgeDrill(d, targets[d.disruptionType]),
      })),
      cadence: drillCadence(own, this.now(), this.deps.everyDays),
      // Every problem found; which of them a reader sees is decided by the
      // authorizing wrapper, from the entities each names
      problems,
    };
  }

  async authorizePublish() {
    // Decided by the authorizing wrapper
  }

  async publishDrill(
    body: unknown,
    _options: { credentials: BackstageCredentials },
  ): Promise<{ drill: DrillRecord; created: boolean }> {
    const { idempotencyKey, drill } = validateDrillPublication(body);
    const entities = new Map<string, Entity>();
    for (const [index, entityRef] of drill.entities.entries()) {
      const entity = await this.deps.catalog.getEntityByRef(entityRef);
      if (!entity) {
        throw new InputError(
          `/drill/entities/${index}: no entity ${entityRef} in the catalog`,
        );
      }
      entities.set(entityRef, entity);
    }
    const stored = await this.deps.store.addDrill(idempotencyKey, drill);
    if (stored.created) {
      await this.deps.changes?.changed('drill', stored.drill.entities);
    }
    // Also when already stored: a retried push files what a failure missed
    await this.deps.evidence?.drillStored(stored.drill, entityRef => {
      const entity = entities.get(entityRef);
      return entity
        ? entityTargets(entity, this.deps.defaults, [])[
            stored.drill.disruptionType
          ]
        : undefined;
    });
    return stored;
  }
}
