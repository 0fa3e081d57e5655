import { screen, within } from '@testing-library/react';
import { EntityGdprRecord } from '@readiness/plugin-compliance-common';
import {
  forbidden,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/compliance';
import { EntityGdprContent } from './EntityGdprContent';

const assistant: EntityGdprRecord = {
  entityRef: 'component:default/ledger',
  title: 'Ledger',
  file: './gdpr.yaml',
  record: {
    role: 'processor',
    controller: 'the customer',
    activities: [
      {
        id: 'keep-books',
        purposes: ['keep the books'],
        lawfulBasis: 'legal-obligation',
        dataSubjects: ['counterparties'],
        categories: [
          { name: 'counterparty names', special: false },
          { name: 'church-tax lines', special: true },
        ],
        retention: {
          rule: '10 years after the fiscal year',
          maximum: { years: 11 },
          deletion: 'yearly retention job',
        },
      },
      {
        id: 'keep-notes',
        purposes: ['notes'],
        lawfulBasis: 'consent',
        dataSubjects: ['users'],
        categories: [],
      },
    ],
    processors: [
      { name: 'Language model provider', categories: ['chat messages'] },
    ],
    recipients: [{ name: 'Tax authorities', categories: ['filings'] }],
    transfers: [{ to: 'Support desk', country: 'IN' }],
    flows: [],
  },
  problems: [
    {
      file: './gdpr.yaml',
      path: '/spec/activities/2/lawfulBasis',
      line: 13,
      message: '"whim" is not one of consent, contract',
    },
  ],
  findings: [
    {
      kind: 'processor-without-dpa',
      subject: 'Language model provider',
      message: 'Language model provider: the record names no DPA',
    },
  ],
  flows: {
    in: [
      {
        from: 'component:default/billing',
        to: 'component:default/ledger',
        source: 'catalog',
        relation: 'consumesApi',
        api: 'api:default/ledger-api-v1',
      },
    ],
    out: [
      {
        from: 'component:default/ledger',
        to: 'resource:default/filing-db',
        source: 'declared',
        categories: ['journal entries'],
        channel: 'PostgreSQL, TLS',
      },
    ],
  },
  catalogAsOf: '2026-12-01T09:00:00.000Z',
};

describe('EntityGdprContent', () => {
  it('shows progress while the record loads', async () => {
    renderForEntity(
      <EntityGdprContent />,
      mockApi({ getEntityGdpr: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the record, its findings and problems, and the flows in and out', async () => {
    const api = mockApi({ getEntityGdpr: jest.fn(async () => assistant) });
    renderForEntity(<EntityGdprContent />, api);
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(findings).toHaveTextContent(
      'Processor without a DPA: Language model provider: the record names no DPA',
    );
    expect(
      screen.getByRole('list', { name: 'Problems of the record' }),
    ).toHaveTextContent(
      './gdpr.yaml/spec/activities/2/lawfulBasis (line 13): "whim" is not one of consent, contract',
    );
    expect(api.getEntityGdpr).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });

    const activities = screen.getByRole('table', {
      name: 'Processing activities',
    });
    const [, books, notes] = within(activities).getAllByRole('row');
    expect(books).toHaveTextContent('Legal obligation (Art. 6(1)(c))');
    expect(books).toHaveTextContent('church-tax lines (Art. 9)');
    expect(books).toHaveTextContent(
      '10 years after the fiscal year (at most 11 years)',
    );
    expect(notes).toHaveTextContent('none stated');
    expect(
      screen.getByText('Processor for the customer · ./gdpr.yaml'),
    ).toBeInTheDocument();

    const parties = screen.getByRole('table', {
      name: 'Processors and recipients',
    });
    expect(within(parties).getAllByRole('row')[1]).toHaveTextContent(
      'Language model providerprocessor',
    );
    expect(within(parties).getAllByRole('row')[1]).toHaveTextContent(
      'none named',
    );
    expect(
      screen.getByRole('list', { name: 'Transfers outside the EEA' }),
    ).toHaveTextContent('Support desk (IN): no safeguard');

    const into = screen.getByRole('table', { name: 'Flows in' });
    expect(within(into).getAllByRole('row')[1]).toHaveTextContent(
      'billingcatalog: consumesApi ledger-api-v1not stated',
    );
    const out = screen.getByRole('table', { name: 'Flows out' });
    expect(within(out).getAllByRole('row')[1]).toHaveTextContent(
      'filing-dbthe recordjournal entriesPostgreSQL, TLS',
    );
  });

  it('tells how to add a record to an entity that has none, and still shows its flows', async () => {
    renderForEntity(
      <EntityGdprContent />,
      mockApi({
        getEntityGdpr: jest.fn(async () => ({
          ...assistant,
          file: undefined,
          record: undefined,
          problems: [],
          findings: [],
        })),
      }),
    );
    expect(
      await screen.findByText('This entity has no record of processing'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How to write a record' }),
    ).toHaveAttribute('href', expect.stringContaining('gdpr'));
    expect(screen.queryByRole('list', { name: 'Findings' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Flows in' })).toBeInTheDocument();
  });

  it('says the record is internal to a caller who is refused', async () => {
    renderForEntity(
      <EntityGdprContent />,
      mockApi({
        getEntityGdpr: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This compliance record is internal'),
    ).toBeInTheDocument();
  });
});
