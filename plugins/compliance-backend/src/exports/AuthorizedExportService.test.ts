import { mockCredentials } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityScope } from '@readiness/backend-http-utils';
import { AuthorizedExportService } from './AuthorizedExportService';
import { ExportDocument, ScopedExportService } from './ExportService';

const LEDGER = 'component:default/ledger';
const OCR = 'component:default/ocr';

/** An inner service that records the scope each export was asked with. */
function recordingInner() {
  const scopes: EntityScope[] = [];
  const document = async (_query: unknown, scope: EntityScope) => {
    scopes.push(scope);
    return {} as ExportDocument;
  };
  const inner = {
    entityRefs: async () => [LEDGER, OCR],
    assessmentResults: document,
    componentDefinition: document,
    evidenceCsv: document,
    matrixCsv: document,
  } as unknown as ScopedExportService;
  return { inner, scopes };
}

function permissionsAnswering(
  result: AuthorizeResult,
  allowed: string[] = [],
): PermissionsService {
  return {
    authorizeConditional: async () => [{ result }],
    authorize: async (requests: Array<{ resourceRef?: string }>) =>
      requests.map(r => ({
        result: allowed.includes(r.resourceRef ?? '')
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
  } as unknown as PermissionsService;
}

const call = { credentials: mockCredentials.user() };

describe('AuthorizedExportService', () => {
  it('exports the entities a conditional decision allows, and only those', async () => {
    const { inner, scopes } = recordingInner();
    const service = new AuthorizedExportService(
      inner,
      permissionsAnswering(AuthorizeResult.CONDITIONAL, [OCR]),
    );
    await service.assessmentResults({ framework: 'SOC2' }, call);
    await service.componentDefinition('system:default/filing-platform', call);
    await service.evidenceCsv({}, call);
    await service.matrixCsv({}, call);
    expect(scopes).toHaveLength(4);
    for (const scope of scopes) {
      expect(scope).toEqual({ all: false, entityRefs: new Set([OCR]) });
    }
  });

  it('exports everything for a caller allowed outright', async () => {
    const { inner, scopes } = recordingInner();
    const service = new AuthorizedExportService(
      inner,
      permissionsAnswering(AuthorizeResult.ALLOW),
    );
    await service.evidenceCsv({}, call);
    expect(scopes).toEqual([{ all: true }]);
  });

  it('refuses a caller denied outright before the inner service is asked', async () => {
    const { inner, scopes } = recordingInner();
    const service = new AuthorizedExportService(
      inner,
      permissionsAnswering(AuthorizeResult.DENY),
    );
    await expect(service.matrixCsv({}, call)).rejects.toThrow(
      new NotAllowedError('You may not read compliance records'),
    );
    expect(scopes).toEqual([]);
  });
});
