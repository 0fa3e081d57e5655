import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  emptyScorecard,
  forbidden,
  ledgerHistory,
  mockApi,
  pending,
  renderForEntity,
  unscoredScorecard,
} from '../../__testUtils__/scorecards';
import { EntityScorecardContent } from './EntityScorecardContent';

function checkNames(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .map(row => row.getAttribute('aria-label'))
    .filter((name): name is string => !!name);
}

describe('EntityScorecardContent', () => {
  it('shows progress while the scorecard loads', async () => {
    renderForEntity(
      <EntityScorecardContent />,
      mockApi({ getEntityScorecard: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the level, the score, the levels and what blocks the next one', async () => {
    renderForEntity(<EntityScorecardContent />, mockApi());
    expect(await screen.findByText('Level and score')).toBeInTheDocument();
    expect(screen.getByLabelText('Level Bronze')).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Score 64 of 100' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '6 passing' })).toBeVisible();
    expect(screen.getByRole('group', { name: '2 failing' })).toBeVisible();
    expect(screen.getByRole('group', { name: '1 unknown' })).toBeVisible();
    const levels = screen.getByRole('list', { name: 'Levels' });
    expect(
      within(levels)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Bronze: reached, 6 of 6 pass',
      'Silver: not reached, 0 of 3 pass',
      'Gold: not reached, no check applies',
    ]);
    expect(
      screen.getByRole('region', { name: 'What blocks the next level' }),
    ).toHaveTextContent(
      '3 checks from SilverLinks its runbookSLOs are metDR drill held within its cadence',
    );
  });

  it('groups the checks by category, those that need attention first', async () => {
    renderForEntity(<EntityScorecardContent />, mockApi());
    const ownership = await screen.findByRole('table', {
      name: 'Ownership checks',
    });
    expect(checkNames(ownership)).toEqual([
      'Links its runbook',
      'Owned by a team',
      'Has a description',
      'Part of a system',
    ]);
    expect(
      screen.getByText('score 71 · 3 of 4 checks pass'),
    ).toBeInTheDocument();
    const runbook = within(ownership).getByRole('row', {
      name: 'Links its runbook',
    });
    expect(runbook).toHaveTextContent('fail');
    expect(runbook).toHaveTextContent('blocks Silver');
    expect(runbook).toHaveTextContent(
      'catalog.runbook-link is false; expected true',
    );
    expect(
      within(ownership).getByRole('row', { name: 'Owned by a team' }),
    ).not.toHaveTextContent('blocks');
    // Categories without an applicable check have no table
    expect(screen.queryByRole('table', { name: 'API checks' })).toBeNull();
    expect(
      screen.getAllByRole('table').map(t => t.getAttribute('aria-label')),
    ).toEqual([
      'Reliability checks',
      'Disaster recovery checks',
      'Compliance checks',
      'Ownership checks',
    ]);
  });

  it('opens a check onto why it matters, how to fix it and its facts', async () => {
    renderForEntity(<EntityScorecardContent />, mockApi());
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show how to fix Links its runbook',
      }),
    );
    expect(
      screen.getByText('The person on call needs the runbook at hand.'),
    ).toBeVisible();
    expect(
      screen.getByText('Add a link titled Runbook to the entity.'),
    ).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Read how: runbooks#writing-one' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/runbooks/#writing-one',
    );
    const facts = screen.getByRole('list', {
      name: 'Facts Links its runbook reads',
    });
    expect(facts).toHaveTextContent(
      'catalog.runbook-link (read from the catalog)',
    );
    expect(facts.textContent).toMatch(/runbook/i);
    expect(
      screen.getAllByText(/^As known at the recompute of /)[0],
    ).toBeVisible();

    // an https how-to-fix link is followed as it is
    await userEvent.click(
      screen.getByRole('button', { name: 'Show how to fix SLOs are met' }),
    );
    expect(
      screen.getByRole('link', { name: /^Read how: https:\/\/openslo.com\// }),
    ).toHaveAttribute('href', 'https://openslo.com/');
    expect(
      screen.getByRole('list', { name: 'Facts SLOs are met reads' }),
    ).toHaveTextContent('reliability.slos-met (provided by reliability)');
  });

  it('filters the checks to the failing ones', async () => {
    renderForEntity(<EntityScorecardContent />, mockApi());
    const filters = await screen.findByRole('group', {
      name: 'Filter by outcome',
    });
    expect(
      within(filters)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['All 9', 'failing 2', 'unknown 1', 'passing 6']);
    await userEvent.click(
      within(filters).getByRole('button', { name: 'failing 2' }),
    );
    expect(
      within(filters).getByRole('button', { name: 'failing 2' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getAllByRole('table').map(t => t.getAttribute('aria-label')),
    ).toEqual(['Disaster recovery checks', 'Ownership checks']);
    expect(
      checkNames(screen.getByRole('table', { name: 'Ownership checks' })),
    ).toEqual(['Links its runbook']);

    await userEvent.click(
      within(filters).getByRole('button', { name: 'All 9' }),
    );
    expect(screen.getAllByRole('table')).toHaveLength(4);
    expect(
      screen.getByRole('link', { name: 'Reading the checks' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/scorecards/readiness-record/#the-scorecard-tab',
    );
  });

  it('draws the score day by day and reads another span on demand', async () => {
    const api = mockApi();
    renderForEntity(<EntityScorecardContent />, api);
    const chart = await screen.findByRole('group', {
      name: 'Score trend chart',
    });
    await waitFor(() =>
      expect(within(chart).getAllByRole('img')).toHaveLength(3),
    );
    const dots = within(chart)
      .getAllByRole('img')
      .map(dot => dot.getAttribute('aria-label'));
    expect(dots[0]).toMatch(/^Score 40 on .*2026, No level$/);
    expect(dots[2]).toMatch(/^Score 64 on .*2026, Bronze$/);
    expect(screen.getByText('3 days with a snapshot')).toBeInTheDocument();

    const [entity, range] = api.getEntityScorecardHistory.mock.calls[0];
    expect(entity).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
    const days = (r: { from?: string; to?: string }) =>
      (Date.parse(r.to!) - Date.parse(r.from!)) / 86_400_000 + 1;
    expect(days(range!)).toBe(30);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Span' }),
      'Last year',
    );
    await waitFor(() =>
      expect(api.getEntityScorecardHistory).toHaveBeenCalledTimes(2),
    );
    expect(days(api.getEntityScorecardHistory.mock.calls[1][1]!)).toBe(365);
  });

  it('says when there is no snapshot in the span yet', async () => {
    renderForEntity(
      <EntityScorecardContent />,
      mockApi({
        getEntityScorecardHistory: jest.fn(async () => ({
          ...ledgerHistory,
          days: [],
        })),
      }),
    );
    expect(
      await screen.findByText(/No daily snapshot in this span yet/),
    ).toBeInTheDocument();
  });

  it('shows the history’s own error without hiding the checks', async () => {
    renderForEntity(
      <EntityScorecardContent />,
      mockApi({
        getEntityScorecardHistory: jest.fn(async () => {
          throw new Error('from: expected a day such as 2026-12-01');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/expected a day such as 2026-12-01/))[0],
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Ownership checks' }),
    ).toBeInTheDocument();
  });

  it('lists the checks with how to fix them before any fact is known', async () => {
    renderForEntity(
      <EntityScorecardContent />,
      mockApi({ getEntityScorecard: jest.fn(async () => unscoredScorecard) }),
    );
    expect(await screen.findByText('No scorecard yet')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Ownership checks' }),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('group', { name: 'Filter by outcome' }),
      ).getAllByRole('button'),
    ).toHaveLength(2);
  });

  it('says when no check applies', async () => {
    const api = mockApi({
      getEntityScorecard: jest.fn(async () => emptyScorecard),
    });
    renderForEntity(<EntityScorecardContent />, api);
    expect(
      await screen.findByText('No check applies to this entity'),
    ).toBeInTheDocument();
    expect(api.getEntityScorecardHistory).not.toHaveBeenCalled();
  });

  it('says once that the scorecard is internal when it is refused', async () => {
    renderForEntity(
      <EntityScorecardContent />,
      mockApi({
        getEntityScorecard: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This scorecard is internal'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The scorecard of this entity is not published to you.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
