import { useState } from 'react';
import {
  Content,
  EmptyState,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GdprRegisterEntry } from '@readiness/plugin-compliance-common';
import { plural, RecordErrorPanel } from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../../api';
import { formatDateTime } from '../format';
import { GDPR_DOCS, LAWFUL_BASIS_LABEL } from '../gdprFormat';

// Names stay on one line; the long texts of the other columns wrap
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function RegisterRow(props: { entry: GdprRegisterEntry }) {
  const { entry } = props;
  const { record } = entry;
  const bases = [
    ...new Set(
      record?.activities.map(a => LAWFUL_BASIS_LABEL[a.lawfulBasis]) ?? [],
    ),
  ];
  const special = record?.activities.some(a =>
    a.categories.some(c => c.special),
  );
  return (
    <TableRow>
      <TableCell style={NO_WRAP}>
        <EntityRefLink entityRef={entry.entityRef} title={entry.title} />
      </TableCell>
      <TableCell style={NO_WRAP}>
        {entry.owner && <EntityRefLink entityRef={entry.owner} />}
      </TableCell>
      <TableCell>{record?.role ?? ''}</TableCell>
      <TableCell>
        {record ? record.activities.map(a => a.id).join(', ') : ''}
      </TableCell>
      <TableCell>{bases.join('; ')}</TableCell>
      <TableCell>{special ? 'yes' : ''}</TableCell>
      <TableCell>
        {record
          ? [...record.processors, ...record.recipients]
              .map(p => p.name)
              .join('; ')
          : ''}
      </TableCell>
      <TableCell>
        {entry.findings.length === 0 && entry.problems.length === 0 ? (
          'none'
        ) : (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {entry.problems.length > 0 && (
              <li>
                <Typography color="error" variant="body2">
                  {plural(entry.problems.length, 'problem')} in {entry.file}
                </Typography>
              </li>
            )}
            {entry.findings.map((f, i) => (
              <li key={i}>
                <Typography variant="body2">{f.message}</Typography>
              </li>
            ))}
          </ul>
        )}
      </TableCell>
    </TableRow>
  );
}

/** Saves text as a file through the browser. */
function saveFile(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  URL.revokeObjectURL(url);
}

/**
 * The register of processing activities (GDPR Art. 30) of the caller's
 * entities, with each record's findings and a CSV download.
 */
export function GdprRegisterContent() {
  const api = useApi(complianceApiRef);
  const answer = useAsync(() => api.getGdprRegister(), [api]);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<Error>();

  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      saveFile(
        'gdpr-register.csv',
        await api.getGdprRegisterCsv(),
        'text/csv;charset=utf-8',
      );
    } catch (error) {
      setDownloadError(error as Error);
    } finally {
      setDownloading(false);
    }
  };

  const register = answer.value;
  return (
    <Content>
      {answer.loading && <Progress />}
      {answer.error && (
        <RecordErrorPanel
          error={answer.error}
          internalTitle="The GDPR register is internal"
          internalDescription="The register of processing activities is shown only to people who may read compliance records."
        />
      )}
      {register && register.entries.length === 0 && (
        <EmptyState
          missing="data"
          title="None of your entities has a record of processing"
          description="A service that processes personal data keeps its record in a YAML file beside its catalog file, named by the annotation readiness.dev/gdpr. Records appear here within a minute of the catalog reading them."
          action={<Link to={GDPR_DOCS.attaching}>How to write a record</Link>}
        />
      )}
      {register && register.entries.length > 0 && (
        <>
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
            mb={2}
          >
            <Typography variant="body2" data-testid="gdpr-register-totals">
              {plural(register.entries.length, 'record')} ·{' '}
              {plural(
                register.entries.reduce((n, e) => n + e.findings.length, 0),
                'finding',
              )}{' '}
              · catalog read {formatDateTime(register.catalogAsOf)}
            </Typography>
            <Button
              variant="outlined"
              color="primary"
              onClick={download}
              disabled={downloading}
            >
              Download CSV
            </Button>
          </Box>
          {downloadError && (
            <RecordErrorPanel
              error={downloadError}
              internalTitle="The GDPR register is internal"
              internalDescription="The register of processing activities is exported only for people who may read compliance records."
            />
          )}
          <Table size="small" aria-label="Records of processing">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Role</TableCell>
                <TableCell>Activities</TableCell>
                <TableCell>Lawful bases</TableCell>
                <TableCell>Art. 9 data</TableCell>
                <TableCell>Processors and recipients</TableCell>
                <TableCell>Findings</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {register.entries.map(entry => (
                <RegisterRow key={entry.entityRef} entry={entry} />
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Content>
  );
}
