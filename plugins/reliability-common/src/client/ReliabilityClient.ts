import {
  entityPath,
  PluginHttpClient,
  PortalDiscoveryApi,
  PortalEntityName,
  PortalFetchApi,
  queryString,
} from '@readiness/client-utils';
import {
  BackupVerification,
  BackupVerificationInput,
  EntityBackups,
} from '../backups/backups';
import { DrillRecord, EntityDrills } from '../drills/drills';
import { GateVerdict } from '../gate/gate';
import { GateRequest } from '../gate/gateRequest';
import { Page, PerfRun, PerfRunMetadata, PerfRunSummary } from '../perfRun';
import { RunDifference, RunRegression } from '../regression/regression';
import { EntitySlos } from '../slo/entitySlos';
import { EntityTrend } from '../trend';
import type { EntityReliabilityRecord } from '../entityRecords';

/** @public */
export type ListRunsQuery = {
  entityRef: string;
  scenario?: string;
  environment?: string;
  release?: string;
  cursor?: string;
  limit?: number;
};

/** An entity by its ref parts. @public */
export type EntityName = PortalEntityName;

/** A gate verdict as kept by the backend. @public */
export type KeptGateVerdict = GateVerdict & { id: string; decidedAt: string };

/** Two runs compared, statistic by statistic. @public */
export type RunComparison = {
  a: string;
  b: string;
  differences: RunDifference[];
};

/**
 * What the reliability backend offers to readers.
 *
 * @public
 */
export interface ReliabilityApi {
  listRuns(query: ListRunsQuery): Promise<Page<PerfRunSummary>>;
  getRun(id: string): Promise<PerfRun>;
  getRegression(runId: string): Promise<RunRegression>;
  compareRuns(a: string, b: string): Promise<RunComparison>;
  getEntitySlos(entity: EntityName): Promise<EntitySlos>;
  getEntityTrend(
    entity: EntityName,
    query?: { scenario?: string; environment?: string; limit?: number },
  ): Promise<EntityTrend>;
  getEntityDrills(entity: EntityName): Promise<EntityDrills>;
  getEntityBackups(entity: EntityName): Promise<EntityBackups>;
  listGateVerdicts(
    entity: EntityName,
    query?: { release?: string; cursor?: string; limit?: number },
  ): Promise<Page<KeptGateVerdict>>;
}

/**
 * The typed client of the reliability backend, for browsers and backends.
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly http: PluginHttpClient;

  constructor(options: {
    discoveryApi: PortalDiscoveryApi;
    fetchApi?: PortalFetchApi;
  }) {
    this.http = new PluginHttpClient({ pluginId: 'reliability', ...options });
  }

  async listRuns(query: ListRunsQuery): Promise<Page<PerfRunSummary>> {
    return this.http.request(`/v1/runs${queryString(query)}`);
  }

  async getRun(id: string): Promise<PerfRun> {
    return this.http.request(`/v1/runs/${encodeURIComponent(id)}`);
  }

  async getRegression(runId: string): Promise<RunRegression> {
    return this.http.request(
      `/v1/runs/${encodeURIComponent(runId)}/regression`,
    );
  }

  async compareRuns(a: string, b: string): Promise<RunComparison> {
    return this.http.request(
      `/v1/runs/${encodeURIComponent(a)}/compare/${encodeURIComponent(b)}`,
    );
  }

  async getEntitySlos(entity: EntityName): Promise<EntitySlos> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/slos`);
  }

  async getEntityTrend(
    entity: EntityName,
    query: { scenario?: string; environment?: string; limit?: number } = {},
  ): Promise<EntityTrend> {
    return this.http.request(
      `/v1/entities/${entityPath(entity)}/trend${queryString(query)}`,
    );
  }

  async getEntityDrills(entity: EntityName): Promise<EntityDrills> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/drills`);
  }

  async getEntityBackups(entity: EntityName): Promise<EntityBackups> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/backups`);
  }

  async listGateVerdicts(
    entity: EntityName,
    query: { release?: string; cursor?: string; limit?: number } = {},
  ): Promise<Page<KeptGateVerdict>> {
    return this.http.request(
      `/v1/gates/${entityPath(entity)}/history${queryString(query)}`,
    );
  }

  /**
   * The records of up to 100 entities (MAX_ENTITY_RECORDS) at once, in the
   * order asked, leaving out entities not in the catalog. Service
   * credentials of a portal plugin only.
   */
  async getEntityRecords(
    entityRefs: readonly string[],
  ): Promise<{ items: EntityReliabilityRecord[] }> {
    return this.http.send('/v1/entity-records', 'POST', { entityRefs });
  }

  /** Publishes a run with its k6 summary document (service credentials). */
  async publishRun(request: {
    run: PerfRunMetadata;
    results: unknown;
  }): Promise<{ run: PerfRunSummary; created: boolean; warnings: string[] }> {
    return this.http.send('/v1/runs', 'POST', request);
  }

  /** Publishes a run from k6's JSON stream, plain or gzip (service credentials). */
  async publishRunStream(
    run: PerfRunMetadata,
    body: Uint8Array,
  ): Promise<{ run: PerfRunSummary; created: boolean; warnings: string[] }> {
    return this.http.request(`/v1/runs/stream${queryString(run)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body,
    });
  }

  /** Asks the release gate without keeping its answer. */
  async getGateVerdict(
    entity: EntityName,
    request: GateRequest,
  ): Promise<GateVerdict> {
    return this.http.request(
      `/v1/gates/${entityPath(entity)}${queryString(request)}`,
    );
  }

  /**
   * Asks the release gate and keeps the verdict in the gate history (service
   * credentials with `reliability.gate.record`).
   */
  async recordGateVerdict(
    entity: EntityName,
    request: GateRequest,
  ): Promise<KeptGateVerdict> {
    return this.http.send(`/v1/gates/${entityPath(entity)}`, 'POST', request);
  }

  /** Pushes a drill record from a restore-drill pipeline (service credentials). */
  async publishDrill(request: {
    idempotencyKey: string;
    drill: Omit<
      DrillRecord,
      'source' | 'achievedRtoMinutes' | 'achievedRpoMinutes'
    >;
  }): Promise<{ drill: DrillRecord; created: boolean }> {
    return this.http.send('/v1/drills', 'POST', request);
  }

  /** Pushes what a backup-verify job found (service credentials). */
  async publishBackupVerification(
    verification: BackupVerificationInput,
  ): Promise<{ verification: BackupVerification; created: boolean }> {
    return this.http.send('/v1/backups', 'POST', verification);
  }
}
