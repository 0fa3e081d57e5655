import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ApiPortalApi } from '@readiness/plugin-api-portal-common';
import {
  familySummary,
  forbidden,
  mockApi,
  pending,
} from '../../__testUtils__/apiPortal';
import { apiPortalApiRef } from '../../api';
import { INTERNAL_RECORD_TITLE } from '../EntityApiPortal/PortalErrorPanel';
import { ApisReadinessContent } from './ApisReadinessContent';
import { downloadDays } from './DownloadsCell';

const lint = (errors: number, warnings: number) => ({
  errors,
  warnings,
  status: 'ok' as const,
  lintedAt: '2026-11-01T00:00:00Z',
});

const ledger = familySummary('ledger-api', {
  latestVersion: '2.0.0',
  latestEntityRef: 'api:default/ledger-api-v2',
  versionsCount: 2,
  partnerFacing: true,
  lint: lint(0, 3),
  breakingChangesLast30Days: 1,
  sdkDownloadsLast30Days: [
    { day: '2026-11-02', downloads: 4 },
    { day: '2026-11-01', downloads: 3 },
  ],
});
const ocr = familySummary('ocr-api', {
  latestVersion: '10.1.0',
  versionsCount: 1,
  lint: lint(2, 0),
  sdkDownloadsLast30Days: [{ day: '2026-11-01', downloads: 1 }],
});
const billing = familySummary('billing-api', {
  latestVersion: '9.0.0',
  versionsCount: 3,
});

function renderPage(api: ApiPortalApi) {
  return renderInTestApp(<ApisReadinessContent />, {
    apis: [[apiPortalApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function withFamilies(...pages: (typeof ledger)[][]) {
  const listFamilies = jest.fn();
  pages.forEach((items, i) =>
    listFamilies.mockResolvedValueOnce({
      items,
      nextCursor: i < pages.length - 1 ? `page-${i + 2}` : undefined,
    }),
  );
  return mockApi({ listFamilies });
}

/** The family names in the order the table shows them. */
function shownFamilies(): string[] {
  // The header row has no cells and the pagination row only one.
  return screen
    .getAllByRole('row')
    .map(r => within(r).queryAllByRole('cell'))
    .filter(cells => cells.length > 1)
    .map(cells => cells[0].textContent ?? '');
}

async function renderAll() {
  const api = withFamilies([ledger, ocr], [billing]);
  renderPage(api);
  await screen.findByText('3 families of 3');
  return api;
}

describe('ApisReadinessContent', () => {
  it('shows progress while the families are read', async () => {
    renderPage(mockApi({ listFamilies: jest.fn(() => pending()) }));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('explains how families get collected when there are none', async () => {
    renderPage(mockApi());
    expect(
      await screen.findByText('No API families collected yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/spec\.definition.*apiPortal\.collection\.frequency/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How collection works' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/api-portal/collection/',
    );
  });

  it('shows the server’s answer when the families cannot be read', async () => {
    renderPage(
      mockApi({
        listFamilies: jest.fn(async () => Promise.reject(forbidden())),
      }),
    );
    expect(await screen.findByText(INTERNAL_RECORD_TITLE)).toBeInTheDocument();
  });

  it('reads every page of families and shows each one', async () => {
    const api = await renderAll();
    expect(api.listFamilies).toHaveBeenCalledTimes(2);
    expect(api.listFamilies).toHaveBeenLastCalledWith({
      cursor: 'page-2',
      limit: 100,
    });
    expect(shownFamilies()).toEqual(['billing-api', 'ledger-api', 'ocr-api']);

    const row = within(
      screen.getByRole('link', { name: 'ledger-api' }).closest('tr')!,
    );
    expect(row.getByRole('link', { name: 'ledger-api' })).toHaveAttribute(
      'href',
      '/catalog/default/api/ledger-api-v2/api-portal',
    );
    expect(row.getByText('2.0.0')).toBeInTheDocument();
    expect(row.getByText('partner-facing')).toBeInTheDocument();
    expect(row.getByText('0 errors, 3 warnings')).toBeInTheDocument();
    expect(row.getByText('1 breaking change')).toBeInTheDocument();
    expect(row.getByTestId('downloads-ledger-api')).toHaveTextContent('7');
    expect(row.getByRole('link', { name: /^RSS/ })).toHaveAttribute(
      'href',
      'http://localhost:7007/api/api-portal/v1/feeds/families/ledger-api.rss',
    );
    expect(row.getByRole('link', { name: /^Atom/ })).toHaveAttribute(
      'href',
      'http://localhost:7007/api/api-portal/v1/feeds/families/ledger-api.atom',
    );
    // billing-api reports no downloads and has not been linted.
    const billingRow = within(
      screen.getByRole('link', { name: 'billing-api' }).closest('tr')!,
    );
    expect(billingRow.getByText('internal')).toBeInTheDocument();
    expect(billingRow.getByText('none')).toBeInTheDocument();
  });

  it("heads a partner's download counts as their organisation's", async () => {
    const own = { sdkDownloadsScope: 'organisation' as const };
    renderPage(
      withFamilies([{ ...ledger, ...own }, { ...ocr, ...own }, billing]),
    );
    await screen.findByText('3 families of 3');
    expect(
      screen.getByRole('button', {
        name: "Your organisation's SDK downloads (30 days)",
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'SDK downloads (30 days)' }),
    ).not.toBeInTheDocument();
  });

  it('links every family’s feeds at the top', async () => {
    await renderAll();
    const top = within(await screen.findByText(/Every family's changelog/));
    expect(top.getByRole('link', { name: /^RSS/ })).toHaveAttribute(
      'href',
      'http://localhost:7007/api/api-portal/v1/feeds/all.rss',
    );
    expect(top.getByRole('link', { name: /^Atom/ })).toHaveAttribute(
      'href',
      'http://localhost:7007/api/api-portal/v1/feeds/all.atom',
    );
  });

  // Ties keep the order the backend sent: ledger-api, ocr-api, billing-api.
  it.each([
    [
      'Latest version',
      ['ledger-api', 'billing-api', 'ocr-api'],
      ['ocr-api', 'billing-api', 'ledger-api'],
    ],
    [
      'Versions',
      ['ocr-api', 'ledger-api', 'billing-api'],
      ['billing-api', 'ledger-api', 'ocr-api'],
    ],
    [
      'Audience',
      ['ocr-api', 'billing-api', 'ledger-api'],
      ['ledger-api', 'ocr-api', 'billing-api'],
    ],
    [
      'Lint (latest)',
      ['billing-api', 'ledger-api', 'ocr-api'],
      ['ocr-api', 'ledger-api', 'billing-api'],
    ],
    [
      'Breaking (30 days)',
      ['ocr-api', 'billing-api', 'ledger-api'],
      ['ledger-api', 'ocr-api', 'billing-api'],
    ],
    [
      'SDK downloads (30 days)',
      ['billing-api', 'ocr-api', 'ledger-api'],
      ['ledger-api', 'ocr-api', 'billing-api'],
    ],
  ])('sorts by %s, both ways', async (column, ascending, descending) => {
    await renderAll();
    fireEvent.click(screen.getByRole('button', { name: column }));
    expect(shownFamilies()).toEqual(ascending);
    fireEvent.click(screen.getByRole('button', { name: column }));
    expect(shownFamilies()).toEqual(descending);
  });

  it('sorts by name descending on a click', async () => {
    await renderAll();
    fireEvent.click(screen.getByRole('button', { name: 'Family' }));
    expect(shownFamilies()).toEqual(['ocr-api', 'ledger-api', 'billing-api']);
  });

  it('filters by a search on the name', async () => {
    await renderAll();
    fireEvent.change(screen.getByLabelText('Search by name'), {
      target: { value: 'LEDGER' },
    });
    expect(shownFamilies()).toEqual(['ledger-api']);
    expect(screen.getByText('1 family of 3')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Search by name'), {
      target: { value: 'nothing' },
    });
    expect(
      screen.getByText('No family matches the filters.'),
    ).toBeInTheDocument();
  });

  it('keeps families with breaking changes in 30 days', async () => {
    await renderAll();
    fireEvent.click(screen.getByLabelText('Breaking in 30 days only'));
    expect(shownFamilies()).toEqual(['ledger-api']);
  });

  it('keeps families with lint errors', async () => {
    await renderAll();
    fireEvent.click(screen.getByLabelText('Has lint errors'));
    expect(shownFamilies()).toEqual(['ocr-api']);
  });

  it('keeps one audience', async () => {
    await renderAll();
    // The select is named by its label and value; the column header by its title.
    fireEvent.mouseDown(screen.getByRole('button', { name: /^Audience / }));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('Partner-facing'),
    );
    expect(shownFamilies()).toEqual(['ledger-api']);

    fireEvent.mouseDown(screen.getByRole('button', { name: /^Audience / }));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('Internal'),
    );
    expect(shownFamilies()).toEqual(['billing-api', 'ocr-api']);
  });
});

describe('downloadDays', () => {
  it('lists the days with downloads', () => {
    expect(
      downloadDays([
        { day: '2026-11-01', downloads: 3 },
        { day: '2026-11-02', downloads: 0 },
      ]),
    ).toBe('2026-11-01: 3');
    expect(downloadDays([])).toBe('No downloads in the last 30 days');
  });
});
