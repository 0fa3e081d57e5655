import { screen, within } from '@testing-library/react';
import {
  forbidden,
  ledgerBackups,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/reliability';
import { BackupVerificationCard } from './BackupVerificationCard';

describe('BackupVerificationCard', () => {
  it('shows progress while the backups load', async () => {
    renderForEntity(
      <BackupVerificationCard />,
      mockApi({ getEntityBackups: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says how a job pushes verifications when there is none', async () => {
    renderForEntity(<BackupVerificationCard />, mockApi());
    expect(
      await screen.findByText('No backup verifications yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /POST \/api\/reliability\/v1\/backups and a service token .*naming component:default\/ledger/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How to push verifications' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/reliability/dr-evidence/#pushing-a-backup-verification',
    );
  });

  it('says the record is internal on a refusal', async () => {
    renderForEntity(
      <BackupVerificationCard />,
      mockApi({
        getEntityBackups: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
  });

  it('shows why the backups could not be read', async () => {
    renderForEntity(
      <BackupVerificationCard />,
      mockApi({
        getEntityBackups: jest.fn(async () => {
          throw new Error('backups are unreadable');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/backups are unreadable/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows the state of each kind of backup', async () => {
    renderForEntity(
      <BackupVerificationCard />,
      mockApi({ getEntityBackups: jest.fn(async () => ledgerBackups) }),
    );
    const table = await screen.findByRole('table', {
      name: 'Backup verification',
    });
    expect(
      screen.getByText(/older than 26 hours are stale/),
    ).toBeInTheDocument();

    const base = within(table).getByRole('row', { name: /base-backup/ });
    // the status and the checksum
    expect(within(base).getAllByText('verified')).toHaveLength(2);
    expect(within(base).getByText('1.5 GiB')).toBeInTheDocument();
    expect(
      within(base).getByText('s3://backups/filing-db/base/2026-11-27'),
    ).toBeInTheDocument();
    expect(within(base).getByText('succeeded in 9 min')).toBeInTheDocument();
    expect(
      within(base).getByRole('link', { name: /^evidence/ }),
    ).toHaveAttribute('href', 'https://ci.example.com/jobs/1');

    const wal = within(table).getByRole('row', { name: /wal-archive/ });
    expect(within(wal).getByText('failed')).toBeInTheDocument();
    expect(within(wal).getByText('mismatch')).toBeInTheDocument();
    expect(within(wal).getByText('not tested')).toBeInTheDocument();
    expect(within(wal).getByText('16.0 MiB')).toBeInTheDocument();
    expect(within(wal).getByText('never')).toBeInTheDocument();

    const objects = within(table).getByRole('row', { name: /object-version/ });
    expect(within(objects).getByText('stale')).toBeInTheDocument();
    expect(within(objects).getByText('512 B')).toBeInTheDocument();
    expect(within(objects).getAllByText('failed')).toHaveLength(1);
  });
});
