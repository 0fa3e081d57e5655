import { fireEvent, screen, within } from '@testing-library/react';
import {
  breakingEntry,
  forbidden,
  mockApi,
  renderForEntity,
} from '../../__testUtils__/apiPortal';
import { ChangelogCard } from './ChangelogCard';
import { INTERNAL_RECORD_TITLE } from './PortalErrorPanel';

describe('ChangelogCard', () => {
  it('says when entries appear while there are none', async () => {
    renderForEntity(<ChangelogCard family="ledger-api" />, mockApi());
    expect(
      await screen.findByText('No changes recorded yet'),
    ).toBeInTheDocument();
  });

  it('shows entries with a breaking badge and their changes on expand', async () => {
    const api = mockApi({
      getFamilyChangelog: jest.fn(async () => ({ items: [breakingEntry] })),
    });
    renderForEntity(<ChangelogCard family="ledger-api" />, api);
    const entry = await screen.findByTestId('changelog-c1');
    expect(within(entry).getByText('1.4.0 → 2.0.0')).toBeInTheDocument();
    expect(within(entry).getByText('Breaking')).toBeInTheDocument();
    fireEvent.click(within(entry).getByText('1 breaking change, 1 other'));
    expect(
      await within(entry).findByText('DELETE /accounts/{id} was removed'),
    ).toBeVisible();
    expect(
      within(entry).getByText(
        'operation-removed · was #/paths/~1accounts~1{id}/delete',
      ),
    ).toBeInTheDocument();
    expect(api.getFamilyChangelog).toHaveBeenCalledWith('ledger-api', {
      limit: 50,
    });
  });

  it('says the record is internal on 403', async () => {
    renderForEntity(
      <ChangelogCard family="ledger-api" />,
      mockApi({
        getFamilyChangelog: jest.fn(async () => Promise.reject(forbidden())),
      }),
    );
    expect(await screen.findByText(INTERNAL_RECORD_TITLE)).toBeInTheDocument();
  });
});
