import { screen, within } from '@testing-library/react';
import {
  forbidden,
  ledgerComponent,
  mockApi,
  pending,
  providedApis,
  providedLedgerV1,
  providedLedgerV2,
  renderForEntity,
} from '../../__testUtils__/apiPortal';
import { INTERNAL_RECORD_TITLE } from '../EntityApiPortal/PortalErrorPanel';
import { LINT_UNAVAILABLE } from '../format';
import { NOT_COLLECTED_TEXT, ProvidedApisCard } from './ProvidedApisCard';

function renderCard(api = mockApi()) {
  renderForEntity(<ProvidedApisCard />, api, { entity: ledgerComponent });
  return api;
}

describe('ProvidedApisCard', () => {
  it('shows progress while the APIs are read', async () => {
    renderCard(mockApi({ getProvidedApis: jest.fn(() => pending()) }));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('asks for the component by kind, namespace and name', async () => {
    const api = renderCard();
    await screen.findByText('This component provides no APIs');
    expect(api.getProvidedApis).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
  });

  it('says how to declare provided APIs when there are none', async () => {
    renderCard();
    expect(
      await screen.findByText('This component provides no APIs'),
    ).toBeInTheDocument();
    expect(screen.getByText(/spec\.providesApis/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Read the docs' })).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/api-portal/provided-apis-card/',
    );
  });

  it('lists each API with its version, lint and breaking changes', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () =>
          providedApis([providedLedgerV1, providedLedgerV2]),
        ),
      }),
    );
    const v1 = within(await screen.findByTestId('provided-api-ledger-api-v1'));
    expect(v1.getByRole('link', { name: 'Ledger API v1' })).toHaveAttribute(
      'href',
      '/catalog/default/api/ledger-api-v1/api-portal',
    );
    expect(v1.getByText('family ledger-api')).toBeInTheDocument();
    expect(v1.getByText('Version 1.4.2')).toBeInTheDocument();
    expect(v1.getByText('not latest (2.0.0)')).toBeInTheDocument();
    expect(v1.getByText('Lint: 1 error, 2 warnings')).toBeInTheDocument();
    expect(v1.getByText('1 breaking change in 30 days')).toBeInTheDocument();

    const v2 = within(screen.getByTestId('provided-api-ledger-api-v2'));
    expect(v2.getByText('Version 2.0.0')).toBeInTheDocument();
    expect(v2.getByText('latest')).toBeInTheDocument();
    expect(v2.getByText('Lint: 0 errors, 0 warnings')).toBeInTheDocument();
    expect(screen.queryByText(/not shown to you/)).not.toBeInTheDocument();
  });

  it('falls back to the entity name and says when lint is not readable', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () =>
          providedApis([
            {
              ...providedLedgerV2,
              title: undefined,
              lint: undefined,
              breakingChangesLast30Days: 0,
            },
          ]),
        ),
      }),
    );
    const row = within(await screen.findByTestId('provided-api-ledger-api-v2'));
    expect(
      row.getByRole('link', { name: 'ledger-api-v2' }),
    ).toBeInTheDocument();
    expect(row.getByText(LINT_UNAVAILABLE)).toBeInTheDocument();
    expect(row.queryByText(/breaking/)).not.toBeInTheDocument();
  });

  it('shows why a definition could not be read', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () =>
          providedApis([
            {
              ...providedLedgerV2,
              revisionStatus: 'invalid-yaml',
              revisionStatusMessage: 'bad indentation at line 3',
            },
          ]),
        ),
      }),
    );
    expect(
      await screen.findByText('invalid-yaml: bad indentation at line 3'),
    ).toBeInTheDocument();
  });

  it('says an API is not collected yet and how to collect it', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () =>
          providedApis([
            {
              entityRef: 'api:default/billing-api',
              family: 'billing-api',
              latest: false,
              breakingChangesLast30Days: 0,
            },
          ]),
        ),
      }),
    );
    expect(await screen.findByText(NOT_COLLECTED_TEXT)).toBeInTheDocument();
    expect(NOT_COLLECTED_TEXT).toMatch(/schedule/);
    // It names no action the reader may not be allowed to take
    expect(NOT_COLLECTED_TEXT).not.toMatch(/Refresh/);
    expect(screen.getByText('No version yet')).toBeInTheDocument();
  });

  it('counts the provided APIs the caller may not read', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () =>
          providedApis([providedLedgerV2], 2),
        ),
      }),
    );
    expect(
      await screen.findByText('2 provided APIs are not shown to you.'),
    ).toBeInTheDocument();
  });

  it('shows only the hidden count when no provided API is readable', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () => providedApis([], 1)),
      }),
    );
    expect(
      await screen.findByText('1 provided API is not shown to you.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('This component provides no APIs'),
    ).not.toBeInTheDocument();
  });

  it('says the record is internal on 403', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () => Promise.reject(forbidden())),
      }),
    );
    expect(await screen.findByText(INTERNAL_RECORD_TITLE)).toBeInTheDocument();
  });

  it('shows the server’s answer on other errors', async () => {
    renderCard(
      mockApi({
        getProvidedApis: jest.fn(async () =>
          Promise.reject(new Error('backend down')),
        ),
      }),
    );
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
