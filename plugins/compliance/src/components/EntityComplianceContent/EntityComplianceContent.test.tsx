import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EvidenceItem, NewEvidence } from '@readiness/plugin-compliance-common';
import {
  emptyRecord,
  forbidden,
  ledgerEvidence,
  ledgerRecord,
  mockApi,
  pending,
  refused,
  renderForEntity,
} from '../../__testUtils__/compliance';
import { EntityComplianceContent } from './EntityComplianceContent';

const SOC2 = 'SOC 2 Trust Services Criteria controls';
const ISO = 'ISO/IEC 27001:2022 Annex A controls';

function ledgerApi(overrides: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    getEntityControls: jest.fn(async () => ledgerRecord),
    listEntityEvidence: jest.fn(async () => ({ items: ledgerEvidence })),
    ...overrides,
  });
}

function row(table: string, control: string): HTMLElement {
  return within(screen.getByRole('table', { name: table }))
    .getByText(control)
    .closest('tr')!;
}

/** Only this permission is granted. */
function only(name: string) {
  return (request: { permission: { name: string } }) =>
    request.permission.name === name
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
}

const filed: EvidenceItem = {
  ...ledgerEvidence[0],
  id: 'e-new',
  title: 'Access review Q4',
};

async function openFilingForm() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'File evidence' }),
  );
  return screen.findByRole('dialog', { name: 'File evidence' });
}

describe('EntityComplianceContent', () => {
  it('shows progress while the record loads', async () => {
    renderForEntity(
      <EntityComplianceContent />,
      mockApi({ getEntityControls: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('groups the controls by framework with their state', async () => {
    renderForEntity(<EntityComplianceContent />, ledgerApi());
    await screen.findByRole('table', { name: SOC2 });
    expect(row(SOC2, 'SOC2:CC8.1')).toHaveTextContent('fresh');
    expect(row(SOC2, 'SOC2:CC8.1')).toHaveTextContent(
      'Change review of release 2026.12.1',
    );
    expect(row(SOC2, 'SOC2:PI1.1')).toHaveTextContent(
      'failingNot satisfied: Ledger reconciliation November',
    );
    expect(row(SOC2, 'SOC2:A1.2')).toHaveTextContent('expiring');
    expect(row(SOC2, 'SOC2:A1.2')).toHaveTextContent(
      'filed for ISO27001:8.13, counts through soc2-iso27001',
    );
    expect(row(SOC2, 'SOC2:CC7.2')).toHaveTextContent('missingNo evidence yet');
    expect(row(ISO, 'ISO27001:8.13')).toHaveTextContent('expired');
    expect(row(ISO, 'ISO27001:8.30')).toHaveTextContent(
      'not applicableNo development is outsourced',
    );
    expect(screen.getByText('2 of 4 covered (50 %)')).toBeInTheDocument();
  });

  it('filters the controls by state', async () => {
    renderForEntity(<EntityComplianceContent />, ledgerApi());
    await screen.findByRole('table', { name: SOC2 });
    const filters = screen.getByRole('group', { name: 'Filter by state' });
    await userEvent.click(
      within(filters).getByRole('button', { name: 'failing 1' }),
    );
    expect(
      within(filters).getByRole('button', { name: 'failing 1' }),
    ).toHaveAttribute('aria-pressed', 'true');
    const soc2 = screen.getByRole('table', { name: SOC2 });
    expect(within(soc2).getByText('SOC2:PI1.1')).toBeInTheDocument();
    expect(within(soc2).queryByText('SOC2:CC8.1')).toBeNull();
    expect(screen.queryByRole('table', { name: ISO })).toBeNull();

    await userEvent.click(
      within(filters).getByRole('button', { name: 'not applicable 1' }),
    );
    expect(screen.queryByRole('table', { name: SOC2 })).toBeNull();
    expect(row(ISO, 'ISO27001:8.30')).toBeInTheDocument();

    await userEvent.click(
      within(filters).getByRole('button', { name: 'All 6' }),
    );
    expect(screen.getByRole('table', { name: SOC2 })).toBeInTheDocument();
  });

  it('opens a control onto its evidence timeline, withdrawn items struck with their reason', async () => {
    renderForEntity(<EntityComplianceContent />, ledgerApi());
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the evidence of SOC2:CC8.1',
      }),
    );
    const timeline = await screen.findByRole('list', {
      name: 'Evidence of SOC2:CC8.1',
    });
    const entries = within(timeline).getAllByRole('listitem');
    expect(entries.map(e => e.getAttribute('aria-label'))).toEqual([
      'Change review of release 2026.12.1',
      'Change review of the wrong release (withdrawn)',
    ]);
    expect(entries[0]).toHaveTextContent('satisfied');
    expect(entries[0]).toHaveTextContent('filed by hand');
    expect(entries[0]).toHaveTextContent('filed by user:default/guest');
    expect(entries[0]).toHaveTextContent(/Collected .* · expires /);
    expect(
      within(entries[0]).getByRole('link', { name: /ci\.example\.com/ }),
    ).toHaveAttribute('href', 'https://ci.example.com/runs/42');
    expect(
      within(entries[1]).getByText('Change review of the wrong release'),
    ).toHaveStyle({ textDecoration: 'line-through' });
    expect(entries[1]).toHaveTextContent(
      'by user:default/guest: Filed for the billing release by mistake',
    );
    // the withdrawn item offers no second withdrawal
    expect(
      within(entries[1]).queryByRole('button', { name: /^Withdraw/ }),
    ).toBeNull();
    expect(
      within(entries[0]).getByRole('button', {
        name: 'Withdraw Change review of release 2026.12.1',
      }),
    ).toBeInTheDocument();
  });

  it('shows the item a control counts through a mapping in its timeline', async () => {
    renderForEntity(<EntityComplianceContent />, ledgerApi());
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the evidence of SOC2:A1.2',
      }),
    );
    const timeline = await screen.findByRole('list', {
      name: 'Evidence of SOC2:A1.2',
    });
    expect(timeline).toHaveTextContent('Restore test of filing-db');
    expect(timeline).toHaveTextContent('backup verification');
  });

  it('offers neither filing nor withdrawal without the permissions', async () => {
    renderForEntity(<EntityComplianceContent />, ledgerApi(), {
      permission: only('compliance.entity.read'),
    });
    await screen.findByRole('table', { name: SOC2 });
    await userEvent.click(
      screen.getByRole('button', { name: 'Show the evidence of SOC2:CC8.1' }),
    );
    await screen.findByRole('list', { name: 'Evidence of SOC2:CC8.1' });
    expect(screen.queryByRole('button', { name: /File evidence/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Withdraw/ })).toBeNull();
  });

  it('offers filing without withdrawal to a reader who may only file', async () => {
    renderForEntity(<EntityComplianceContent />, ledgerApi(), {
      permission: only('compliance.evidence.file'),
    });
    expect(
      await screen.findByRole('button', { name: 'File evidence' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Withdraw/ })).toBeNull();
  });

  it('checks the form before sending anything', async () => {
    const api = ledgerApi();
    renderForEntity(<EntityComplianceContent />, api);
    const form = await openFilingForm();
    await userEvent.click(
      within(form).getByRole('button', { name: 'File evidence' }),
    );
    expect(form).toHaveTextContent(
      'Choose at least one control the evidence is for',
    );
    expect(form).toHaveTextContent('Required');

    await userEvent.type(
      within(form).getByRole('textbox', { name: /Link/ }),
      'ftp://files.example.com/review.pdf',
    );
    fireEvent.change(within(form).getByLabelText(/Expires/), {
      target: { value: '2020-01-01T10:00' },
    });
    await userEvent.click(
      within(form).getByRole('button', { name: 'File evidence' }),
    );
    expect(form).toHaveTextContent(
      'An absolute http or https address, e.g. https://ci.example.com/runs/42',
    );
    expect(form).toHaveTextContent('Must be after the collection time');
    expect(api.fileEvidence).not.toHaveBeenCalled();
  });

  it('files evidence with a key per submission, then reads the record again', async () => {
    const api = ledgerApi({
      fileEvidence: jest.fn(async () => ({ item: filed, created: true })),
    });
    renderForEntity(<EntityComplianceContent />, api);
    const form = await openFilingForm();
    // not-applicable controls take no evidence
    expect(
      within(form).queryByRole('checkbox', { name: /ISO27001:8\.30/ }),
    ).toBeNull();
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Find a control' }),
      'monitored',
    );
    await userEvent.click(
      within(form).getByRole('checkbox', { name: /SOC2:CC7\.2/ }),
    );
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Title/ }),
      'Access review Q4',
    );
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Link/ }),
      'https://wiki.example.com/access-review',
    );
    fireEvent.change(within(form).getByLabelText(/Collected/), {
      target: { value: '2026-11-30T10:00' },
    });
    await userEvent.selectOptions(
      within(form).getByRole('combobox', { name: 'Result' }),
      'informational',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'File evidence' }),
    );

    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'File evidence' }),
      ).toBeNull(),
    );
    expect(api.fileEvidence).toHaveBeenCalledTimes(1);
    const body = api.fileEvidence.mock.calls[0][0] as NewEvidence;
    expect(body).toEqual({
      entityRef: 'component:default/ledger',
      controls: ['SOC2:CC7.2'],
      source: 'manual',
      title: 'Access review Q4',
      link: 'https://wiki.example.com/access-review',
      collectedAt: new Date(2026, 10, 30, 10, 0).toISOString(),
      result: 'informational',
      idempotencyKey: expect.stringMatching(/^portal-ui:[0-9a-f]{32}$/),
    });
    await waitFor(() => expect(api.getEntityControls).toHaveBeenCalledTimes(2));
    expect(api.listEntityEvidence).toHaveBeenCalledTimes(2);
  });

  it('shows the backend refusal next to the form, and resends the same filing under the same key', async () => {
    const api = ledgerApi({
      fileEvidence: jest
        .fn()
        .mockRejectedValueOnce(
          refused(400, 'controls/0: SOC2:CC99.9 is not a control of SOC2'),
        )
        .mockRejectedValueOnce(refused(400, 'still refused'))
        .mockRejectedValueOnce(refused(400, 'refused again')),
    });
    renderForEntity(<EntityComplianceContent />, api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the evidence of SOC2:CC8.1',
      }),
    );
    // opened from a control, the form has it ticked
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'File evidence for SOC2:CC8.1',
      }),
    );
    const form = await screen.findByRole('dialog', { name: 'File evidence' });
    expect(
      within(form).getByRole('checkbox', { name: /SOC2:CC8\.1/ }),
    ).toBeChecked();
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Title/ }),
      'Change review',
    );
    const submit = within(form).getByRole('button', { name: 'File evidence' });
    await userEvent.click(submit);
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The portal refused the filing: controls/0: SOC2:CC99.9 is not a control of SOC2',
    );
    await userEvent.click(submit);
    expect(await within(form).findByText(/still refused/)).toBeInTheDocument();
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Title/ }),
      ' of 2026.12.1',
    );
    await userEvent.click(submit);
    expect(await within(form).findByText(/refused again/)).toBeInTheDocument();

    const keys = api.fileEvidence.mock.calls.map(
      call => (call[0] as NewEvidence).idempotencyKey,
    );
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(screen.getByRole('dialog', { name: 'File evidence' })).toBeVisible();
  });

  it('withdraws an item with a reason', async () => {
    const api = ledgerApi({
      withdrawEvidence: jest
        .fn()
        .mockRejectedValueOnce(refused(404, 'No evidence e-review'))
        .mockResolvedValueOnce({ item: ledgerEvidence[0], created: true }),
    });
    renderForEntity(<EntityComplianceContent />, api);
    const evidence = await screen.findByRole('list', {
      name: 'Evidence of this entity',
    });
    await userEvent.click(
      within(evidence).getByRole('button', {
        name: 'Withdraw Change review of release 2026.12.1',
      }),
    );
    const form = await screen.findByRole('dialog', {
      name: 'Withdraw evidence',
    });
    const reason = within(form).getByRole('textbox', { name: /Reason/ });
    await userEvent.type(reason, 'wrong');
    const withdraw = within(form).getByRole('button', { name: 'Withdraw' });
    await userEvent.click(withdraw);
    expect(form).toHaveTextContent('10 characters at least');
    expect(api.withdrawEvidence).not.toHaveBeenCalled();

    await userEvent.type(reason, ' release: it reviewed 2026.11.4');
    await userEvent.click(withdraw);
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The portal refused the withdrawal: No evidence e-review',
    );
    await userEvent.click(withdraw);
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Withdraw evidence' }),
      ).toBeNull(),
    );
    expect(api.withdrawEvidence).toHaveBeenLastCalledWith('e-review', {
      reason: 'wrong release: it reviewed 2026.11.4',
    });
    await waitFor(() => expect(api.getEntityControls).toHaveBeenCalledTimes(2));
  });

  it('reads older evidence with the cursor of the page before', async () => {
    const older: EvidenceItem = {
      ...ledgerEvidence[0],
      id: 'e-older',
      title: 'Change review of release 2026.10.1',
      collectedAt: '2026-10-01T08:00:00.000Z',
    };
    const api = ledgerApi({
      listEntityEvidence: jest.fn(async (_entity, query) =>
        query?.cursor === 'page-2'
          ? { items: [older] }
          : { items: ledgerEvidence, nextCursor: 'page-2' },
      ),
    });
    renderForEntity(<EntityComplianceContent />, api);
    const evidence = await screen.findByRole('list', {
      name: 'Evidence of this entity',
    });
    expect(within(evidence).getAllByRole('listitem')).toHaveLength(4);
    const card = evidence.closest('.MuiCard-root') as HTMLElement;
    await userEvent.click(
      within(card).getByRole('button', { name: 'Load older evidence' }),
    );
    await waitFor(() =>
      expect(within(evidence).getAllByRole('listitem')).toHaveLength(5),
    );
    expect(within(evidence).getAllByRole('listitem')[4]).toHaveAttribute(
      'aria-label',
      'Change review of release 2026.10.1',
    );
    expect(api.listEntityEvidence).toHaveBeenLastCalledWith(
      { kind: 'component', namespace: 'default', name: 'ledger' },
      { cursor: 'page-2', limit: 50 },
    );
    expect(
      within(card).queryByRole('button', { name: 'Load older evidence' }),
    ).toBeNull();
  });

  it('says how to scope an entity no control applies to', async () => {
    renderForEntity(
      <EntityComplianceContent />,
      mockApi({ getEntityControls: jest.fn(async () => emptyRecord) }),
    );
    expect(
      await screen.findByText('No controls apply to this entity'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No evidence filed for this entity yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'File evidence' })).toBeNull();
  });

  it('shows the problems of how the entity declares its scope', async () => {
    renderForEntity(
      <EntityComplianceContent />,
      ledgerApi({
        getEntityControls: jest.fn(async () => ({
          ...ledgerRecord,
          problems: [
            {
              entityRef: 'component:default/ledger',
              path: '/metadata/annotations/readiness.dev~1compliance-not-applicable',
              message:
                'ISO27001:8.13: a justification of ten characters at least',
            },
          ],
        })),
      }),
    );
    expect(
      await screen.findByText(
        'Warning: 1 problem in how this entity declares its scope',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/a justification of ten characters at least/),
    ).toBeInTheDocument();
  });

  it('says the record is internal when it is refused', async () => {
    renderForEntity(
      <EntityComplianceContent />,
      mockApi({
        getEntityControls: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This compliance record is internal'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'File evidence' })).toBeNull();
  });

  it('shows the error when the record cannot be read', async () => {
    renderForEntity(
      <EntityComplianceContent />,
      mockApi({
        getEntityControls: jest.fn(async () => {
          throw new Error('Service Unavailable');
        }),
      }),
    );
    expect(
      await screen.findByText('Error: Service Unavailable'),
    ).toBeInTheDocument();
  });
});
