import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  allowedEntities,
  EntityScope,
  entityScopeOf,
  inScope,
  requireEntityScope,
  requireSomewhere,
} from '@readiness/backend-http-utils';
import {
  complianceEntityReadPermission,
  EntityGdprRecord,
  EvidenceItem,
  GdprRegister,
  GdprRegisterEntry,
  gdprFindings,
} from '@readiness/plugin-compliance-common';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { entityNotFound } from '../service/EvidenceService';
import { normalEntityRef } from '../service/readFiling';
import { GdprCatalog, KeptRecord } from './GdprCatalog';
import { GdprOptions } from './options';

/** The caller of a route, as the router hands it on. */
export type GdprCallOptions = { credentials: BackstageCredentials };

/**
 * What the GDPR routes ask for, on behalf of a caller. Implemented by the
 * authorizing wrapper, which hands the inner service exactly the scope the
 * caller reaches.
 */
export interface GdprService {
  getEntityGdpr(
    entityRef: string,
    options: GdprCallOptions,
  ): Promise<EntityGdprRecord>;
  getRegister(options: GdprCallOptions): Promise<GdprRegister>;
}

const EVIDENCE_PAGE = 100;

/**
 * The GDPR records of entities within the scope each call is given: the
 * scope is a required argument, and what is outside it is answered as
 * absent.
 */
export class ScopedGdprService {
  constructor(
    private readonly deps: {
      catalog: GdprCatalog;
      store: DatabaseEvidenceStore;
      options: GdprOptions;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The refs of the entities with a record, for authorization. */
  async recordEntityRefs(): Promise<string[]> {
    return [...(await this.deps.catalog.snapshot()).records.keys()];
  }

  async getEntityGdpr(
    entityRef: string,
    scope: EntityScope,
  ): Promise<EntityGdprRecord> {
    const ref = normalEntityRef(entityRef);
    const snapshot = await this.deps.catalog.snapshot();
    const entity = inScope(scope, ref) ? snapshot.entities.get(ref) : undefined;
    if (!entity) throw entityNotFound(ref);
    const kept = snapshot.records.get(ref);
    const flows = snapshot.flows.get(ref) ?? { in: [], out: [] };
    return {
      entityRef: ref,
      title: entity.title,
      ...(kept
        ? await this.readRecord(ref, kept)
        : { problems: [], findings: [] }),
      flows: {
        in: flows.in.filter(flow => flow.from !== ref),
        out: flows.out.filter(flow => flow.to !== ref),
      },
      catalogAsOf: snapshot.at.toISOString(),
    };
  }

  async getRegister(scope: EntityScope): Promise<GdprRegister> {
    const snapshot = await this.deps.catalog.snapshot();
    const entries: GdprRegisterEntry[] = [];
    for (const [ref, kept] of snapshot.records) {
      if (!inScope(scope, ref)) continue;
      const entity = snapshot.entities.get(ref)!;
      entries.push({
        entityRef: ref,
        title: entity.title,
        owner: entity.owner,
        ...(await this.readRecord(ref, kept)),
      });
    }
    return {
      asOf: this.now().toISOString(),
      catalogAsOf: snapshot.at.toISOString(),
      entries,
    };
  }

  /** A kept record with its findings against the entity's evidence today. */
  private async readRecord(ref: string, kept: KeptRecord) {
    const { options } = this.deps;
    return {
      file: kept.file,
      ...(kept.record && { record: kept.record }),
      problems: kept.problems,
      findings: kept.record
        ? gdprFindings(kept.record, {
            maxRetention: options.maxRetention,
            dpaControl: options.dpaControl,
            evidence: kept.record.processors.length
              ? await this.evidenceOf(ref)
              : [],
            now: this.now(),
          })
        : [],
    };
  }

  private async evidenceOf(ref: string): Promise<EvidenceItem[]> {
    const items: EvidenceItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.listEvidence(ref, {
        cursor,
        limit: EVIDENCE_PAGE,
      });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}

/**
 * Decides what a caller reaches, like the compliance record's wrapper: a
 * caller denied reading compliance records outright (partners, tokens made
 * for other plugins) is refused with one 403 before anything is looked up;
 * a caller allowed on some entities only gets theirs, and "not found" for
 * the others.
 */
export class AuthorizedGdprService implements GdprService {
  constructor(
    private readonly inner: ScopedGdprService,
    private readonly permissions: PermissionsService,
  ) {}

  async getEntityGdpr(entityRef: string, options: GdprCallOptions) {
    const ref = normalEntityRef(entityRef);
    const { credentials } = options;
    const { scope } = await requireEntityScope(this.permissions, credentials, {
      permission: complianceEntityReadPermission,
      entityRef: ref,
      what: 'read compliance records',
      notFound: entityNotFound(ref),
    });
    return this.inner.getEntityGdpr(ref, scope);
  }

  async getRegister(options: GdprCallOptions) {
    const { credentials } = options;
    const result = await this.requireSomewhere(credentials);
    const scope: EntityScope =
      result === AuthorizeResult.ALLOW
        ? { all: true }
        : entityScopeOf(
            await allowedEntities(
              this.permissions,
              credentials,
              complianceEntityReadPermission,
              await this.inner.recordEntityRefs(),
            ),
          );
    return this.inner.getRegister(scope);
  }

  private requireSomewhere(credentials: BackstageCredentials) {
    return requireSomewhere(
      this.permissions,
      credentials,
      complianceEntityReadPermission,
      'read compliance records',
    );
  }
}
