import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  SampleDataChip,
  SampleDataTitle,
  SAMPLE_DATA_DOCS,
} from './SampleData';

describe('SampleDataChip', () => {
  it('marks records as sample data and links to how to turn it off', async () => {
    await renderInTestApp(<SampleDataChip what="These runs are" />);
    const link = screen.getByRole('link', {
      name: 'These runs are sample data, seeded for a first start of the portal, not published by a pipeline.',
    });
    expect(link).toHaveAttribute('href', SAMPLE_DATA_DOCS);
    expect(screen.getByText('Sample data')).toBeInTheDocument();
  });
});

describe('SampleDataTitle', () => {
  it('adds the mark only when the card shows sample records', async () => {
    const { rerender } = await renderInTestApp(
      <h2>
        <SampleDataTitle title="Perf trend" sample={false} />
      </h2>,
    );
    expect(
      screen.getByRole('heading', { name: 'Perf trend' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Sample data')).not.toBeInTheDocument();
    rerender(
      <h2>
        <SampleDataTitle title="Perf trend" sample />
      </h2>,
    );
    expect(screen.getByText('Sample data')).toBeInTheDocument();
  });
});
