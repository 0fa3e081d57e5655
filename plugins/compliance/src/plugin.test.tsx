import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ledgerEvidence,
  ledgerRecord,
  ledgerSummary,
  mockApi,
  renderForEntity,
} from './__testUtils__/compliance';
import { complianceApiRef } from './api';
import {
  ComplianceMatrixPage,
  complianceMatrixRouteRef,
  compliancePlugin,
  EntityComplianceContent,
  EntityComplianceSummaryCard,
} from './plugin';

/** Lazy extensions load their chunk first; a busy machine needs time. */
const LAZY = { timeout: 10_000 };

function ledgerApi() {
  return mockApi({
    getEntityControls: jest.fn(async () => ledgerRecord),
    getEntitySummary: jest.fn(async () => ledgerSummary),
    listEntityEvidence: jest.fn(async () => ({ items: ledgerEvidence })),
  });
}

describe('the legacy compliance plugin', () => {
  it('provides the client', () => {
    expect(compliancePlugin.getId()).toBe('compliance');
    expect([...compliancePlugin.getApis()].map(f => f.api.id)).toEqual([
      complianceApiRef.id,
    ]);
  });

  it('renders the summary card lazily', async () => {
    renderForEntity(<EntityComplianceSummaryCard />, ledgerApi());
    expect(
      await screen.findByText('Open the compliance record', {}, LAZY),
    ).toBeInTheDocument();
  });

  it('renders the Compliance tab lazily', async () => {
    const api = ledgerApi();
    renderForEntity(<EntityComplianceContent />, api);
    expect(
      await screen.findByRole(
        'table',
        { name: 'SOC 2 Trust Services Criteria controls' },
        LAZY,
      ),
    ).toBeInTheDocument();
    expect(api.getEntityControls).toHaveBeenCalled();
  });

  it('routes to the matrix page and renders it lazily with its header', async () => {
    expect(compliancePlugin.routes.matrix).toBe(complianceMatrixRouteRef);
    const api = mockApi();
    renderInTestApp(<ComplianceMatrixPage />, {
      apis: [[complianceApiRef, api]] as any,
      mountedRoutes: {
        '/compliance': complianceMatrixRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    });
    expect(
      await screen.findByRole('button', { name: 'filing-platform' }, LAZY),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Compliance' }),
    ).toBeInTheDocument();
    expect(api.getMatrix).toHaveBeenCalled();
  });
});
