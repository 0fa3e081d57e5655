import {
  BackstageCredentials,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import {
  EvidenceItem,
  FiledEvidence,
  Page,
  PageQuery,
} from '@readiness/plugin-compliance-common';

type Options = { credentials: BackstageCredentials };

/**
 * The compliance backend's own evidence services, as its HTTP API calls
 * them: every filing is validated, idempotent on its key, checked against
 * the catalog and authorized for the credentials given, exactly as one over
 * HTTP.
 *
 * @public
 */
export interface ComplianceEvidenceFilings {
  /**
   * `POST /v1/evidence`: one item (a `NewEvidence` body; a body with a
   * `portalKind` is refused unless the credentials are the kind's filer).
   * `item` is undefined only for a portal kind the portal evidence file
   * does not map.
   */
  fileEvidence(
    body: unknown,
    options: Options,
  ): Promise<{ item?: EvidenceItem; created: boolean }>;
  /** `POST /v1/evidence/{evidenceId}/withdrawals`: `{ reason }`. */
  withdrawEvidence(
    evidenceId: string,
    body: unknown,
    options: Options,
  ): Promise<FiledEvidence>;
  /** `GET /v1/entities/{kind}/{namespace}/{name}/evidence`: newest collected first. */
  listEvidence(
    entityRef: string,
    page: PageQuery,
    options: Options,
  ): Promise<Page<EvidenceItem>>;
}

/**
 * Something that files evidence from inside the compliance backend, such as
 * an importer of another tool's records or the development sample data.
 *
 * @public
 */
export interface ComplianceEvidenceSource {
  /** Names the source in logs; two sources may not share a name. */
  readonly name: string;
  /**
   * Called once the backend has started, with the services to file
   * through. What the source files, and when (a scheduled task, for
   * example), is up to it; it should return promptly.
   */
  connect(filings: ComplianceEvidenceFilings): Promise<void>;
}

/**
 * Lets backend modules add evidence sources to the compliance backend.
 *
 * @public
 */
export interface ComplianceEvidenceSourcesExtensionPoint {
  /** Adds sources; a second source with a name already added throws. */
  addEvidenceSource(...sources: ComplianceEvidenceSource[]): void;
}

/**
 * The extension point for evidence sources.
 *
 * @public
 */
export const complianceEvidenceSourcesExtensionPoint =
  createExtensionPoint<ComplianceEvidenceSourcesExtensionPoint>({
    id: 'compliance.evidence-sources',
  });
