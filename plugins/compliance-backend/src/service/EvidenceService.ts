import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration } from '@backstage/types';
import { EntityScope, inScope } from '@readiness/backend-http-utils';
import {
  ComplianceMatrix,
  ComplianceMatrixGroup,
  addDuration,
  ControlStanding,
  controlStanding,
  ControlState,
  EntityComplianceRecord,
  EntityComplianceSummary,
  EntityControl,
  EntityControlRecord,
  evaluateApplicability,
  EvidenceItem,
  formatControlRef,
  FrameworkCoverage,
  FrameworkSummary,
  MATRIX_GROUPINGS,
  MATRIX_STATES,
  MatrixGrouping,
  parseControlRef,
  PortalEvidenceKind,
  stateAt,
} from '@readiness/plugin-compliance-common';
import { EvidenceLimits } from '../config';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { ComplianceIndex } from './ComplianceIndex';
import { ComplianceModel } from './complianceModel';
import {
  PortalFiling,
  portalFilingBody,
  readPortalFiling,
} from './readPortalFiling';
import { CheckedFiling, normalEntityRef, readFiling } from './readFiling';

/** The caller of a route, as the router hands it on. */
export type CallOptions = { credentials: BackstageCredentials };

/** A page of a list, newest first. */
export type Page<T> = { items: T[]; nextCursor?: string };

/**
 * What the compliance routes ask for, on behalf of a caller. Implemented by
 * the authorizing wrapper, which decides what the caller reaches and hands
 * the inner service exactly that.
 */
export interface EvidenceService {
  getEntityRecord(
    entityRef: string,
    options: CallOptions,
  ): Promise<EntityComplianceRecord>;
  getEntitySummary(
    entityRef: string,
    options: CallOptions,
  ): Promise<EntityComplianceSummary>;
  listEvidence(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ): Promise<Page<EvidenceItem>>;
  fileEvidence(
    body: unknown,
    options: CallOptions,
  ): Promise<{ item: EvidenceItem; created: boolean }>;
  /**
   * Files evidence of an event of another plugin (a body with portalKind):
   * its source and controls from the portal evidence file. `item` is
   * undefined for a kind the file does not map.
   */
  filePortalEvidence(
    body: unknown,
    options: CallOptions,
  ): Promise<{ item?: EvidenceItem; created: boolean }>;
  withdrawEvidence(
    evidenceId: string,
    body: unknown,
    options: CallOptions,
  ): Promise<{ item: EvidenceItem; created: boolean }>;
  /** The loaded frameworks, to choose the matrix's. */
  listFrameworks(options: CallOptions): Promise<{ items: FrameworkSummary[] }>;
  getMatrix(
    query: MatrixQuery,
    options: CallOptions,
  ): Promise<ComplianceMatrix>;
  getMatrixGroup(
    query: MatrixQuery & { group: string },
    options: CallOptions,
  ): Promise<ComplianceMatrixGroup>;
}

/** A matrix as asked for: the framework (the first loaded when absent) and the grouping. */
export type MatrixQuery = { framework?: string; groupBy?: string };

function groupingOf(groupBy: string | undefined): MatrixGrouping {
  const grouping = groupBy ?? 'system';
  if (!(MATRIX_GROUPINGS as readonly string[]).includes(grouping)) {
    throw new InputError(
      `groupBy: expected one of ${MATRIX_GROUPINGS.join(', ')}`,
    );
  }
  return grouping as MatrixGrouping;
}

/** What a write may reach, and who makes it. */
export type WriteAccess = { scope: EntityScope; actor: string };

const MIN_REASON = 10;
const MAX_REASON = 1000;

/** The "not found" of an entity: the same words whether absent or out of reach. */
export function entityNotFound(entityRef: string): NotFoundError {
  return new NotFoundError(`No entity ${entityRef}`);
}

/** The "not found" of an evidence item, absent or out of reach alike. */
export function evidenceNotFound(evidenceId: string): NotFoundError {
  return new NotFoundError(`No evidence ${evidenceId}`);
}

/**
 * The compliance record of entities and their evidence, within the scope
 * each call is given: the scope is a required argument, and what is outside
 * it is answered as absent.
 */
export class ScopedEvidenceService {
  constructor(
    private readonly deps: {
      store: DatabaseEvidenceStore;
      catalog: CatalogService;
      auth: AuthService;
      model: ComplianceModel;
      /** The kept view of every entity's scope and evidence, for the matrix. */
      index: ComplianceIndex;
      limits: EvidenceLimits;
      expiringWithin: HumanDuration;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** Entities are read with the plugin's credentials: callers were authorized before. */
  private async entity(entityRef: string): Promise<Entity | undefined> {
    return this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
  }

  private async entityInScope(
    entityRef: string,
    scope: EntityScope,
  ): Promise<Entity> {
    const ref = normalEntityRef(entityRef);
    const entity = inScope(scope, ref) ? await this.entity(ref) : undefined;
    if (!entity) throw entityNotFound(ref);
    return entity;
  }

  /** The domain of the entity's system, for applicability rules on domains. */
  private async domainOf(entity: Entity): Promise<string | undefined> {
    const system = entity.spec?.system;
    if (entity.kind.toLocaleLowerCase('en-US') === 'system') return undefined;
    if (typeof system !== 'string' || system === '') return undefined;
    const systemRef = stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
    const found = await this.entity(systemRef);
    const domain = found?.spec?.domain;
    if (typeof domain !== 'string' || domain === '') return undefined;
    return stringifyEntityRef(
      parseEntityRef(domain, {
        defaultKind: 'domain',
        defaultNamespace: found?.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  }

  /**
   * The entity's controls with their state: from the kept view when it has
   * the entity (its scope as the catalog had it at most a minute ago, its
   * evidence as of now), else read from the catalog and the store.
   */
  async getEntityRecord(
    entityRef: string,
    scope: EntityScope,
  ): Promise<EntityComplianceRecord> {
    const ref = normalEntityRef(entityRef);
    if (!inScope(scope, ref)) throw entityNotFound(ref);
    const kept = await this.deps.index.entityRecord(ref);
    if (kept)
      return this.recordOf(ref, kept.controls, kept.standings, kept.problems);

    const entity = await this.entityInScope(ref, scope);
    const { model } = this.deps;
    const [domain, stored] = await Promise.all([
      this.domainOf(entity),
      this.deps.store.standingsOf(ref),
    ]);
    const applicability = evaluateApplicability(entity, model.rules, {
      controls: model.controls,
      domainOf: () => domain,
    });
    const evidence = stored.map(s => ({
      ...s,
      controls: s.controls.flatMap(c => parseControlRef(c) ?? []),
    }));
    const standings = new Map(
      applicability.controls.map(control => [
        formatControlRef(control.control),
        controlStanding({ control, evidence, reach: model.reach }),
      ]),
    );
    return this.recordOf(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      applicability.controls,
      standings,
      applicability.problems,
    );
  }

  /** The card's answer: coverage per framework and the newest item that counts. */
  async getEntitySummary(
    entityRef: string,
    scope: EntityScope,
  ): Promise<EntityComplianceSummary> {
    const [record, newest] = await Promise.all([
      this.getEntityRecord(entityRef, scope),
      inScope(scope, normalEntityRef(entityRef))
        ? this.deps.store.newestCounting(normalEntityRef(entityRef))
        : undefined,
    ]);
    return {
      entityRef: record.entityRef,
      asOf: record.asOf,
      coverage: record.coverage,
      problems: record.problems,
      ...(newest && {
        newestEvidence: {
          id: newest.id,
          title: newest.title,
          source: newest.source,
          collectedAt: newest.collectedAt,
          result: newest.result,
          ...(newest.link && { link: newest.link }),
        },
      }),
    };
  }

  private recordOf(
    entityRef: string,
    scopeControls: EntityControl[],
    standings: ReadonlyMap<string, ControlStanding>,
    problems: EntityComplianceRecord['problems'],
  ): EntityComplianceRecord {
    const { model } = this.deps;
    const now = this.now();
    const at = now.getTime();
    const horizon = addDuration(now, this.deps.expiringWithin).getTime();
    const controls: EntityControlRecord[] = scopeControls.map(control => {
      const id = formatControlRef(control.control);
      const standing = standings.get(id) ?? { state: 'missing' as const };
      const evidence = 'evidence' in standing ? standing.evidence : undefined;
      const credit = evidence?.credit;
      return {
        control: id,
        framework: control.control.framework,
        title: model.controls.control(control.control)?.title ?? '',
        state: stateAt(standing, at, horizon),
        rules: control.rules,
        ...(control.status === 'not-applicable' && {
          justification: control.justification,
        }),
        ...(evidence && {
          evidence: {
            id: evidence.id,
            expiresAt: evidence.expires,
            ...(credit &&
              credit !== 'direct' && {
                through: formatControlRef(
                  credit.mapping.source.framework ===
                    control.control.framework &&
                    credit.mapping.source.control === control.control.control
                    ? credit.mapping.target
                    : credit.mapping.source,
                ),
                mapping: credit.mappingId,
              }),
          },
        }),
      };
    });
    return {
      entityRef,
      asOf: now.toISOString(),
      controls,
      coverage: this.coverage(controls),
      problems,
    };
  }

  /** Per framework in scope, in the order frameworks load. */
  private coverage(controls: EntityControlRecord[]): FrameworkCoverage[] {
    return this.deps.model.frameworks.flatMap(framework => {
      const own = controls.filter(c => c.framework === framework.id);
      if (own.length === 0) return [];
      const states = Object.fromEntries(
        MATRIX_STATES.map(s => [s, 0]),
      ) as Record<ControlState, number>;
      own.forEach(c => states[c.state]++);
      const applicable = own.length - states['not-applicable'];
      const covered = states.fresh + states.expiring;
      return [
        {
          framework: framework.id,
          title: framework.title,
          applicable,
          covered,
          ratio: applicable === 0 ? 1 : covered / applicable,
          states,
        },
      ];
    });
  }

  async listEvidence(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    scope: EntityScope,
  ): Promise<Page<EvidenceItem>> {
    const entity = await this.entityInScope(entityRef, scope);
    return this.deps.store.listEvidence(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      page,
    );
  }

  /** Checks a filing's fields and that its entity is in the catalog. */
  async checkFiling(body: unknown): Promise<CheckedFiling> {
    const filing = readFiling(body, {
      controls: this.deps.model.controls,
      limits: this.deps.limits,
      now: this.now(),
    });
    if (!(await this.entity(filing.entityRef))) {
      throw new InputError(
        `entityRef: no entity ${filing.entityRef} in the catalog`,
      );
    }
    return filing;
  }

  async fileEvidence(
    filing: CheckedFiling,
    access: WriteAccess,
  ): Promise<{ item: EvidenceItem; created: boolean }> {
    if (!inScope(access.scope, filing.entityRef)) {
      throw entityNotFound(filing.entityRef);
    }
    return this.deps.store.addEvidence({ ...filing, filedBy: access.actor });
  }

  /** Checks a portal filing's kind, entity and key (before its rule is looked up). */
  checkPortalFiling(body: unknown): PortalFiling {
    return readPortalFiling(body);
  }

  /**
   * The plugins the portal evidence file lets file a kind; undefined when
   * the file does not map the kind (nothing is filed for it).
   */
  portalFilersOf(kind: PortalEvidenceKind): readonly string[] | undefined {
    return this.deps.model.portalEvidence[kind]?.filers;
  }

  /**
   * Files a portal filing for the source and controls the portal evidence
   * file maps its kind to, under a key of the kind and the caller's key, so
   * that an event reported twice files one item. A kind the file does not
   * map files nothing.
   */
  async filePortalEvidence(
    portal: PortalFiling,
    access: WriteAccess,
  ): Promise<{ item?: EvidenceItem; created: boolean }> {
    const rule = this.deps.model.portalEvidence[portal.portalKind];
    if (!rule) return { created: false };
    const filing = await this.checkFiling(portalFilingBody(portal, rule));
    return this.fileEvidence(filing, access);
  }

  /** The entities with a control in scope, to authorize the matrix. */
  async matrixEntityRefs(): Promise<string[]> {
    return this.deps.index.entityRefs();
  }

  /** No entity's record: callers allowed to read some records see them all. */
  listFrameworks(): { items: FrameworkSummary[] } {
    return {
      items: this.deps.model.frameworks.map(framework => ({
        id: framework.id,
        title: framework.title,
        ...(framework.version !== undefined && { version: framework.version }),
        controls: framework.controls.length,
      })),
    };
  }

  async getMatrix(
    query: MatrixQuery,
    scope: EntityScope,
  ): Promise<ComplianceMatrix> {
    return this.deps.index.matrix({
      framework: query.framework,
      groupBy: groupingOf(query.groupBy),
      scope,
    });
  }

  async getMatrixGroup(
    query: MatrixQuery & { group: string },
    scope: EntityScope,
  ): Promise<ComplianceMatrixGroup> {
    return this.deps.index.matrixGroup({
      framework: query.framework,
      groupBy: groupingOf(query.groupBy),
      group: query.group,
      scope,
    });
  }

  /** The entity an evidence item belongs to, to authorize a withdrawal. */
  async entityOfEvidence(evidenceId: string): Promise<string | undefined> {
    return (await this.deps.store.getEvidence(evidenceId))?.entityRef;
  }

  async withdrawEvidence(
    evidenceId: string,
    body: unknown,
    access: WriteAccess,
  ): Promise<{ item: EvidenceItem; created: boolean }> {
    const item = await this.deps.store.getEvidence(evidenceId);
    if (!item || !inScope(access.scope, item.entityRef)) {
      throw evidenceNotFound(evidenceId);
    }
    const reason = readReason(body);
    const { withdrawal, created } = await this.deps.store.addWithdrawal({
      evidenceId,
      reason,
      withdrawnBy: access.actor,
    });
    return { item: { ...item, withdrawal }, created };
  }
}

function readReason(body: unknown): string {
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  const unknown = Object.keys(record ?? {}).find(k => k !== 'reason');
  if (unknown !== undefined) {
    throw new InputError(`${unknown}: unknown field; expected reason`);
  }
  const reason = typeof record?.reason === 'string' ? record.reason.trim() : '';
  if (reason.length < MIN_REASON) {
    throw new InputError(
      `reason: required, at least ${MIN_REASON} characters saying why the evidence no longer counts`,
    );
  }
  if (reason.length > MAX_REASON) {
    throw new InputError(
      `reason: ${reason.length} characters, over the limit of ${MAX_REASON}`,
    );
  }
  return reason;
}
