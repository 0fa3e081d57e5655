import { screen, within } from '@testing-library/react';
import {
  emptySummary,
  forbidden,
  ledgerSummary,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/compliance';
import {
  EntityComplianceSummaryCard,
  stateTotals,
} from './EntityComplianceSummaryCard';

function count(label: string): string {
  return screen.getByRole('group', { name: `${label} controls` }).textContent!;
}

describe('EntityComplianceSummaryCard', () => {
  it('shows progress while the summary loads', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({ getEntitySummary: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('sums up coverage per framework, the states that need attention and the newest evidence, from one call', async () => {
    const api = mockApi({
      getEntitySummary: jest.fn(async () => ledgerSummary),
    });
    renderForEntity(<EntityComplianceSummaryCard />, api);
    const coverage = await screen.findByRole('list', {
      name: 'Coverage per framework',
    });
    const soc2 = within(coverage)
      .getByText('SOC 2 Trust Services Criteria')
      .closest('li')!;
    expect(soc2).toHaveTextContent('50 %');
    expect(soc2).toHaveTextContent(
      '2 of 4 applicable controls covered by fresh or expiring evidence',
    );
    expect(
      within(coverage).getByRole('progressbar', {
        name: 'ISO/IEC 27001:2022 Annex A coverage',
      }),
    ).toHaveAttribute('aria-valuenow', '0');
    // Over both frameworks: six controls, one of each state
    expect(screen.getByText('6 controls in scope')).toBeInTheDocument();
    expect(count('failing')).toBe('1failing');
    expect(count('expired')).toBe('1expired');
    expect(count('expiring')).toBe('1expiring');
    expect(count('missing')).toBe('1missing');

    const newest = screen.getByRole('region', { name: 'Newest evidence' });
    expect(
      within(newest).getByRole('link', {
        name: /^Change review of release 2026\.12\.1/,
      }),
    ).toHaveAttribute('href', 'https://ci.example.com/runs/42');
    expect(newest).toHaveTextContent('filed by hand · collected');
    expect(
      screen.getByRole('link', { name: /Open the compliance record/ }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger/compliance');
    expect(api.getEntitySummary).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
    expect(api.getEntityControls).not.toHaveBeenCalled();
    expect(api.listEntityEvidence).not.toHaveBeenCalled();
  });

  it('adds up the states of every framework', () => {
    expect(stateTotals(ledgerSummary)).toEqual({
      fresh: 1,
      expiring: 1,
      expired: 1,
      failing: 1,
      missing: 1,
      'not-applicable': 1,
    });
    expect(Object.values(stateTotals(emptySummary))).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
  });

  it('says when no evidence counts yet', async () => {
    const { newestEvidence: _newest, ...withoutEvidence } = ledgerSummary;
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({ getEntitySummary: jest.fn(async () => withoutEvidence) }),
    );
    expect(
      await screen.findByText(/No evidence that counts yet/),
    ).toBeInTheDocument();
  });

  it('says when the entity declares its scope wrongly', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({
        getEntitySummary: jest.fn(async () => ({
          ...ledgerSummary,
          problems: [
            {
              entityRef: 'component:default/ledger',
              path: '/metadata/annotations/readiness.dev~1compliance-not-applicable',
              message: 'SOC2:CC99.9 is not a control of SOC 2',
            },
          ],
        })),
      }),
    );
    expect(
      await screen.findByText(
        /1 problem in how this entity declares its scope/,
      ),
    ).toBeInTheDocument();
  });

  it('says how to scope an entity no control applies to', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({ getEntitySummary: jest.fn(async () => emptySummary) }),
    );
    expect(
      await screen.findByText('No controls apply to this entity'),
    ).toBeInTheDocument();
    expect(screen.getByText(/compliance\/applicability\.yaml/)).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'How to scope an entity' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/compliance/entity-pages/#when-no-control-applies',
    );
    expect(screen.queryByText('Open the compliance record')).toBeNull();
  });

  it('shows the error when the summary cannot be read', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({
        getEntitySummary: jest.fn(async () => {
          throw new Error('Internal Server Error');
        }),
      }),
    );
    expect(
      await screen.findByText('Error: Internal Server Error'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Coverage per framework' }),
    ).toBeNull();
  });

  it('says the record is internal when it is refused', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({
        getEntitySummary: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This compliance record is internal'),
    ).toBeInTheDocument();
  });
});
