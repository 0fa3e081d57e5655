import { useCallback, useMemo, useState } from 'react';
import {
  Content,
  EmptyState,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ComplianceMatrix,
  FrameworkSummary,
  MatrixGrouping,
} from '@readiness/plugin-compliance-common';
import { plural } from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../../api';
import { DOCS } from '../docs';
import { formatDateTime } from '../format';
import { STATE_LABEL } from '../states';
import { MatrixDrillDown } from './MatrixDrillDown';
import { MatrixErrorPanel } from './MatrixErrorPanel';
import { MatrixTable, useToneStyles } from './MatrixTable';
import { CellTone, MatrixFilter, percent, viewOf } from './matrixView';

const useStyles = makeStyles((theme: Theme) => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  framework: { minWidth: 260 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0),
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    marginRight: theme.spacing(0.5),
    verticalAlign: 'middle',
    border: `1px solid ${theme.palette.divider}`,
  },
}));

const GROUPINGS: Array<{ value: MatrixGrouping; label: string }> = [
  { value: 'system', label: 'By system' },
  { value: 'owner', label: 'By owner' },
];

const LEGEND: Array<{ tone: CellTone; label: string }> = [
  { tone: 'failing', label: STATE_LABEL.failing },
  { tone: 'expired', label: STATE_LABEL.expired },
  { tone: 'missing', label: STATE_LABEL.missing },
  { tone: 'expiring', label: STATE_LABEL.expiring },
  { tone: 'fresh', label: STATE_LABEL.fresh },
  { tone: 'not-applicable', label: STATE_LABEL['not-applicable'] },
  { tone: 'none', label: 'not in scope' },
];

function Legend() {
  const classes = useStyles();
  const tones = useToneStyles();
  return (
    <div className={classes.legend} aria-label="Legend">
      <span>Each cell shows the worst state among the row's entities:</span>
      {LEGEND.map(({ tone, label }) => (
        <span key={tone}>
          <span className={`${classes.swatch} ${tones[tone]}`} />
          {label}
        </span>
      ))}
    </div>
  );
}

function Totals(props: { matrix: ComplianceMatrix }) {
  const { matrix } = props;
  const { totals } = matrix;
  return (
    <Typography variant="body2" data-testid="compliance-matrix-totals">
      <strong>{plural(totals.entities, 'entity', 'entities')}</strong> ·{' '}
      {plural(totals.applicable, 'applicable entity × control pair')} ·{' '}
      <strong>{percent(totals)} covered</strong> ({totals.covered} of{' '}
      {totals.applicable}) · states as of {formatDateTime(matrix.asOf)} ·
      catalog read {formatDateTime(matrix.catalogAsOf)}
    </Typography>
  );
}

function NoControlsInScope(props: { matrix: ComplianceMatrix }) {
  return (
    <EmptyState
      missing="data"
      title={`No control of ${props.matrix.title} applies to any of your entities`}
      description={`Controls come to entities through the rules of compliance/applicability.yaml: a rule selects entities by kind, type, lifecycle, system, domain, tags or annotations and names the controls that apply to them. Add a rule that names this framework's controls, and its entities appear here once the catalog is read again: it was last read ${formatDateTime(
        props.matrix.catalogAsOf,
      )}, and is read again at most once a minute.`}
      action={<Link to={DOCS.matrixScoping}>How to scope controls</Link>}
    />
  );
}

function MatrixBody(props: { matrix: ComplianceMatrix; filter: MatrixFilter }) {
  const { matrix, filter } = props;
  const [openGroup, setOpenGroup] = useState<string | undefined>(undefined);
  const view = useMemo(() => viewOf(matrix, filter), [matrix, filter]);
  const onOpenRow = useCallback(
    (row: number) => setOpenGroup(matrix.groups[row]?.group),
    [matrix],
  );
  const open = matrix.groups.find(g => g.group === openGroup);

  if (matrix.controls.length === 0) {
    return <NoControlsInScope matrix={matrix} />;
  }
  return (
    <>
      <Totals matrix={matrix} />
      <Legend />
      {view.rows.length === 0 || view.columns.length === 0 ? (
        <Typography color="textSecondary">
          {filter.gapsOnly && filter.text.trim() === ''
            ? 'No gaps: every applicable control of every row is covered.'
            : 'Nothing matches the filter.'}
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="textSecondary" component="p">
            {plural(view.rows.length, 'row')} of {matrix.groups.length} ×{' '}
            {plural(view.columns.length, 'control')} of {matrix.controls.length}
            . Open a row for its entities.
          </Typography>
          <MatrixTable matrix={matrix} view={view} onOpenRow={onOpenRow} />
        </>
      )}
      {open && (
        <MatrixDrillDown
          framework={matrix.framework}
          frameworkTitle={matrix.title}
          groupBy={matrix.groupBy}
          group={open}
          onClose={() => setOpenGroup(undefined)}
        />
      )}
    </>
  );
}

/**
 * The compliance matrix page: one framework's controls × the systems or
 * owners of the caller's entities, with filters and a drill-down per row.
 */
export function ComplianceMatrixContent() {
  const classes = useStyles();
  const api = useApi(complianceApiRef);
  // The framework and the grouping are in the address, so a view can be shared
  const [params, setParams] = useSearchParams();
  const framework = params.get('framework') || undefined;
  const groupBy: MatrixGrouping =
    params.get('groupBy') === 'owner' ? 'owner' : 'system';
  const choose = (key: 'framework' | 'groupBy', value: string) =>
    setParams(
      current => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const [text, setText] = useState('');
  const [gapsOnly, setGapsOnly] = useState(false);
  const filter = useMemo(() => ({ text, gapsOnly }), [text, gapsOnly]);

  const frameworks = useAsync(() => api.listFrameworks(), [api]);
  // Without a framework chosen, the backend answers the first one loaded
  const answer = useAsync(
    () => api.getMatrix({ framework, groupBy }),
    [api, framework, groupBy],
  );
  const matrix = answer.value;

  const options: FrameworkSummary[] =
    frameworks.value?.items ??
    (matrix
      ? [{ id: matrix.framework, title: matrix.title, controls: 0 }]
      : []);

  const selected = framework ?? matrix?.framework ?? '';

  return (
    <Content>
      <div className={classes.toolbar}>
        <TextField
          select
          id="compliance-matrix-framework"
          label="Framework"
          size="small"
          variant="outlined"
          className={classes.framework}
          value={options.some(o => o.id === selected) ? selected : ''}
          onChange={event => choose('framework', event.target.value)}
          disabled={options.length === 0}
        >
          {options.map(option => (
            <MenuItem key={option.id} value={option.id}>
              {option.title} ({option.id})
            </MenuItem>
          ))}
        </TextField>
        <ButtonGroup size="small" aria-label="Group rows">
          {GROUPINGS.map(grouping => (
            <Button
              key={grouping.value}
              aria-pressed={groupBy === grouping.value}
              variant={groupBy === grouping.value ? 'contained' : 'outlined'}
              color={groupBy === grouping.value ? 'primary' : 'default'}
              onClick={() => choose('groupBy', grouping.value)}
            >
              {grouping.label}
            </Button>
          ))}
        </ButtonGroup>
        <TextField
          id="compliance-matrix-filter"
          label={`Filter ${
            groupBy === 'system' ? 'systems' : 'owners'
          } and controls`}
          size="small"
          variant="outlined"
          value={text}
          onChange={event => setText(event.target.value)}
        />
        <FormControlLabel
          control={
            <Switch
              checked={gapsOnly}
              onChange={(_event, checked) => setGapsOnly(checked)}
              color="primary"
            />
          }
          label="Show only gaps"
        />
      </div>
      <Box minHeight={4} mb={1}>
        {answer.loading && matrix && <LinearProgress />}
      </Box>
      {answer.error && <MatrixErrorPanel error={answer.error} />}
      {!answer.error && !matrix && answer.loading && <Progress />}
      {!answer.error && matrix && (
        <MatrixBody
          key={`${matrix.framework}/${matrix.groupBy}`}
          matrix={matrix}
          filter={filter}
        />
      )}
    </Content>
  );
}
