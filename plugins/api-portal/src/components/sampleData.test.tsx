import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import {
  familySummary,
  LEDGER_V2,
  ledgerSdks,
  mockApi,
  renderForEntity,
} from '../__testUtils__/apiPortal';
import {
  DownloadsCell,
  downloadsLabel,
} from './ApisReadinessPage/DownloadsCell';
import { SdkCard } from './EntityApiPortal/SdkCard';

/*
 * SDK downloads counted as sample data (docs/operations/sample-data.md) say
 * so wherever they are counted.
 */

const DOCS = '/docs/default/system/readiness-portal/operations/sample-data/';

function daysAgo(ago: number): string {
  return new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
}

describe('sample downloads', () => {
  it('marks the downloads of a family that include sample ones, and says how many', async () => {
    const days = [
      { day: daysAgo(3), downloads: 5, sample: 5 },
      { day: daysAgo(1), downloads: 4, sample: 3 },
    ];
    await renderInTestApp(
      <DownloadsCell
        family={familySummary('ledger-api', { sdkDownloadsLast30Days: days })}
        total={9}
      />,
    );
    expect(
      screen.getByRole('link', {
        name: '8 of these downloads are sample data, seeded for a first start of the portal, not published by a pipeline.',
      }),
    ).toHaveAttribute('href', DOCS);
    expect(
      screen.getByRole('img', { name: downloadsLabel(9, days) }),
    ).toBeInTheDocument();
    expect(downloadsLabel(9, days)).toBe(
      `9 SDK downloads in the last 30 days: ${daysAgo(
        3,
      )}: 5 (5 sample), ${daysAgo(1)}: 4 (3 sample)`,
    );
  });

  it('leaves real downloads unmarked', async () => {
    await renderInTestApp(
      <DownloadsCell
        family={familySummary('ledger-api', {
          sdkDownloadsLast30Days: [{ day: daysAgo(1), downloads: 4 }],
        })}
        total={4}
      />,
    );
    expect(screen.getByTestId('downloads-ledger-api')).toBeInTheDocument();
    expect(screen.queryByText('Sample data')).not.toBeInTheDocument();
  });

  it('marks the SDK card and says how many of each count are sample downloads', async () => {
    const sdks = {
      ...ledgerSdks,
      sdks: ledgerSdks.sdks.map((sdk, i) =>
        i === 0 ? { ...sdk, downloads: { ...sdk.downloads, sample: 3 } } : sdk,
      ),
    };
    renderForEntity(
      <SdkCard entity={LEDGER_V2} />,
      mockApi({ listEntitySdks: jest.fn(async () => sdks) }),
    );
    const row = (await screen.findByText('TypeScript')).closest('tr')!;
    expect(within(row).getByText('3 sample')).toBeInTheDocument();
    const python = screen.getByText('Python').closest('tr')!;
    expect(within(python).queryByText(/sample/)).not.toBeInTheDocument();
    // The card says so once, by its title
    expect(
      screen.getByRole('link', {
        name: 'Some of these downloads are sample data, seeded for a first start of the portal, not published by a pipeline.',
      }),
    ).toHaveAttribute('href', DOCS);
    expect(screen.getAllByText('Sample data')).toHaveLength(1);
  });
});
