import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fetchApiRef } from '@backstage/core-plugin-api';
import { formatBytes } from '@readiness/portal-react';
import {
  forbidden,
  LEDGER_V2,
  ledgerSdks,
  mockApi,
  renderForEntity,
} from '../../__testUtils__/apiPortal';
import { INTERNAL_RECORD_TITLE } from './PortalErrorPanel';
import { SdkCard } from './SdkCard';

describe('formatBytes', () => {
  it('reads as people read sizes', () => {
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(20480)).toBe('20.0 KiB');
  });
});

describe('SdkCard', () => {
  it('says how SDKs appear while there are none', async () => {
    renderForEntity(<SdkCard entity={LEDGER_V2} />, mockApi());
    expect(
      await screen.findByText('No SDKs for this API yet'),
    ).toBeInTheDocument();
  });

  it('lists SDKs with version, size, status, install and downloads', async () => {
    renderForEntity(
      <SdkCard entity={LEDGER_V2} />,
      mockApi({ listEntitySdks: jest.fn(async () => ledgerSdks) }),
    );
    expect(await screen.findByText('TypeScript')).toBeInTheDocument();
    expect(screen.getAllByText('2.0.0')).toHaveLength(2);
    expect(screen.getByText('20.0 KiB')).toBeInTheDocument();
    expect(screen.getByText('ready')).toBeInTheDocument();
    expect(screen.getByText('building')).toBeInTheDocument();
    expect(screen.getByText('7')).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'npm install ./ledger-api-2.0.0-typescript.tar.gz',
    );
    expect(document.body).toHaveTextContent(
      "import * as api from 'ledger-api';",
    );
    expect(
      screen.getByRole('button', { name: 'Download Python SDK' }),
    ).toBeDisabled();
  });

  it("labels a partner's count as their organisation's downloads", async () => {
    const partnerSdks = {
      ...ledgerSdks,
      sdks: ledgerSdks.sdks.map((sdk, i) => ({
        ...sdk,
        downloads: { scope: 'organisation' as const, total: i === 0 ? 5 : 0 },
      })),
    };
    renderForEntity(
      <SdkCard entity={LEDGER_V2} />,
      mockApi({ listEntitySdks: jest.fn(async () => partnerSdks) }),
    );
    expect(
      await screen.findByRole('columnheader', {
        name: "Your organisation's downloads",
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'Downloads' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('5')).toBeInTheDocument();
  });

  it('labels every download for internal users', async () => {
    renderForEntity(
      <SdkCard entity={LEDGER_V2} />,
      mockApi({ listEntitySdks: jest.fn(async () => ledgerSdks) }),
    );
    expect(
      await screen.findByRole('columnheader', { name: 'Downloads' }),
    ).toBeInTheDocument();
  });

  it('downloads through fetchApi, so the request carries the token', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(new Blob([new Uint8Array([0x1f, 0x8b])]), { status: 200 }),
    );
    const createObjectURL = jest.fn(() => 'blob:sdk');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const api = mockApi({ listEntitySdks: jest.fn(async () => ledgerSdks) });
    renderForEntity(<SdkCard entity={LEDGER_V2} />, api, {
      extraApis: [[fetchApiRef, { fetch }]],
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Download TypeScript SDK' }),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/api-portal/v1/entities/api/default/ledger-api-v2/sdks/typescript/download',
    );
    // The count is read again after a download.
    await waitFor(() => expect(api.listEntitySdks).toHaveBeenCalledTimes(2));
  });

  it('says the record is internal on 403', async () => {
    renderForEntity(
      <SdkCard entity={LEDGER_V2} />,
      mockApi({
        listEntitySdks: jest.fn(async () => Promise.reject(forbidden())),
      }),
    );
    expect(await screen.findByText(INTERNAL_RECORD_TITLE)).toBeInTheDocument();
  });
});
