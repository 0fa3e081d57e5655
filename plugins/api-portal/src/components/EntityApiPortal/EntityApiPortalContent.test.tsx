import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { errorApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { useLocation } from 'react-router-dom';
import {
  breakingEntry,
  forbidden,
  ledgerLint,
  ledgerSdks,
  ledgerV2,
  mockApi,
  notFound,
  pending,
  renderForEntity,
} from '../../__testUtils__/apiPortal';
import { EntityApiPortalContent } from './EntityApiPortalContent';
import { INTERNAL_RECORD_TITLE } from './PortalErrorPanel';

function Location() {
  return <span data-testid="location">{useLocation().pathname}</span>;
}

describe('EntityApiPortalContent', () => {
  it('shows progress until the family is read', async () => {
    renderForEntity(
      <EntityApiPortalContent />,
      mockApi({ getFamily: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('explains how an API gets into the portal and offers a refresh', async () => {
    const api = mockApi({
      getFamily: jest.fn(async () => Promise.reject(notFound())),
    });
    renderForEntity(<EntityApiPortalContent />, api);
    expect(
      await screen.findByText('This API is not in the portal yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/readiness\.dev\/api-family/)).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    // The family is read again once the refresh is done.
    await waitFor(() => expect(api.getFamily).toHaveBeenCalledTimes(2));
    expect(api.refreshEntity).toHaveBeenCalledWith({
      kind: 'api',
      namespace: 'default',
      name: 'ledger-api-v2',
    });
  });

  it('reports a refused refresh and keeps the button usable', async () => {
    const errorApi = mockApis.error.mock();
    const api = mockApi({
      getFamily: jest.fn(async () => Promise.reject(notFound())),
      refreshEntity: jest.fn(async () => Promise.reject(forbidden())),
    });
    renderForEntity(<EntityApiPortalContent />, api, {
      extraApis: [[errorApiRef, errorApi]],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(errorApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ statusCode: 403 }),
      ),
    );
    // The family is read again, and the button can be pressed again.
    await waitFor(() => expect(api.getFamily).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.refreshEntity).toHaveBeenCalledTimes(2));
  });

  it('offers Refresh to callers who may refresh this entity', async () => {
    renderForEntity(<EntityApiPortalContent />, mockApi(), {
      permission: request =>
        request.permission.name === 'api-portal.entity.refresh' &&
        'resourceRef' in request &&
        request.resourceRef === 'api:default/ledger-api-v2'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    });
    expect(
      await screen.findByRole('button', { name: 'Refresh' }),
    ).toBeInTheDocument();
  });

  it('hides Refresh from callers who may not refresh', async () => {
    renderForEntity(<EntityApiPortalContent />, mockApi(), {
      permission: AuthorizeResult.DENY,
    });
    expect(await screen.findByText('ledger-api')).toBeInTheDocument();
    expect(await screen.findByText('/accounts')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
  });

  it('does not offer a refresh of an API not collected yet to callers who may not refresh', async () => {
    renderForEntity(
      <EntityApiPortalContent />,
      mockApi({ getFamily: jest.fn(async () => Promise.reject(notFound())) }),
      { permission: AuthorizeResult.DENY },
    );
    expect(
      await screen.findByText('This API is not in the portal yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/readiness\.dev\/api-family/),
    ).not.toHaveTextContent('Refresh');
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
  });

  it('opens the API Portal tab of the version picked', async () => {
    renderForEntity(
      <>
        <EntityApiPortalContent />
        <Location />
      </>,
      mockApi(),
    );
    fireEvent.mouseDown(await screen.findByRole('button', { name: 'Version' }));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('1.4.0'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/catalog/default/api/ledger-api-v1/api-portal',
      ),
    );
  });

  it('says the record is internal on 403', async () => {
    renderForEntity(
      <EntityApiPortalContent />,
      mockApi({ getFamily: jest.fn(async () => Promise.reject(forbidden())) }),
    );
    expect(await screen.findByText(INTERNAL_RECORD_TITLE)).toBeInTheDocument();
  });

  it('shows version, reference, lint, SDKs, changelog and feeds', async () => {
    const api = mockApi({
      getRevisionLint: jest.fn(async () => ledgerLint),
      listEntitySdks: jest.fn(async () => ledgerSdks),
      getFamilyChangelog: jest.fn(async () => ({ items: [breakingEntry] })),
    });
    renderForEntity(<EntityApiPortalContent />, api);
    expect(await screen.findByText('ledger-api')).toBeInTheDocument();
    expect(await screen.findByText('/accounts')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in the Definition tab' }),
    ).toHaveAttribute('href', '/catalog/default/api/ledger-api-v2/definition');
    expect(
      await screen.findByTestId('lint-rule-no-server-example.com'),
    ).toBeInTheDocument();
    expect(await screen.findByText('TypeScript')).toBeInTheDocument();
    expect(await screen.findByText('Breaking')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^RSS/ })).toHaveAttribute(
      'href',
      'http://localhost:7007/api/api-portal/v1/feeds/families/ledger-api.rss',
    );
    expect(api.getFamily).toHaveBeenCalledWith('ledger-api');
    expect(api.getRevisionLint).toHaveBeenCalledWith('r2');
  });

  it('offers the family’s other versions', async () => {
    renderForEntity(<EntityApiPortalContent />, mockApi());
    const picker = await screen.findByRole('button', { name: 'Version' });
    fireEvent.mouseDown(picker);
    const options = within(await screen.findByRole('listbox'));
    expect(options.getByText('2.0.0 (latest)')).toBeInTheDocument();
    expect(options.getByText('1.4.0')).toBeInTheDocument();
  });

  it('says what to set when the entity has no definition', async () => {
    renderForEntity(<EntityApiPortalContent />, mockApi(), {
      entity: {
        ...ledgerV2,
        spec: { ...ledgerV2.spec, definition: undefined },
      },
    });
    expect(
      await screen.findByText('This entity has no definition'),
    ).toBeInTheDocument();
  });
});
