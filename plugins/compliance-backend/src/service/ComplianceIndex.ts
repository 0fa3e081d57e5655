/*
 * A replica's kept view of every entity's compliance scope and evidence, for
 * the views over many entities (the framework matrix): the catalog read in
 * pages at most once a minute, the evidence loaded once and caught up with
 * what was filed or withdrawn since on every question (both tables are
 * append-only, so catching up is a read of the newest rows), and what each
 * control of each entity rests on kept until that entity's evidence or
 * scope changes. The state at the time of a question follows from what a
 * control rests on with two comparisons, so a question costs a count over
 * the kept standings, not a pass over the evidence.
 */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration } from '@backstage/types';
import { EntityScope, inScope } from '@readiness/backend-http-utils';
import {
  addDuration,
  ComplianceMatrix,
  ComplianceMatrixGroup,
  ControlStanding,
  controlStanding,
  ControlRef,
  ControlState,
  EntityApplicabilityProblem,
  EntityControl,
  entityRefOf,
  evaluateApplicability,
  EvidenceStanding,
  formatControlRef,
  MATRIX_STATES,
  MatrixCell,
  MatrixCoverage,
  MatrixGrouping,
  parseControlRef,
  stateAt,
} from '@readiness/plugin-compliance-common';
import { KeptCatalogValue, readCatalogEntities } from '../catalog/keptCatalog';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { ComplianceModel } from './complianceModel';

/**
 * How far back each catch-up reads: a filing committed late, or stamped by a
 * replica whose clock is behind, is still read when within it.
 */
export const CATCH_UP_OVERLAP_MS = 30_000;

// Entities evaluated between two turns of the event loop, so a catalog read
// or a burst of evidence never holds up other requests for long
const BATCH = 100;

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

const FIELDS = [
  'kind',
  'metadata.etag',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.tags',
  'spec.type',
  'spec.lifecycle',
  'spec.system',
  'spec.domain',
  'spec.owner',
];

type KeptEntity = {
  ref: string;
  kind: string;
  /** `spec.type`, empty when the entity has none. */
  type: string;
  title: string;
  system: string;
  owner: string;
  controls: EntityControl[];
  problems: EntityApplicabilityProblem[];
  /** The controls and their status, to tell when the scope changed. */
  signature: string;
  /** The catalog's etag of the entity and its system's domain when read. */
  etag: string;
};

type KeptStandings = {
  signature: string;
  /** Control (`SOC2:CC8.1`) → what it rests on. */
  byControl: Map<string, ControlStanding>;
};

type Snapshot = {
  at: Date;
  entities: Map<string, KeptEntity>;
  /** Systems' and groups' titles, by entity ref. */
  titles: Map<string, string>;
};

/**
 * One entity's controls as kept: its scope as the catalog had it at
 * `catalogAsOf`, and what each control rests on.
 */
export type KeptEntityRecord = {
  entityRef: string;
  controls: EntityControl[];
  problems: EntityApplicabilityProblem[];
  standings: ReadonlyMap<string, ControlStanding>;
  catalogAsOf: Date;
};

function coverageOf(applicable: number, covered: number): MatrixCoverage {
  return {
    applicable,
    covered,
    ratio: applicable === 0 ? 1 : covered / applicable,
  };
}

const STATE_INDEX = new Map<ControlState, number>(
  MATRIX_STATES.map((state, i) => [state, i]),
);

function emptyCell(): NonNullable<MatrixCell> {
  return [0, 0, 0, 0, 0, 0];
}

/**
 * One entity with a control in scope, with the state of each of its
 * controls at the time of the question, for exports.
 */
export type IndexedEntity = {
  ref: string;
  kind: string;
  /** `spec.type`, empty when the entity has none. */
  type: string;
  title: string;
  /** The entity ref of its system (itself for a System); empty without one. */
  system: string;
  /** The entity ref of its owner; empty without one. */
  owner: string;
  /** Every control in scope, in the order the rules put them in scope. */
  controls: IndexedControl[];
};

/** A control in the scope of an indexed entity, with its state. */
export type IndexedControl = {
  /** `SOC2:CC8.1` */
  id: string;
  control: ControlRef;
  rules: string[];
  state: ControlState;
  justification?: string;
  /** The item the state rests on, as on the entity's record. */
  evidence?: { id: string; expires: string };
};

function isCovered(state: ControlState): boolean {
  return state === 'fresh' || state === 'expiring';
}

export class ComplianceIndex {
  readonly #catalog: KeptCatalogValue<Snapshot>;
  #catchingUp?: Promise<void>;
  /** Entity → evidence id → standing. */
  readonly #evidence = new Map<string, Map<string, EvidenceStanding>>();
  #caughtUpFrom?: Date;
  readonly #standings = new Map<string, KeptStandings>();

  constructor(
    private readonly deps: {
      store: DatabaseEvidenceStore;
      catalog: CatalogService;
      auth: AuthService;
      model: ComplianceModel;
      logger: LoggerService;
      expiringWithin: HumanDuration;
      /** The time states are computed for and the catalog's age measured against. */
      now?: () => Date;
    },
  ) {
    this.#catalog = new KeptCatalogValue({
      read: () => this.readCatalog(),
      logger: deps.logger,
      purpose: 'the compliance matrix',
      isEmpty: snapshot => snapshot.entities.size === 0,
      now: deps.now,
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Reads the catalog and the evidence once, so the first question is as
   * fast as the others.
   */
  async warm(): Promise<void> {
    const snapshot = await this.catalog();
    await this.catchUp();
    let done = 0;
    for (const entity of snapshot.entities.values()) {
      this.standingsOf(entity);
      if (++done % BATCH === 0) await nextTurn();
    }
  }

  /** Warms without waiting (after start); a failure is logged, and the first question reads again. */
  warmInBackground(): void {
    this.warm().catch(error =>
      this.deps.logger.warn(
        `Could not prepare the compliance matrix: ${(error as Error).message}`,
      ),
    );
  }

  /** The refs of the entities with a control in scope, for authorization. */
  async entityRefs(): Promise<string[]> {
    return [...(await this.catalog()).entities.keys()];
  }

  /**
   * One entity's scope and standings as kept, when the kept catalog has the
   * entity; undefined otherwise (the caller then reads it directly).
   */
  async entityRecord(entityRef: string): Promise<KeptEntityRecord | undefined> {
    const snapshot = await this.catalog();
    const entity = snapshot.entities.get(entityRef);
    if (!entity) return undefined;
    await this.catchUp();
    return {
      entityRef,
      controls: entity.controls,
      problems: entity.problems,
      standings: this.standingsOf(entity).byControl,
      catalogAsOf: snapshot.at,
    };
  }

  /** The framework matrix for the entities in scope. */
  async matrix(request: {
    framework?: string;
    groupBy: MatrixGrouping;
    scope: EntityScope;
  }): Promise<ComplianceMatrix> {
    const framework = this.framework(request.framework);
    const { snapshot, now, stateOf } = await this.moment();

    const columns = this.columnsOf(framework.id);
    const groups = new Map<
      string,
      { entities: number; cells: Map<string, NonNullable<MatrixCell>> }
    >();
    const totals = emptyCell();
    let entities = 0;
    for (const entity of snapshot.entities.values()) {
      if (!inScope(request.scope, entity.ref)) continue;
      const own = entity.controls.filter(
        c => c.control.framework === framework.id,
      );
      if (own.length === 0) continue;
      entities += 1;
      const key = request.groupBy === 'system' ? entity.system : entity.owner;
      let group = groups.get(key);
      if (!group) {
        group = { entities: 0, cells: new Map() };
        groups.set(key, group);
      }
      group.entities += 1;
      const standings = this.standingsOf(entity);
      for (const control of own) {
        const id = formatControlRef(control.control);
        const state = stateOf(standings.byControl.get(id)!);
        let cell = group.cells.get(id);
        if (!cell) {
          cell = emptyCell();
          group.cells.set(id, cell);
        }
        cell[STATE_INDEX.get(state)!] += 1;
        totals[STATE_INDEX.get(state)!] += 1;
      }
    }

    const used = columns.filter(column =>
      [...groups.values()].some(g => g.cells.has(column.control)),
    );
    const countOf = (cells: Array<NonNullable<MatrixCell>>) => {
      let applicable = 0;
      let covered = 0;
      for (const cell of cells) {
        applicable += cell[0] + cell[1] + cell[2] + cell[3] + cell[4];
        covered += cell[0] + cell[1];
      }
      return coverageOf(applicable, covered);
    };
    const rows = [...groups.entries()].map(([group, row]) => ({
      group,
      title: this.titleOf(snapshot, group),
      entities: row.entities,
      ...countOf([...row.cells.values()]),
      cells: used.map(column => row.cells.get(column.control) ?? null),
    }));
    rows.sort(
      (a, b) =>
        Number(a.group === '') - Number(b.group === '') ||
        a.title.localeCompare(b.title, 'en') ||
        a.group.localeCompare(b.group, 'en'),
    );
    return {
      framework: framework.id,
      title: framework.title,
      groupBy: request.groupBy,
      asOf: now.toISOString(),
      catalogAsOf: snapshot.at.toISOString(),
      controls: used.map(column => ({
        ...column,
        ...countOf(
          [...groups.values()].flatMap(g => {
            const cell = g.cells.get(column.control);
            return cell ? [cell] : [];
          }),
        ),
      })),
      groups: rows,
      totals: { entities, ...countOf([totals]), states: totals },
    };
  }

  /** One row of the matrix: its entities with the state of each control. */
  async matrixGroup(request: {
    framework?: string;
    groupBy: MatrixGrouping;
    group: string;
    scope: EntityScope;
  }): Promise<ComplianceMatrixGroup> {
    const framework = this.framework(request.framework);
    const { snapshot, now, stateOf } = await this.moment();
    const group = request.group.toLocaleLowerCase('en-US');

    const entities: ComplianceMatrixGroup['entities'] = [];
    const inGroup = new Set<string>();
    for (const entity of snapshot.entities.values()) {
      if (!inScope(request.scope, entity.ref)) continue;
      const key = request.groupBy === 'system' ? entity.system : entity.owner;
      if (key !== group) continue;
      const own = entity.controls.filter(
        c => c.control.framework === framework.id,
      );
      if (own.length === 0) continue;
      const standings = this.standingsOf(entity);
      const states: Record<string, ControlState> = {};
      let applicable = 0;
      let covered = 0;
      for (const control of own) {
        const id = formatControlRef(control.control);
        const state = stateOf(standings.byControl.get(id)!);
        states[id] = state;
        inGroup.add(id);
        if (state !== 'not-applicable') applicable += 1;
        if (isCovered(state)) covered += 1;
      }
      entities.push({
        entityRef: entity.ref,
        title: entity.title,
        kind: entity.kind,
        ...coverageOf(applicable, covered),
        states,
      });
    }
    entities.sort(
      (a, b) =>
        a.title.localeCompare(b.title, 'en') ||
        a.entityRef.localeCompare(b.entityRef, 'en'),
    );
    return {
      framework: framework.id,
      groupBy: request.groupBy,
      group,
      title: this.titleOf(snapshot, group),
      asOf: now.toISOString(),
      catalogAsOf: snapshot.at.toISOString(),
      controls: this.columnsOf(framework.id)
        .filter(column => inGroup.has(column.control))
        .map(({ control, title }) => ({ control, title })),
      entities,
    };
  }

  /**
   * The entities in scope (of one system when given) with the state of each
   * of their controls, sorted by entity ref.
   */
  async entityStates(request: {
    scope: EntityScope;
    system?: string;
  }): Promise<{ asOf: string; entities: IndexedEntity[] }> {
    const { snapshot, now, stateOf } = await this.moment();
    const entities: IndexedEntity[] = [];
    for (const entity of snapshot.entities.values()) {
      if (!inScope(request.scope, entity.ref)) continue;
      if (request.system !== undefined && entity.system !== request.system) {
        continue;
      }
      const standings = this.standingsOf(entity);
      entities.push({
        ref: entity.ref,
        kind: entity.kind,
        type: entity.type,
        title: entity.title,
        system: entity.system,
        owner: entity.owner,
        controls: entity.controls.map(control => {
          const id = formatControlRef(control.control);
          const standing = standings.byControl.get(id)!;
          return {
            id,
            control: control.control,
            rules: control.rules,
            state: stateOf(standing),
            ...(control.status === 'not-applicable' && {
              justification: control.justification,
            }),
            ...('evidence' in standing && {
              evidence: {
                id: standing.evidence.id,
                expires: standing.evidence.expires,
              },
            }),
          };
        }),
      });
    }
    entities.sort((a, b) => (a.ref < b.ref ? -1 : Number(a.ref > b.ref)));
    return { asOf: now.toISOString(), entities };
  }

  /**
   * The title of an entity of the kept catalog (any kind but people and
   * catalog plumbing, with controls in scope or not); undefined when the
   * catalog has no such entity.
   */
  async catalogTitle(entityRef: string): Promise<string | undefined> {
    return (await this.catalog()).titles.get(entityRef);
  }

  /** A loaded framework by its id (any case); the first loaded when none is given. */
  /**
   * What a question over many entities starts from: the kept catalog, the
   * evidence caught up, and the state of a control at this moment.
   */
  private async moment() {
    const snapshot = await this.catalog();
    await this.catchUp();
    const now = this.now();
    const at = now.getTime();
    const horizon = addDuration(now, this.deps.expiringWithin).getTime();
    const stateOf = (standing: ControlStanding) =>
      stateAt(standing, at, horizon);
    return { snapshot, now, stateOf };
  }

  framework(id: string | undefined) {
    const { frameworks } = this.deps.model;
    const found = id
      ? frameworks.find(f => f.id.toLowerCase() === id.toLowerCase())
      : frameworks[0];
    if (!found) {
      throw new InputError(
        frameworks.length === 0
          ? 'framework: no framework is loaded (compliance.frameworks in the app config)'
          : `framework: expected one of ${frameworks
              .map(f => f.id)
              .join(', ')} (the frameworks compliance.frameworks loads)`,
      );
    }
    return found;
  }

  /** The framework's controls in its order. */
  private columnsOf(framework: string): Array<{
    control: string;
    title: string;
  }> {
    const found = this.deps.model.frameworks.find(f => f.id === framework);
    return (found?.controls ?? []).map(control => ({
      control: formatControlRef({ framework, control: control.id }),
      title: control.title,
    }));
  }

  private titleOf(snapshot: Snapshot, ref: string): string {
    if (ref === '') return '';
    return snapshot.titles.get(ref) ?? parseEntityRef(ref).name;
  }

  /** What each control of the entity rests on, computed once per change. */
  private standingsOf(entity: KeptEntity): KeptStandings {
    const kept = this.#standings.get(entity.ref);
    if (kept && kept.signature === entity.signature) return kept;
    const items = [...(this.#evidence.get(entity.ref)?.values() ?? [])];
    // The items filed for each control, so a control looks only at the
    // items filed for it or for the controls mapped to it
    const filedFor = new Map<string, EvidenceStanding[]>();
    for (const item of items) {
      for (const control of item.controls) {
        const key = formatControlRef(control);
        const list = filedFor.get(key);
        if (list) list.push(item);
        else filedFor.set(key, [item]);
      }
    }
    const { reach } = this.deps.model;
    const byControl = new Map<string, ControlStanding>();
    for (const control of entity.controls) {
      const key = formatControlRef(control.control);
      const candidates = new Set(filedFor.get(key) ?? []);
      for (const source of reach.sourcesOf(control.control)) {
        for (const item of filedFor.get(formatControlRef(source.control)) ??
          []) {
          candidates.add(item);
        }
      }
      byControl.set(
        key,
        controlStanding({ control, evidence: [...candidates], reach }),
      );
    }
    const standings = { signature: entity.signature, byControl };
    this.#standings.set(entity.ref, standings);
    return standings;
  }

  /** The kept catalog; read again in the background once it is a minute old. */
  private catalog(): Promise<Snapshot> {
    return this.#catalog.get();
  }

  private async readCatalog(): Promise<Snapshot> {
    const at = this.now();
    const read = await readCatalogEntities(this.deps, FIELDS);

    const titles = new Map<string, string>();
    const domains = new Map<string, string>();
    for (const entity of read) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      titles.set(ref, entity.metadata.title ?? entity.metadata.name);
      if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
        const domain = entityRefOf(
          entity.spec?.domain,
          'domain',
          entity.metadata.namespace ?? 'default',
        );
        if (domain) domains.set(ref, domain);
      }
    }
    const { model } = this.deps;
    const previous = this.#catalog.current?.entities;
    const entities = new Map<string, KeptEntity>();
    for (let i = 0; i < read.length; i++) {
      if (i > 0 && i % BATCH === 0) await nextTurn();
      const entity = read[i];
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      const namespace = entity.metadata.namespace ?? 'default';
      const kind = entity.kind.toLocaleLowerCase('en-US');
      const system =
        kind === 'system'
          ? ref
          : entityRefOf(entity.spec?.system, 'system', namespace) ?? '';
      // An entity as the catalog had it last time keeps its evaluation
      const etag = `${entity.metadata.etag ?? ''} ${domains.get(system) ?? ''}`;
      const known = previous?.get(ref);
      if (known && entity.metadata.etag && known.etag === etag) {
        entities.set(ref, known);
        continue;
      }
      const { controls, problems } = evaluateApplicability(
        entity,
        model.rules,
        {
          controls: model.controls,
          domainOf: of => domains.get(of),
        },
      );
      if (controls.length === 0) continue;
      entities.set(ref, {
        ref,
        kind: entity.kind,
        type: typeof entity.spec?.type === 'string' ? entity.spec.type : '',
        title: entity.metadata.title ?? entity.metadata.name,
        system,
        owner: entityRefOf(entity.spec?.owner, 'group', namespace) ?? '',
        controls,
        problems,
        etag,
        signature: controls
          .map(
            c =>
              `${formatControlRef(c.control)}${
                c.status === 'not-applicable' ? '!' : ''
              }`,
          )
          .join(' '),
      });
    }
    // Standings of entities that left the catalog are not kept
    for (const ref of this.#standings.keys()) {
      if (!entities.has(ref)) this.#standings.delete(ref);
    }
    return { at, entities, titles };
  }

  /**
   * Reads what was filed or withdrawn since the last catch-up (everything
   * the first time), one catch-up at a time.
   */
  private async catchUp(): Promise<void> {
    if (!this.#catchingUp) {
      this.#catchingUp = this.readChanges().finally(() => {
        this.#catchingUp = undefined;
      });
    }
    await this.#catchingUp;
  }

  private async readChanges(): Promise<void> {
    // The real clock, as rows are stamped with it (states may be asked for
    // another time)
    const started = new Date();
    const from = this.#caughtUpFrom;
    const since = from
      ? new Date(from.getTime() - CATCH_UP_OVERLAP_MS)
      : undefined;
    const [filed, withdrawn] = await Promise.all([
      this.deps.store.standingsFiledSince(since),
      since ? this.deps.store.withdrawnSince(since) : Promise.resolve([]),
    ]);
    for (const standing of filed) {
      let items = this.#evidence.get(standing.entityRef);
      if (!items) {
        items = new Map();
        this.#evidence.set(standing.entityRef, items);
      }
      const known = items.get(standing.id);
      if (known && known.withdrawn === standing.withdrawn) continue;
      items.set(standing.id, {
        id: standing.id,
        controls: standing.controls.flatMap(c => {
          const ref = parseControlRef(c);
          return ref ? [ref] : [];
        }),
        collected: standing.collected,
        expires: standing.expires,
        result: standing.result,
        withdrawn: standing.withdrawn,
      });
      this.#standings.delete(standing.entityRef);
    }
    for (const { evidenceId, entityRef } of withdrawn) {
      const item = this.#evidence.get(entityRef)?.get(evidenceId);
      if (item && !item.withdrawn) {
        item.withdrawn = true;
        this.#standings.delete(entityRef);
      }
    }
    this.#caughtUpFrom = started;
  }
}
