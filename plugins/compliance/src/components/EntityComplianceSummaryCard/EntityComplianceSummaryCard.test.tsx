import { screen, within } from '@testing-library/react';
import {
  emptyRecord,
  forbidden,
  ledgerEvidence,
  ledgerRecord,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/compliance';
import { EntityComplianceSummaryCard } from './EntityComplianceSummaryCard';

function count(label: string): string {
  return screen.getByRole('group', { name: `${label} controls` }).textContent!;
}

describe('EntityComplianceSummaryCard', () => {
  it('shows progress while the record loads', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({ getEntityControls: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('sums up coverage per framework, the states that need attention and the newest evidence', async () => {
    const api = mockApi({
      getEntityControls: jest.fn(async () => ledgerRecord),
      listEntityEvidence: jest.fn(async () => ({ items: ledgerEvidence })),
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
    expect(api.listEntityEvidence).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'ledger' },
      { limit: 5 },
    );
  });

  it('shows the newest item that still counts, not a withdrawn one', async () => {
    const [counting, withdrawn] = ledgerEvidence;
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({
        getEntityControls: jest.fn(async () => ledgerRecord),
        listEntityEvidence: jest.fn(async () => ({
          items: [withdrawn, counting],
        })),
      }),
    );
    const newest = await screen.findByRole('region', {
      name: 'Newest evidence',
    });
    expect(newest).toHaveTextContent('Change review of release 2026.12.1');
    expect(newest).not.toHaveTextContent('wrong release');
  });

  it('says when no evidence was filed yet', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({ getEntityControls: jest.fn(async () => ledgerRecord) }),
    );
    expect(
      await screen.findByText(/No evidence filed yet/),
    ).toBeInTheDocument();
  });

  it('says how to scope an entity no control applies to', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({ getEntityControls: jest.fn(async () => emptyRecord) }),
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

  it('shows the record when only the evidence list fails', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({
        getEntityControls: jest.fn(async () => ledgerRecord),
        listEntityEvidence: jest.fn(async () => {
          throw new Error('Service Unavailable');
        }),
      }),
    );
    const newest = await screen.findByRole('region', {
      name: 'Newest evidence',
    });
    expect(newest).toHaveTextContent('Unavailable: Service Unavailable');
    expect(
      screen.getByRole('list', { name: 'Coverage per framework' }),
    ).toBeInTheDocument();
  });

  it('shows the error when the record cannot be read', async () => {
    renderForEntity(
      <EntityComplianceSummaryCard />,
      mockApi({
        getEntityControls: jest.fn(async () => {
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
        getEntityControls: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This compliance record is internal'),
    ).toBeInTheDocument();
  });
});
