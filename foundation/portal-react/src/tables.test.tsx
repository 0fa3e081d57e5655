import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { ExpandRowButton, FilterChips } from './tables';
import { ToneChip } from './ToneChip';
import { CountTile, CountTiles } from './CountTiles';

describe('ExpandRowButton', () => {
  it('says what it opens and whether it is open', async () => {
    function Row() {
      const [open, setOpen] = useState(false);
      return (
        <ExpandRowButton
          open={open}
          onToggle={() => setOpen(!open)}
          label="the evidence of CC6.1"
          controls="detail"
        />
      );
    }
    await renderInTestApp(<Row />);
    const show = screen.getByRole('button', {
      name: 'Show the evidence of CC6.1',
    });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(show).not.toHaveAttribute('aria-controls');
    fireEvent.click(show);
    const hide = screen.getByRole('button', {
      name: 'Hide the evidence of CC6.1',
    });
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    expect(hide).toHaveAttribute('aria-controls', 'detail');
  });
});

describe('FilterChips', () => {
  it('offers all and each counted value, the shown one pressed', async () => {
    const onShow = jest.fn();
    await renderInTestApp(
      <FilterChips
        label="Filter by state"
        total={3}
        values={[
          { value: 'failing', label: 'failing', count: 2 },
          { value: 'fresh', label: 'fresh', count: 1 },
          { value: 'missing', label: 'missing', count: 0 },
        ]}
        shown="failing"
        onShow={onShow}
      >
        <span>What the states mean</span>
      </FilterChips>,
    );
    const group = screen.getByRole('group', { name: 'Filter by state' });
    expect(group).toHaveTextContent(
      'All 3failing 2fresh 1What the states mean',
    );
    expect(screen.getByRole('button', { name: 'failing 2' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: 'All 3' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    fireEvent.click(screen.getByRole('button', { name: 'All 3' }));
    expect(onShow).toHaveBeenCalledWith('all');
  });
});

describe('ToneChip', () => {
  it('shows its label and title', async () => {
    await renderInTestApp(
      <ToneChip tone="missing" label="missing" title="No evidence yet" />,
    );
    expect(screen.getByText('missing')).toBeInTheDocument();
    expect(screen.getByTitle('No evidence yet')).toBeInTheDocument();
  });
});

describe('CountTiles', () => {
  it('names each tile and shows its count over its label', async () => {
    await renderInTestApp(
      <CountTiles columns={2}>
        <CountTile
          count={2}
          label="failing"
          name="2 failing"
          tone="attention"
        />
        <CountTile
          count={0}
          label="unknown"
          name="0 unknown"
          title="Not known"
        />
      </CountTiles>,
    );
    expect(screen.getByRole('group', { name: '2 failing' })).toHaveTextContent(
      '2failing',
    );
    expect(screen.getByRole('group', { name: '0 unknown' })).toHaveAttribute(
      'title',
      'Not known',
    );
  });
});
