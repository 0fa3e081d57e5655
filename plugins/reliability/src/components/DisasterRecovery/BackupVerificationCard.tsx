import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  BackupKindStatus,
  BackupVerification,
  isSampleKey,
} from '@readiness/plugin-reliability-common';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  formatBytes,
  plural,
  entityRefOf as refOf,
  SampleDataChip,
  SampleDataTitle,
  useEntityName,
} from '@readiness/portal-react';
import { reliabilityApiRef } from '../../api';
import { DOCS } from '../docs';
import { formatDateTime, formatSeconds } from '../format';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { StatusChip, StatusTone } from '../StatusChip';
import { RecordTable, TextCell } from '../RecordTable';

const useStyles = makeStyles({
  head: { whiteSpace: 'nowrap' },
  artifact: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    wordBreak: 'break-all',
  },
});

const BACKUP_TONE: Record<BackupKindStatus['status'], StatusTone> = {
  verified: 'ok',
  failed: 'error',
  stale: 'warning',
};

function Checksum(props: { verified: boolean }) {
  return props.verified ? (
    <StatusChip tone="ok" label="verified" />
  ) : (
    <StatusChip tone="error" label="mismatch" />
  );
}

function TestRestore(props: { latest: BackupVerification }) {
  const { latest } = props;
  if (!latest.restoreTested) {
    return <StatusChip tone="neutral" label="not tested" />;
  }
  const took =
    latest.restoreSeconds === undefined
      ? ''
      : ` in ${formatSeconds(latest.restoreSeconds)}`;
  return latest.restoreSucceeded ? (
    <StatusChip tone="ok" label={`succeeded${took}`} />
  ) : (
    <StatusChip tone="error" label="failed" />
  );
}

/**
 * Whether each kind of backup of the entity (base backup, WAL archive,
 * object versions) was checked: checksum, test restore and age.
 */
export function BackupVerificationCard() {
  const classes = useStyles();
  const entity = useEntityName();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityBackups(entity),
    [api, entity],
  );
  const title = 'Backup verification';

  if (loading) {
    return (
      <InfoCard title={title} variant="gridItem">
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={title} variant="gridItem">
        <RecordErrorPanel
          error={error ?? new Error('No backups were returned')}
          what="backup record"
        />
      </InfoCard>
    );
  }
  if (value.kinds.length === 0) {
    return (
      <InfoCard title={title} variant="gridItem">
        <EmptyState
          missing="data"
          title="No backup verifications yet"
          description={`Have the backup-verify job push what it checked with POST /api/reliability/v1/backups and a service token (PORTAL_DR_PUBLISH_TOKEN in production), naming ${refOf(
            entity,
          )} as entityRef: the artifact, its kind (base-backup, wal-archive, object-version), size, when it was taken, whether the checksum held and whether a test restore worked.`}
          action={<Link to={DOCS.backups}>How to push verifications</Link>}
        />
      </InfoCard>
    );
  }
  const samples = value.kinds.filter(k => isSampleKey(k.latest.idempotencyKey));
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={samples.length > 0}
          what={
            samples.length === value.kinds.length
              ? 'These verifications are'
              : 'Verifications marked so are'
          }
        />
      }
      subheader={`The newest verification of each kind decides; backups older than ${plural(
        value.maxAgeHours,
        'hour',
      )} are stale`}
      variant="gridItem"
      noPadding
    >
      <RecordTable aria-label="Backup verification">
        <TableHead className={classes.head}>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Latest artifact</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell>Taken</TableCell>
            <TableCell>Checksum</TableCell>
            <TableCell>Test restore</TableCell>
            <TableCell>Last good test restore</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.kinds.map(kind => (
            <TableRow key={kind.kind}>
              <TableCell>
                {kind.kind}
                {isSampleKey(kind.latest.idempotencyKey) &&
                  samples.length < value.kinds.length && (
                    <Typography variant="caption" display="block">
                      <SampleDataChip what="This verification is" />
                    </Typography>
                  )}
              </TableCell>
              <TableCell>
                <StatusChip
                  tone={BACKUP_TONE[kind.status]}
                  label={kind.status}
                />
              </TableCell>
              <TextCell>
                <Typography variant="body2" className={classes.artifact}>
                  {kind.latest.artifact}
                </Typography>
                {kind.latest.evidence?.map(url => (
                  <Link key={url} to={url}>
                    <Typography variant="caption" display="block">
                      evidence
                    </Typography>
                  </Link>
                ))}
              </TextCell>
              <TableCell align="right">
                {formatBytes(kind.latest.sizeBytes)}
              </TableCell>
              <TableCell>{formatDateTime(kind.latest.takenAt)}</TableCell>
              <TableCell>
                <Checksum verified={kind.latest.checksumVerified} />
              </TableCell>
              <TableCell>
                <TestRestore latest={kind.latest} />
              </TableCell>
              <TableCell>
                {kind.lastRestoreTested
                  ? formatDateTime(kind.lastRestoreTested)
                  : 'never'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </RecordTable>
    </InfoCard>
  );
}
