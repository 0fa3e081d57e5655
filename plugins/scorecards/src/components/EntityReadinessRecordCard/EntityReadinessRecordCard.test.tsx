import { screen, within } from '@testing-library/react';
import {
  emptyScorecard,
  forbidden,
  ledgerApi,
  ledgerScorecard,
  mockApi,
  notFound,
  pending,
  renderForEntity,
  unscoredScorecard,
} from '../../__testUtils__/scorecards';
import { EntityReadinessRecordCard } from './EntityReadinessRecordCard';

function family(title: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Score per family' });
  return within(list).getByRole('listitem', { name: title });
}

describe('EntityReadinessRecordCard', () => {
  it('shows progress while the scorecard loads', async () => {
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({ getEntityScorecard: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the level, the score and what blocks the next level', async () => {
    const api = mockApi();
    renderForEntity(<EntityReadinessRecordCard />, api);
    expect(
      await screen.findByRole('list', { name: 'Score per family' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Readiness record')).toBeInTheDocument();
    expect(screen.getByLabelText('Level Bronze')).toHaveTextContent('Bronze');
    expect(
      screen.getByRole('group', { name: 'Score 64 of 100' }),
    ).toHaveTextContent('64/ 100');
    const next = screen.getByRole('region', {
      name: 'What blocks the next level',
    });
    expect(next).toHaveTextContent('3 checks from Silver');
    expect(
      within(next)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Links its runbook',
      'SLOs are met',
      'DR drill held within its cadence',
    ]);
    expect(api.getEntityScorecard).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
    expect(
      screen.getByRole('link', { name: /Open the scorecard/ }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger/scorecard');
  });

  it('gives each family its state and score, linking to its tab', async () => {
    renderForEntity(<EntityReadinessRecordCard />, mockApi());
    await screen.findByRole('list', { name: 'Score per family' });

    expect(family('API')).toHaveTextContent('no checks');
    expect(family('API')).toHaveTextContent(
      'No API check applies to a Component',
    );
    expect(family('Reliability')).toHaveTextContent('1 unknown');
    expect(family('Reliability')).toHaveTextContent('1 of 2 checks pass');
    expect(
      within(family('Reliability')).getByRole('progressbar', {
        name: 'Reliability score',
      }),
    ).toHaveAttribute('aria-valuenow', '50');
    expect(family('Disaster recovery')).toHaveTextContent('1 failing');
    expect(family('Compliance')).toHaveTextContent('passing');
    expect(family('Compliance')).toHaveTextContent('100');
    expect(family('Ownership')).toHaveTextContent('1 failing');

    const linkOf = (title: string) =>
      within(family(title))
        .getByRole('link', { name: title })
        .getAttribute('href');
    const page = '/catalog/default/component/ledger';
    expect(linkOf('Reliability')).toBe(`${page}/reliability`);
    expect(linkOf('Disaster recovery')).toBe(`${page}/reliability`);
    expect(linkOf('Compliance')).toBe(`${page}/compliance`);
    // Ownership, and API on a Component, have no family tab of their own
    expect(linkOf('Ownership')).toBe(`${page}/scorecard`);
    expect(linkOf('API')).toBe(`${page}/scorecard`);
  });

  it('links an API’s family to the API Portal tab', async () => {
    renderForEntity(<EntityReadinessRecordCard />, mockApi(), ledgerApi);
    await screen.findByRole('list', { name: 'Score per family' });
    expect(
      within(family('API'))
        .getByRole('link', { name: 'API' })
        .getAttribute('href'),
    ).toBe('/catalog/default/api/ledger-api/api-portal');
    expect(
      within(family('Reliability'))
        .getByRole('link', { name: 'Reliability' })
        .getAttribute('href'),
    ).toBe('/catalog/default/api/ledger-api/scorecard');
    expect(family('API')).toHaveTextContent('No API check applies to an API');
  });

  it('names three blockers and links to the rest', async () => {
    const many = {
      ...ledgerScorecard,
      nextLevel: {
        level: 'silver' as const,
        blockedBy: [
          'runbook-link',
          'slos-met',
          'drill-within-cadence',
          'system-set',
          'a-check-since-removed',
        ],
      },
    };
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({ getEntityScorecard: jest.fn(async () => many) }),
    );
    const next = await screen.findByRole('region', {
      name: 'What blocks the next level',
    });
    expect(next).toHaveTextContent('5 checks from Silver');
    expect(
      within(next).getByRole('link', { name: 'and 2 more' }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger/scorecard');
  });

  it('says what was reached at the top', async () => {
    const gold = {
      ...ledgerScorecard,
      level: 'gold' as const,
      nextLevel: null,
    };
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({ getEntityScorecard: jest.fn(async () => gold) }),
    );
    expect(
      await screen.findByRole('region', { name: 'What blocks the next level' }),
    ).toHaveTextContent('Gold: the top level');
  });

  it('says how to get a scorecard when no fact is known yet', async () => {
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({ getEntityScorecard: jest.fn(async () => unscoredScorecard) }),
    );
    expect(await screen.findByText('No scorecard yet')).toBeInTheDocument();
    expect(
      screen.getByText(/9 checks apply to this entity, but none of the facts/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How an entity gets its scorecard' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/scorecards/readiness-record/#when-there-is-no-scorecard-yet',
    );
    expect(screen.queryByRole('list', { name: 'Score per family' })).toBeNull();
  });

  it('says when no check applies, and how checks choose entities', async () => {
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({ getEntityScorecard: jest.fn(async () => emptyScorecard) }),
    );
    expect(
      await screen.findByText('No check applies to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How checks choose entities' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/scorecards/readiness-record/#when-no-check-applies',
    );
  });

  it('says the scorecard is internal when it is refused', async () => {
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({
        getEntityScorecard: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This scorecard is internal'),
    ).toBeInTheDocument();
  });

  it('shows the backend’s answer when it fails', async () => {
    renderForEntity(
      <EntityReadinessRecordCard />,
      mockApi({
        getEntityScorecard: jest.fn(async () => {
          throw await notFound('No entity component:default/ledger');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/No entity component:default\/ledger/))[0],
    ).toBeInTheDocument();
  });
});
