import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ComplianceMatrixGroup,
  MatrixGrouping,
} from '@readiness/plugin-compliance-common';
import { plural } from '@readiness/portal-react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../../api';
import { formatDateTime } from '../format';
import { MatrixErrorPanel } from './MatrixErrorPanel';
import { STATE_LABEL, STATE_MEANING, useStateTagClass } from '../states';
import { groupTitle, percent, shortId } from './matrixView';

const useStyles = makeStyles((theme: Theme) => ({
  title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  grow: { flex: 1 },
  scroller: { overflow: 'auto', maxHeight: '65vh' },
  table: { borderCollapse: 'separate', borderSpacing: 0 },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    background: theme.palette.background.paper,
    borderBottom: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 1),
    fontSize: '0.75rem',
    whiteSpace: 'nowrap',
    textAlign: 'left',
  },
  entity: {
    position: 'sticky',
    left: 0,
    background: theme.palette.background.paper,
    borderRight: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 1),
    whiteSpace: 'nowrap',
    textAlign: 'left',
    fontWeight: 'normal',
  },
  corner: { left: 0, zIndex: 2 },
  facts: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: '0.75rem',
  },
  state: {
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  outOfScope: { color: theme.palette.text.disabled },
}));

/** The Compliance tab of the entity an entity ref names. */
function complianceTabOf(
  entityRoute: (params: {
    kind: string;
    namespace: string;
    name: string;
  }) => string,
  entityRef: string,
): string {
  const ref = parseEntityRef(entityRef);
  return `${entityRoute({
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace,
    name: ref.name,
  })}/compliance`;
}

function GroupEntities(props: { group: ComplianceMatrixGroup }) {
  const { group } = props;
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);
  // thousands of cells: plain elements with the state's classes
  const tagClass = useStateTagClass();
  if (group.entities.length === 0) {
    return (
      <Typography>
        None of your entities in this row has a control of the framework in
        scope any more.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {plural(group.entities.length, 'entity', 'entities')} · as of{' '}
        {formatDateTime(group.asOf)} · catalog read{' '}
        {formatDateTime(group.catalogAsOf)}
      </Typography>
      <div className={classes.scroller}>
        <table className={classes.table} aria-label="Entities of the row">
          <thead>
            <tr>
              <th scope="col" className={`${classes.head} ${classes.corner}`}>
                Entity
              </th>
              {group.controls.map(control => (
                <th
                  key={control.control}
                  scope="col"
                  className={classes.head}
                  title={`${control.control} ${control.title}`}
                >
                  {shortId(control.control)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.entities.map(entity => (
              <tr key={entity.entityRef}>
                <th scope="row" className={classes.entity}>
                  <Link to={complianceTabOf(entityRoute, entity.entityRef)}>
                    {entity.title}
                  </Link>
                  <span className={classes.facts}>
                    {entity.kind} · {percent(entity)} covered
                  </span>
                </th>
                {group.controls.map(control => {
                  const state = entity.states[control.control];
                  return (
                    <td key={control.control} className={classes.state}>
                      {state ? (
                        <span
                          className={tagClass(state)}
                          title={STATE_MEANING[state]}
                        >
                          {STATE_LABEL[state]}
                        </span>
                      ) : (
                        <span
                          className={classes.outOfScope}
                          title="Not in this entity's scope"
                        >
                          –
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The drill-down of one row: its entities × the controls, with their states. */
export function MatrixDrillDown(props: {
  framework: string;
  frameworkTitle: string;
  groupBy: MatrixGrouping;
  group: { group: string; title: string };
  onClose: () => void;
}) {
  const { framework, groupBy, group, onClose } = props;
  const classes = useStyles();
  const api = useApi(complianceApiRef);
  const answer = useAsync(
    () => api.getMatrixGroup({ framework, groupBy, group: group.group }),
    [api, framework, groupBy, group.group],
  );
  const title = groupTitle(group, groupBy);
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="xl"
      aria-labelledby="compliance-matrix-row-title"
    >
      <DialogTitle id="compliance-matrix-row-title" disableTypography>
        <div className={classes.title}>
          <Typography variant="h6" className={classes.grow}>
            {title} · {props.frameworkTitle}
          </Typography>
          <IconButton aria-label="Close" onClick={onClose} size="small">
            <CloseIcon />
          </IconButton>
        </div>
      </DialogTitle>
      <DialogContent>
        {answer.loading && <Progress />}
        {answer.error && <MatrixErrorPanel error={answer.error} />}
        {answer.value && <GroupEntities group={answer.value} />}
      </DialogContent>
    </Dialog>
  );
}
