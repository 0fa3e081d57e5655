/*
 * The exports for auditors: OSCAL assessment results and component
 * definitions, and CSV of the evidence and of the matrix. Documents are
 * written in pieces as they are read: evidence a page at a time through the
 * store's keyset order (one page held at a time, whatever the number of
 * items), the states of entities' controls from the replica's kept index
 * (one entry per entity and control, never per item). Whatever can be
 * refused (the framework, the grouping, the system) is checked before the
 * first piece, so a refusal is an ordinary error response.
 */
import { randomUUID } from 'node:crypto';
import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { csvRecord, EntityScope, inScope } from '@readiness/backend-http-utils';
import {
  EvidenceItem,
  formatControlRef,
  Framework,
  MATRIX_GROUPINGS,
  MatrixGrouping,
} from '@readiness/plugin-compliance-common';
import {
  DatabaseEvidenceStore,
  EvidencePosition,
} from '../database/DatabaseEvidenceStore';
import { ComplianceIndex, IndexedEntity } from '../service/ComplianceIndex';
import { ComplianceModel } from '../service/complianceModel';
import { CallOptions, entityNotFound } from '../service/EvidenceService';
import {
  componentOf,
  controlToken,
  findingOf,
  frameworkResource,
  nameUuid,
  observationOf,
  OSCAL_VERSION,
  portalProp,
} from './oscal';

/** An export as the router sends it: a file written in pieces. */
export type ExportDocument = {
  fileName: string;
  contentType: 'application/json' | 'text/csv';
  /** The file, in pieces; read once. */
  chunks: AsyncIterable<string>;
  /** What the audit event records once every piece is written. */
  written(): JsonObject;
};

/** Which evidence or which entities an export covers. */
export type ExportQuery = {
  framework?: string;
  /** A System's entity ref; every system when absent. */
  system?: string;
};

/** The exports a caller asks for; implemented by the authorizing wrapper. */
export interface ExportService {
  assessmentResults(
    query: ExportQuery,
    options: CallOptions,
  ): Promise<ExportDocument>;
  componentDefinition(
    systemRef: string,
    options: CallOptions,
  ): Promise<ExportDocument>;
  evidenceCsv(
    query: ExportQuery,
    options: CallOptions,
  ): Promise<ExportDocument>;
  matrixCsv(
    query: { framework?: string; groupBy?: string },
    options: CallOptions,
  ): Promise<ExportDocument>;
}

/** The store as the exports read it: a page at a time. */
export type EvidencePages = Pick<DatabaseEvidenceStore, 'evidencePage'>;

/** The kept index as the exports read it. */
export type ExportIndex = Pick<
  ComplianceIndex,
  'entityStates' | 'catalogTitle' | 'framework' | 'entityRefs'
>;

/** Items read from the store per page. */
export const EXPORT_PAGE_SIZE = 500;

/** Above this many entities, evidence is read unfiltered and picked in memory. */
const MAX_ENTITY_FILTER = 1000;

const EVIDENCE_COLUMNS = [
  'evidence_id',
  'entity_ref',
  'controls',
  'source',
  'result',
  'title',
  'description',
  'link',
  'collected_at',
  'expires_at',
  'filed_by',
  'filed_at',
  'attachment_name',
  'attachment_media_type',
  'attachment_sha256',
  'withdrawn_at',
  'withdrawn_by',
  'withdrawal_reason',
];

/** Characters kept in a file name; others become `-`. */
function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-');
}

function groupingOf(groupBy: string | undefined): MatrixGrouping {
  const grouping = groupBy ?? 'system';
  if (!(MATRIX_GROUPINGS as readonly string[]).includes(grouping)) {
    throw new InputError(
      `groupBy: expected one of ${MATRIX_GROUPINGS.join(', ')}`,
    );
  }
  return grouping as MatrixGrouping;
}

/** A System's entity ref as the query gives it, in lower case. */
function systemRefOf(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'system',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      'system: expected a System entity ref, e.g. system:default/filing-platform',
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'system') {
    throw new InputError(
      `system: ${value} is not a System; expected e.g. system:default/filing-platform`,
    );
  }
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

/** Joins batches of JSON values as an array field, left out when empty (OSCAL arrays have at least one item). */
async function* arrayField(
  name: string,
  batches: AsyncIterable<string[]>,
): AsyncGenerator<string> {
  let open = false;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${open ? ',' : `,${JSON.stringify(name)}:[`}${batch.join(',')}`;
    open = true;
  }
  if (open) yield ']';
}

/**
 * The exports within the scope each call is given: entities outside it are
 * left out, and a system outside it is answered as absent.
 */
export class ScopedExportService {
  constructor(
    private readonly deps: {
      store: EvidencePages;
      /** Read with the plugin's credentials: callers were authorized before. */
      catalog: Pick<CatalogService, 'getEntityByRef'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      index: ExportIndex;
      model: Pick<ComplianceModel, 'frameworks' | 'reach'>;
      /** Items per page read from the store. */
      pageSize?: number;
    },
  ) {}

  /** The entities with a control in scope, to authorize exports. */
  async entityRefs(): Promise<string[]> {
    return this.deps.index.entityRefs();
  }

  async assessmentResults(
    query: ExportQuery,
    scope: EntityScope,
  ): Promise<ExportDocument> {
    const framework = this.deps.index.framework(query.framework);
    const system = await this.system(query.system, scope);
    const { asOf, entities } = await this.deps.index.entityStates({
      scope,
      system: system?.ref,
    });
    const assessed = entities.filter(e =>
      e.controls.some(c => c.control.framework === framework.id),
    );
    const reviewed = controlsInScope(framework, assessed);
    const where = system ? system.title : 'every system of the portal';
    const planUuid = nameUuid('plan:readiness-portal');
    const counts = { observations: 0, findings: 0 };
    let start: string | undefined;

    const head = {
      uuid: nameUuid(
        `assessment-results:${framework.id}:${system?.ref ?? 'portal'}`,
      ),
      metadata: {
        title: `${framework.id} assessment results: ${where}`,
        'last-modified': asOf,
        version: asOf,
        'oscal-version': OSCAL_VERSION,
        props: [
          ...portalProp('framework', framework.id),
          ...portalProp('system', system?.ref ?? ''),
        ],
        remarks:
          'Exported by the Readiness Portal: the state of every control of the framework in the scope of the caller’s entities, and the evidence that counts for them.',
      },
      'import-ap': {
        href: `#${planUuid}`,
        remarks:
          'The portal keeps no OSCAL assessment plan: what is assessed follows from its applicability rules and the frameworks it loads (see back-matter).',
      },
    };
    const result = {
      uuid: randomUUID(),
      title: `${framework.title}: ${where}`,
      description: `The state of each ${framework.id} control of each entity as of ${asOf} (findings), and the evidence filed for the framework’s controls or for controls mapped to them (observations; withdrawn items are left out).`,
      'reviewed-controls': {
        'control-selections': [
          reviewed.length > 0
            ? {
                'include-controls': reviewed.map(id => ({
                  'control-id': controlToken(id),
                })),
              }
            : {
                description: `No ${framework.id} control is in the scope of the exported entities.`,
              },
        ],
      },
    };
    const backMatter = {
      resources: [
        {
          uuid: planUuid,
          title: 'The Readiness Portal’s compliance scope',
          description:
            'The controls that apply to each catalog entity follow from the portal’s applicability rules (compliance.applicability) and the entities’ declarations of controls that do not apply; evidence is filed by people, pipelines and the portal’s own plugins.',
        },
        frameworkResource(framework),
      ],
    };
    const titles = new Map(framework.controls.map(c => [c.id, c.title]));
    const items = this.evidenceBatches({
      entities: system ? assessed.map(e => e.ref) : undefined,
      scope,
      framework,
      withdrawn: false,
    });

    async function* observations(): AsyncGenerator<string[]> {
      for await (const batch of items) {
        counts.observations += batch.length;
        for (const item of batch) {
          if (start === undefined || item.collectedAt < start) {
            start = item.collectedAt;
          }
        }
        yield batch.map(item => JSON.stringify(observationOf(item)));
      }
    }

    async function* findings(): AsyncGenerator<string[]> {
      for (const entity of assessed) {
        const own = entity.controls.filter(
          c => c.control.framework === framework.id,
        );
        counts.findings += own.length;
        yield own.map(control =>
          JSON.stringify(
            findingOf(
              entity,
              control,
              titles.get(control.control.control) ?? '',
            ),
          ),
        );
      }
    }

    async function* chunks(): AsyncGenerator<string> {
      // Objects are opened from their fixed fields, their arrays streamed
      yield `{"assessment-results":${openObject(head)},"results":[${openObject(
        result,
      )}`;
      yield* arrayField('observations', observations());
      yield* arrayField('findings', findings());
      yield `,"start":${JSON.stringify(start ?? asOf)},"end":${JSON.stringify(
        asOf,
      )}}],"back-matter":${JSON.stringify(backMatter)}}}`;
    }

    return {
      fileName: `assessment-results-${fileNamePart(framework.id)}-${
        system ? fileNamePart(system.ref.replace(/^system:/, '')) : 'portal'
      }.json`,
      contentType: 'application/json',
      chunks: chunks(),
      written: () => ({ ...counts }),
    };
  }

  /**
   * The component definition of a System: one component per entity of the
   * system with a control in scope (the System among them when it has one),
   * with the controls of each framework.
   */
  async componentDefinition(
    systemRef: string,
    scope: EntityScope,
  ): Promise<ExportDocument> {
    const system = (await this.system(systemRef, scope))!;
    const { asOf, entities } = await this.deps.index.entityStates({
      scope,
      system: system.ref,
    });
    const frameworks = this.deps.model.frameworks.filter(f =>
      entities.some(e => e.controls.some(c => c.control.framework === f.id)),
    );
    const document = {
      'component-definition': {
        uuid: nameUuid(`component-definition:${system.ref}`),
        metadata: {
          title: `Components of ${system.title}`,
          'last-modified': asOf,
          version: asOf,
          'oscal-version': OSCAL_VERSION,
          props: portalProp('system', system.ref),
          remarks:
            'Exported by the Readiness Portal: the catalog entities of the system with controls in scope, and the state of each control when exported.',
        },
        ...(entities.length > 0 && {
          components: entities.map(entity => componentOf(entity, frameworks)),
        }),
        ...(frameworks.length > 0 && {
          'back-matter': { resources: frameworks.map(frameworkResource) },
        }),
      },
    };
    async function* chunks(): AsyncGenerator<string> {
      yield JSON.stringify(document);
    }
    return {
      fileName: `component-definition-${fileNamePart(
        system.ref.replace(/^system:/, ''),
      )}.json`,
      contentType: 'application/json',
      chunks: chunks(),
      written: () => ({ components: entities.length }),
    };
  }

  /** Every item, withdrawn ones with their withdrawal; of a framework and system when given. */
  async evidenceCsv(
    query: ExportQuery,
    scope: EntityScope,
  ): Promise<ExportDocument> {
    const framework =
      query.framework === undefined
        ? undefined
        : this.deps.index.framework(query.framework);
    const system = await this.system(query.system, scope);
    const entities = system
      ? (
          await this.deps.index.entityStates({ scope, system: system.ref })
        ).entities.map(e => e.ref)
      : undefined;
    const counts = { items: 0 };
    const items = this.evidenceBatches({
      entities,
      scope,
      framework,
      withdrawn: true,
    });
    async function* chunks(): AsyncGenerator<string> {
      yield csvRecord(EVIDENCE_COLUMNS);
      for await (const batch of items) {
        counts.items += batch.length;
        yield batch.map(evidenceRecord).join('');
      }
    }
    return {
      fileName: `evidence-${framework ? fileNamePart(framework.id) : 'all'}-${
        system ? fileNamePart(system.ref.replace(/^system:/, '')) : 'portal'
      }.csv`,
      contentType: 'text/csv',
      chunks: chunks(),
      written: () => ({ ...counts }),
    };
  }

  /**
   * The matrix with its detail: one record per entity with a control of the
   * framework in scope, under its system or owner, with the state of each
   * control (empty where the control is not in the entity's scope).
   */
  async matrixCsv(
    query: { framework?: string; groupBy?: string },
    scope: EntityScope,
  ): Promise<ExportDocument> {
    const framework = this.deps.index.framework(query.framework);
    const groupBy = groupingOf(query.groupBy);
    const { entities } = await this.deps.index.entityStates({ scope });
    const assessed = entities.filter(e =>
      e.controls.some(c => c.control.framework === framework.id),
    );
    const columns = controlsInScope(framework, assessed);
    const rows = await Promise.all(
      assessed.map(async entity => {
        const group = groupBy === 'system' ? entity.system : entity.owner;
        const title = group
          ? (await this.deps.index.catalogTitle(group)) ??
            parseEntityRef(group).name
          : '';
        return { entity, group, title };
      }),
    );
    rows.sort(
      (a, b) =>
        Number(a.group === '') - Number(b.group === '') ||
        a.title.localeCompare(b.title, 'en') ||
        a.group.localeCompare(b.group, 'en') ||
        a.entity.ref.localeCompare(b.entity.ref, 'en'),
    );
    async function* chunks(): AsyncGenerator<string> {
      yield csvRecord([
        groupBy,
        `${groupBy}_title`,
        'entity_ref',
        'entity_kind',
        'entity_title',
        'applicable',
        'covered',
        ...columns.map(id =>
          formatControlRef({ framework: framework.id, control: id }),
        ),
      ]);
      for (const { entity, group, title } of rows) {
        const states = new Map(
          entity.controls
            .filter(c => c.control.framework === framework.id)
            .map(c => [c.control.control, c.state]),
        );
        const values = [...states.values()];
        yield csvRecord([
          group,
          title,
          entity.ref,
          entity.kind,
          entity.title,
          values.filter(s => s !== 'not-applicable').length,
          values.filter(s => s === 'fresh' || s === 'expiring').length,
          ...columns.map(id => states.get(id)),
        ]);
      }
    }
    return {
      fileName: `matrix-${fileNamePart(framework.id)}-${groupBy}.csv`,
      contentType: 'text/csv',
      chunks: chunks(),
      written: () => ({ entities: rows.length }),
    };
  }

  /**
   * The System a query names, with its title; undefined when none is named.
   * Absent from the catalog, or with none of its entities in the caller's
   * scope, it is not found. Asked of the catalog itself, not the index's
   * kept copy: a System added a moment ago exists at once (its entities join
   * the exports when the index reads the catalog again).
   */
  private async system(
    value: string | undefined,
    scope: EntityScope,
  ): Promise<{ ref: string; title: string } | undefined> {
    if (value === undefined) return undefined;
    const ref = systemRefOf(value);
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    const title = entity
      ? entity.metadata.title ?? entity.metadata.name
      : undefined;
    const reachable =
      title !== undefined &&
      (scope.all ||
        inScope(scope, ref) ||
        (await this.deps.index.entityStates({ scope, system: ref })).entities
          .length > 0);
    if (!reachable) throw entityNotFound(ref);
    return { ref, title };
  }

  /**
   * The evidence of the entities in scope (of these entities when given), a
   * page at a time: withdrawn items left out unless asked for, and with a
   * framework only the items filed for its controls or for controls mapped
   * to them. One page is held at a time.
   */
  private async *evidenceBatches(selection: {
    entities?: readonly string[];
    scope: EntityScope;
    framework?: Framework;
    withdrawn: boolean;
  }): AsyncGenerator<EvidenceItem[]> {
    const { scope, framework } = selection;
    const counted = framework ? this.countedFor(framework) : undefined;
    let entityRefs = selection.entities;
    if (
      !entityRefs &&
      !scope.all &&
      scope.entityRefs.size <= MAX_ENTITY_FILTER
    ) {
      entityRefs = [...scope.entityRefs];
    }
    const limit = this.deps.pageSize ?? EXPORT_PAGE_SIZE;
    let after: EvidencePosition | undefined;
    for (;;) {
      const page = await this.deps.store.evidencePage({
        after,
        entityRefs,
        limit,
      });
      const kept = page.filter(
        item =>
          inScope(scope, item.entityRef) &&
          (selection.withdrawn || !item.withdrawal) &&
          (!counted || item.controls.some(c => counted.has(c))),
      );
      if (kept.length > 0) yield kept;
      if (page.length < limit) return;
      const last = page[page.length - 1];
      after = {
        entityRef: last.entityRef,
        collectedAt: last.collectedAt,
        id: last.id,
      };
    }
  }

  /** The controls whose evidence counts for some control of a framework. */
  private countedFor(framework: Framework): Set<string> {
    const counted = new Set<string>();
    for (const control of framework.controls) {
      const ref = { framework: framework.id, control: control.id };
      counted.add(formatControlRef(ref));
      for (const source of this.deps.model.reach.sourcesOf(ref)) {
        counted.add(formatControlRef(source.control));
      }
    }
    return counted;
  }
}

/** The ids of a framework's controls in the scope of some entity, in framework order. */
function controlsInScope(
  framework: Framework,
  entities: readonly IndexedEntity[],
): string[] {
  const used = new Set<string>();
  for (const entity of entities) {
    for (const c of entity.controls) {
      if (c.control.framework === framework.id) used.add(c.control.control);
    }
  }
  return framework.controls.map(c => c.id).filter(id => used.has(id));
}

/** A JSON object without its closing brace, to stream more fields into. */
function openObject(value: object): string {
  return JSON.stringify(value).slice(0, -1);
}

function evidenceRecord(item: EvidenceItem): string {
  return csvRecord([
    item.id,
    item.entityRef,
    item.controls.join(' '),
    item.source,
    item.result,
    item.title,
    item.description,
    item.link,
    item.collectedAt,
    item.expiresAt,
    item.filedBy,
    item.filedAt,
    item.attachment?.name,
    item.attachment?.mediaType,
    item.attachment?.sha256,
    item.withdrawal?.withdrawnAt,
    item.withdrawal?.withdrawnBy,
    item.withdrawal?.reason,
  ]);
}
