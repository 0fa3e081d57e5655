import { ResponseError } from '@backstage/errors';
import {
  entityPath,
  Page,
  PageQuery,
  PluginHttpClient,
  PortalDiscoveryApi,
  PortalEntityName,
  PortalFetchApi,
  queryString,
} from '@readiness/client-utils';
import {
  EntityComplianceRecord,
  EntityComplianceSummary,
  EvidenceItem,
  NewEvidence,
} from '../evidence/types';
import { EntityGdprRecord, GdprRegister } from '../gdpr/register';
import {
  ComplianceMatrix,
  ComplianceMatrixGroup,
  FrameworkSummary,
  MatrixGrouping,
} from '../matrix/types';

export type {
  Page,
  PageQuery,
  PortalEntityName,
} from '@readiness/client-utils';

/**
 * An evidence item as the backend answers a filing or a withdrawal:
 * `created` is false when the idempotency key (or the withdrawal) was
 * already stored, and the stored item is answered.
 *
 * @public
 */
export type FiledEvidence = { item: EvidenceItem; created: boolean };

/**
 * Why an evidence item no longer counts: 10 to 1000 characters.
 *
 * @public
 */
export type NewWithdrawal = { reason: string };

/**
 * Which matrix to ask for: a loaded framework's id (the first loaded when
 * absent) and the grouping of its rows (by system when absent).
 *
 * @public
 */
export type MatrixRequest = { framework?: string; groupBy?: MatrixGrouping };

/**
 * What the compliance backend offers to the entity pages and to pipelines.
 *
 * @public
 */
export interface ComplianceApi {
  /** The controls that apply to an entity with their state, and its coverage. */
  getEntityControls(entity: PortalEntityName): Promise<EntityComplianceRecord>;
  /** What the entity's overview card shows: coverage per framework and the newest item that counts. */
  getEntitySummary(entity: PortalEntityName): Promise<EntityComplianceSummary>;
  /** The entity's evidence, withdrawn items included, newest collected first. */
  listEntityEvidence(
    entity: PortalEntityName,
    query?: PageQuery,
  ): Promise<Page<EvidenceItem>>;
  /** Files one evidence item; a retry with the same idempotency key answers the stored one. */
  fileEvidence(evidence: NewEvidence): Promise<FiledEvidence>;
  /** Takes an item out of counting, with a reason; the item stays listed. */
  withdrawEvidence(
    evidenceId: string,
    withdrawal: NewWithdrawal,
  ): Promise<FiledEvidence>;
  /** The loaded frameworks, in their order: the matrix defaults to the first. */
  listFrameworks(): Promise<{ items: FrameworkSummary[] }>;
  /** A framework's controls × systems or owners, for the caller's entities. */
  getMatrix(request?: MatrixRequest): Promise<ComplianceMatrix>;
  /** The entities of one row of the matrix (`group` empty: those without a system or owner). */
  getMatrixGroup(
    request: MatrixRequest & { group: string },
  ): Promise<ComplianceMatrixGroup>;
  /** An entity's GDPR record of processing, its findings and data flows. */
  getEntityGdpr(entity: PortalEntityName): Promise<EntityGdprRecord>;
  /** The Art. 30 register of the caller's entities. */
  getGdprRegister(): Promise<GdprRegister>;
  /** The Art. 30 register as CSV text. */
  getGdprRegisterCsv(): Promise<string>;
}

/**
 * The typed client of the compliance backend, for browsers and backends.
 *
 * @public
 */
export class ComplianceClient implements ComplianceApi {
  private readonly http: PluginHttpClient;
  private readonly fetchApi: PortalFetchApi;

  constructor(options: {
    discoveryApi: PortalDiscoveryApi;
    fetchApi?: PortalFetchApi;
  }) {
    this.http = new PluginHttpClient({ pluginId: 'compliance', ...options });
    this.fetchApi = options.fetchApi ?? {
      fetch: globalThis.fetch.bind(globalThis),
    };
  }

  async getEntityControls(
    entity: PortalEntityName,
  ): Promise<EntityComplianceRecord> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/controls`);
  }

  async getEntitySummary(
    entity: PortalEntityName,
  ): Promise<EntityComplianceSummary> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/summary`);
  }

  async listEntityEvidence(
    entity: PortalEntityName,
    query: PageQuery = {},
  ): Promise<Page<EvidenceItem>> {
    return this.http.request(
      `/v1/entities/${entityPath(entity)}/evidence${queryString(query)}`,
    );
  }

  async fileEvidence(evidence: NewEvidence): Promise<FiledEvidence> {
    return this.http.send('/v1/evidence', 'POST', evidence);
  }

  async withdrawEvidence(
    evidenceId: string,
    withdrawal: NewWithdrawal,
  ): Promise<FiledEvidence> {
    return this.http.send(
      `/v1/evidence/${encodeURIComponent(evidenceId)}/withdrawals`,
      'POST',
      withdrawal,
    );
  }

  async listFrameworks(): Promise<{ items: FrameworkSummary[] }> {
    return this.http.request('/v1/frameworks');
  }

  async getMatrix(request: MatrixRequest = {}): Promise<ComplianceMatrix> {
    const { framework, groupBy } = request;
    return this.http.request(
      `/v1/matrix${queryString({ framework, groupBy })}`,
    );
  }

  async getMatrixGroup(
    request: MatrixRequest & { group: string },
  ): Promise<ComplianceMatrixGroup> {
    const { framework, groupBy, group } = request;
    return this.http.request(
      `/v1/matrix/entities${queryString({ framework, groupBy, group })}`,
    );
  }

  async getEntityGdpr(entity: PortalEntityName): Promise<EntityGdprRecord> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/gdpr`);
  }

  async getGdprRegister(): Promise<GdprRegister> {
    return this.http.request('/v1/gdpr/register');
  }

  async getGdprRegisterCsv(): Promise<string> {
    const response = await this.fetchApi.fetch(
      await this.http.url('/v1/gdpr/register.csv'),
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }
}
