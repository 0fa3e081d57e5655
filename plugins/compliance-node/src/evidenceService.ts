import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  EvidenceItem,
  EvidenceResult,
  PortalEvidenceKind,
} from '@readiness/plugin-compliance-common';

/**
 * An event of another plugin that is evidence: which kind (the portal
 * evidence file maps each kind to its source and controls, so the filer
 * never names controls), for which entity, and what to show.
 *
 * @public
 */
export type PortalEvidence = {
  kind: PortalEvidenceKind;
  entityRef: string;
  title: string;
  description?: string;
  /** An http(s) URL of the record in the portal or the pipeline. */
  link?: string;
  /** ISO 8601: when what it shows was true (the drill's end, the restore's). */
  collectedAt: string;
  /** `satisfied` when not given. */
  result?: EvidenceResult;
  /**
   * Derived from the record it comes from (e.g. the drill's key), so that a
   * record reported twice files one item.
   */
  idempotencyKey: string;
};

/**
 * Files evidence from the records of other plugins: a drill within its
 * targets, a tested restore, a passed gate, a clean API family.
 *
 * @public
 */
export interface ComplianceEvidenceService {
  /**
   * Files one evidence item for the controls the portal evidence file maps
   * the kind to; the same idempotency key answers the stored item with
   * `created: false`. Kinds the file does not map file nothing
   * (`item` undefined).
   */
  filePortalEvidence(
    evidence: PortalEvidence,
    options: { credentials: BackstageCredentials },
  ): Promise<{ item?: EvidenceItem; created: boolean }>;
}

/**
 * Files through the compliance backend's POST /v1/evidence with a
 * portalKind, with a plugin request token made from the given credentials
 * (the filing plugin's own service credentials: only service principals of
 * the portal's plugins may file portal evidence).
 *
 * @public
 */
export class DefaultComplianceEvidenceService
  implements ComplianceEvidenceService
{
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  async filePortalEvidence(
    evidence: PortalEvidence,
    options: { credentials: BackstageCredentials },
  ): Promise<{ item?: EvidenceItem; created: boolean }> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'compliance',
    });
    const baseUrl = await this.deps.discovery.getBaseUrl('compliance');
    const { kind, ...fields } = evidence;
    const response = await (this.deps.fetch ?? fetch)(
      `${baseUrl}/v1/evidence`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ portalKind: kind, ...fields }),
      },
    );
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 500);
      try {
        message = JSON.parse(text)?.error?.message ?? message;
      } catch {
        // not a Backstage error body; its text says it
      }
      throw new Error(
        `The compliance backend answered ${response.status} to a ${kind} filing: ${message}`,
      );
    }
    const body = JSON.parse(text) as { item?: EvidenceItem; created: boolean };
    return { ...(body.item && { item: body.item }), created: body.created };
  }
}

/**
 * The compliance evidence service, for backend plugins that file evidence:
 * by default through the compliance backend's HTTP API.
 *
 * @public
 */
export const complianceEvidenceServiceRef =
  createServiceRef<ComplianceEvidenceService>({
    id: 'compliance.evidence',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { discovery: coreServices.discovery, auth: coreServices.auth },
        factory: ({ discovery, auth }) =>
          new DefaultComplianceEvidenceService({ discovery, auth }),
      }),
  });
