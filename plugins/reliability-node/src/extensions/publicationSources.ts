import {
  BackstageCredentials,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import {
  BackupVerification,
  DrillRecord,
  KeptGateVerdict,
  Page,
  PerfRunSummary,
  RunRegression,
} from '@readiness/plugin-reliability-common';

type Options = { credentials: BackstageCredentials };

/**
 * The reliability backend's own publication services, as its HTTP API calls
 * them: every publication is validated, idempotent, checked against the
 * catalog and authorized for the credentials given, exactly as one over HTTP.
 *
 * @public
 */
export interface ReliabilityPublications {
  /** `POST /v1/runs`: `run` is the run's metadata, `results` a k6 summary. */
  publishRun(
    request: { run: unknown; results: unknown },
    options: Options,
  ): Promise<{ run: PerfRunSummary; created: boolean; warnings: string[] }>;
  /** `GET /v1/runs`: an entity's runs, newest first. */
  listRuns(
    filter: {
      entityRef: string;
      scenario?: string;
      environment?: string;
      release?: string;
    },
    page: { cursor?: string; limit?: number },
    options: Options,
  ): Promise<Page<PerfRunSummary>>;
  /** `PUT /v1/runs/{runId}/baseline`, as `actor`. */
  pinBaseline(
    runId: string,
    options: Options & { actor: string },
  ): Promise<RunRegression['baseline']>;
  /** `POST /v1/drills`: `{ idempotencyKey, drill }`. */
  publishDrill(
    body: unknown,
    options: Options,
  ): Promise<{ drill: DrillRecord; created: boolean }>;
  /** `POST /v1/backups`: one backup verification. */
  publishVerification(
    body: unknown,
    options: Options,
  ): Promise<{ verification: BackupVerification; created: boolean }>;
  /** `POST /v1/gates/{entity}`: decides `{ release, environment }` now and keeps the verdict. */
  recordGateVerdict(
    entityRef: string,
    body: unknown,
    options: Options,
  ): Promise<KeptGateVerdict>;
  /** `GET /v1/gates/{entity}/history`: kept verdicts, newest first. */
  listGateVerdicts(
    entityRef: string,
    query: { release?: string; cursor?: string; limit?: number },
    options: Options,
  ): Promise<Page<KeptGateVerdict>>;
}

/**
 * Something that publishes to the reliability backend from inside it, such
 * as an importer of another tool's records or the development sample data.
 *
 * @public
 */
export interface ReliabilityPublicationSource {
  /** Names the source in logs; two sources may not share a name. */
  readonly name: string;
  /**
   * Called once the backend has started, with the services to publish
   * through. What the source publishes, and when (a scheduled task, for
   * example), is up to it; it should return promptly.
   */
  connect(publications: ReliabilityPublications): Promise<void>;
}

/**
 * Lets backend modules add publication sources to the reliability backend.
 *
 * @public
 */
export interface ReliabilityPublicationSourcesExtensionPoint {
  /** Adds sources; a second source with a name already added throws. */
  addPublicationSource(...sources: ReliabilityPublicationSource[]): void;
}

/**
 * The extension point for publication sources.
 *
 * @public
 */
export const reliabilityPublicationSourcesExtensionPoint =
  createExtensionPoint<ReliabilityPublicationSourcesExtensionPoint>({
    id: 'reliability.publication-sources',
  });
