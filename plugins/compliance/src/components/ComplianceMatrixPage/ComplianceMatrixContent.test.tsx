import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComplianceMatrix } from '@readiness/plugin-compliance-common';
import {
  forbidden,
  mockApi,
  pending,
  renderPage,
  soc2Matrix,
} from '../../__testUtils__/compliance';
import { ComplianceMatrixContent } from './ComplianceMatrixContent';

/** The titles of the rows shown, in order. */
function rowTitles(): string[] {
  const table = screen.getAllByRole('table')[0];
  return within(table)
    .getAllByRole('rowheader')
    .map(header => within(header).getByRole('button').textContent ?? '');
}

/** The control ids of the columns shown, in order. */
function columnIds(): string[] {
  const table = screen.getAllByRole('table')[0];
  return within(table)
    .getAllByRole('columnheader')
    .slice(1)
    .map(header => header.textContent ?? '');
}

/** The cell of a row and a control, found by its tooltip. */
function cell(rowTitle: string, control: string): HTMLElement {
  const table = screen.getAllByRole('table')[0];
  const found = within(table)
    .getAllByRole('cell')
    .find(c => c.title.startsWith(`${rowTitle} · ${control}:`));
  if (!found) throw new Error(`no cell ${rowTitle} × ${control}`);
  return found;
}

async function rendered(api = mockApi()) {
  renderPage(<ComplianceMatrixContent />, api);
  await screen.findByRole('button', { name: 'filing-platform' });
  return api;
}

describe('ComplianceMatrixContent', () => {
  it('shows progress while the matrix loads', async () => {
    renderPage(
      <ComplianceMatrixContent />,
      mockApi({ getMatrix: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the first framework as systems × controls, each cell coloured by its worst state with its counts as tooltip', async () => {
    const api = await rendered();
    expect(api.getMatrix).toHaveBeenCalledWith({
      framework: undefined,
      groupBy: 'system',
    });
    expect(rowTitles()).toEqual([
      'filing-platform',
      'Readiness Portal',
      'No system',
    ]);
    expect(columnIds()).toEqual(['CC8.1', 'CC7.2', 'A1.2']);
    expect(screen.getByRole('columnheader', { name: 'CC7.2' })).toHaveAttribute(
      'title',
      'SOC2:CC7.2 Systems are monitored for anomalies: 0% covered',
    );
    expect(screen.getByText('3 entities · 50% covered')).toBeInTheDocument();

    const failing = cell('filing-platform', 'SOC2:CC8.1');
    expect(failing.title).toBe(
      'filing-platform · SOC2:CC8.1: 1 failing, 2 fresh',
    );
    expect(failing.className).toMatch(/failing/);
    expect(cell('filing-platform', 'SOC2:CC7.2').className).toMatch(/missing/);
    expect(cell('filing-platform', 'SOC2:A1.2').className).toMatch(/expiring/);
    expect(cell('Readiness Portal', 'SOC2:CC8.1').className).toMatch(/fresh/);
    expect(cell('Readiness Portal', 'SOC2:CC7.2').className).toMatch(/expired/);
    expect(cell('Readiness Portal', 'SOC2:A1.2').className).toMatch(/none/);
    expect(cell('Readiness Portal', 'SOC2:A1.2').title).toBe(
      'Readiness Portal · SOC2:A1.2: In the scope of none of these entities',
    );
    expect(cell('No system', 'SOC2:CC8.1').className).toMatch(/not-applicable/);

    const totals = screen.getByTestId('compliance-matrix-totals');
    expect(totals).toHaveTextContent('6 entities');
    expect(totals).toHaveTextContent('10 applicable entity × control pairs');
    expect(totals).toHaveTextContent('50% covered (5 of 10)');
    expect(totals).toHaveTextContent('states as of');
    expect(totals).toHaveTextContent('catalog read');
  });

  it('asks for the framework chosen and for rows by owner', async () => {
    const api = await rendered();
    await userEvent.click(screen.getByLabelText('Framework'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'ISO/IEC 27001:2022 Annex A (ISO27001)',
      'SOC 2 Trust Services Criteria (SOC2)',
    ]);
    await userEvent.click(options[0]);
    await waitFor(() =>
      expect(api.getMatrix).toHaveBeenLastCalledWith({
        framework: 'ISO27001',
        groupBy: 'system',
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'By owner' }));
    await waitFor(() =>
      expect(api.getMatrix).toHaveBeenLastCalledWith({
        framework: 'ISO27001',
        groupBy: 'owner',
      }),
    );
    expect(screen.getByRole('button', { name: 'By owner' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('takes the framework and the grouping from the address', async () => {
    const api = mockApi();
    renderPage(<ComplianceMatrixContent />, api, [
      '/?framework=ISO27001&groupBy=owner',
    ]);
    await screen.findByRole('button', { name: 'filing-platform' });
    expect(api.getMatrix).toHaveBeenCalledTimes(1);
    expect(api.getMatrix).toHaveBeenCalledWith({
      framework: 'ISO27001',
      groupBy: 'owner',
    });
  });

  it('names the row of entities without an owner when grouped by owner', async () => {
    const byOwner: ComplianceMatrix = { ...soc2Matrix, groupBy: 'owner' };
    renderPage(
      <ComplianceMatrixContent />,
      mockApi({ getMatrix: jest.fn(async () => byOwner) }),
    );
    expect(
      await screen.findByRole('button', { name: 'No owner' }),
    ).toBeInTheDocument();
  });

  it('filters rows by title and controls by id or title, the other side whole', async () => {
    await rendered();
    const filter = screen.getByLabelText('Filter systems and controls');

    await userEvent.type(filter, 'portal');
    expect(rowTitles()).toEqual(['Readiness Portal']);
    expect(columnIds()).toEqual(['CC8.1', 'CC7.2', 'A1.2']);

    await userEvent.clear(filter);
    await userEvent.type(filter, 'monitored');
    expect(rowTitles()).toHaveLength(3);
    expect(columnIds()).toEqual(['CC7.2']);

    await userEvent.clear(filter);
    await userEvent.type(filter, 'no such thing');
    expect(screen.getByText('Nothing matches the filter.')).toBeInTheDocument();
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });

  it('shows only gaps: rows and controls fully covered go', async () => {
    await rendered();
    await userEvent.click(screen.getByLabelText('Show only gaps'));
    expect(rowTitles()).toEqual(['filing-platform', 'Readiness Portal']);
    expect(columnIds()).toEqual(['CC8.1', 'CC7.2']);
    expect(
      screen.getByText(/2 rows of 3 × 2 controls of 3/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Show only gaps'));
    expect(columnIds()).toEqual(['CC8.1', 'CC7.2', 'A1.2']);
  });

  it('says so when there is no gap at all', async () => {
    const covered: ComplianceMatrix = {
      ...soc2Matrix,
      controls: soc2Matrix.controls.map(c => ({
        ...c,
        covered: c.applicable,
        ratio: 1,
      })),
      groups: soc2Matrix.groups.map(g => ({
        ...g,
        covered: g.applicable,
        ratio: 1,
      })),
    };
    renderPage(
      <ComplianceMatrixContent />,
      mockApi({ getMatrix: jest.fn(async () => covered) }),
    );
    await userEvent.click(await screen.findByLabelText('Show only gaps'));
    expect(
      screen.getByText(
        'No gaps: every applicable control of every row is covered.',
      ),
    ).toBeInTheDocument();
  });

  it('opens a row’s entities with their states, each linking to its Compliance tab', async () => {
    const api = await rendered();
    await userEvent.click(
      screen.getByRole('button', { name: 'filing-platform' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'filing-platform · SOC 2 Trust Services Criteria',
    });
    expect(api.getMatrixGroup).toHaveBeenCalledWith({
      framework: 'SOC2',
      groupBy: 'system',
      group: 'system:default/filing-platform',
    });
    const ledger = await within(dialog).findByRole('link', { name: 'ledger' });
    expect(ledger).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger/compliance',
    );
    expect(
      within(dialog).getByRole('link', { name: 'Filing database' }),
    ).toHaveAttribute('href', '/catalog/default/resource/filing-db/compliance');
    expect(
      within(dialog).getByRole('columnheader', { name: 'CC8.1' }),
    ).toHaveAttribute(
      'title',
      'SOC2:CC8.1 Changes are authorised, tested and approved',
    );
    const ledgerRow = ledger.closest('tr')!;
    expect(ledgerRow).toHaveTextContent('Component · 33% covered');
    expect(ledgerRow).toHaveTextContent('failingmissingfresh');
    const dbRow = within(dialog)
      .getByRole('link', { name: 'Filing database' })
      .closest('tr')!;
    expect(
      within(dbRow).getAllByTitle("Not in this entity's scope"),
    ).toHaveLength(2);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('opens the row of a cell clicked', async () => {
    const api = await rendered();
    await userEvent.click(cell('Readiness Portal', 'SOC2:CC7.2'));
    await screen.findByRole('dialog');
    expect(api.getMatrixGroup).toHaveBeenCalledWith(
      expect.objectContaining({ group: 'system:default/readiness-portal' }),
    );
  });

  it('explains how to scope controls when none of the framework applies', async () => {
    const empty: ComplianceMatrix = {
      ...soc2Matrix,
      controls: [],
      groups: [],
      totals: { ...soc2Matrix.totals, entities: 0, applicable: 0, covered: 0 },
    };
    renderPage(
      <ComplianceMatrixContent />,
      mockApi({ getMatrix: jest.fn(async () => empty) }),
    );
    expect(
      await screen.findByText(
        'No control of SOC 2 Trust Services Criteria applies to any of your entities',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/compliance\/applicability\.yaml/)).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'How to scope controls' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/compliance/matrix/#an-empty-matrix',
    );
  });

  it('says compliance records are internal when the backend refuses the caller', async () => {
    renderPage(
      <ComplianceMatrixContent />,
      mockApi({
        getMatrix: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('Compliance records are internal'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the backend’s message for other errors', async () => {
    renderPage(
      <ComplianceMatrixContent />,
      mockApi({
        getMatrix: jest.fn(async () => {
          throw new Error('The compliance backend is unreachable');
        }),
      }),
    );
    expect(
      await screen.findByText('Error: The compliance backend is unreachable'),
    ).toBeInTheDocument();
  });
});
