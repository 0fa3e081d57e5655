import { Fragment, useState } from 'react';
import { InfoCard, Link } from '@backstage/core-components';
import {
  SCORECARD_CATEGORIES,
  SCORECARD_LEVELS,
  SCORECARD_TITLES,
} from '@readiness/plugin-scorecards-common';
import { ExpandRowButton, FilterChips, plural } from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { CheckResult, CheckResultStatus, ScorecardRecord } from '../../api';
import { DOCS, howToFixHref } from '../docs';
import { factsNamedIn, formatDateTime, providerOf } from '../format';
import { CheckLevelChip, CheckStatusChip } from '../levels';

const useStyles = makeStyles((theme: Theme) => ({
  filters: { marginBottom: theme.spacing(1) },
  category: { marginTop: theme.spacing(3) },
  categoryHeading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  // Fixed columns, so the tables of every category line up
  table: { tableLayout: 'fixed' },
  row: { '& > *': { borderBottom: 'unset' } },
  checkTitle: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  checkId: { fontFamily: 'monospace', color: theme.palette.text.secondary },
  blocks: {
    height: 20,
    fontSize: '0.7rem',
    borderColor: theme.palette.warning.dark,
    color: theme.palette.warning.dark,
  },
  nowrap: { whiteSpace: 'nowrap' },
  reason: {
    color: theme.palette.text.secondary,
    overflowWrap: 'anywhere',
  },
  expanded: {
    padding: theme.spacing(1, 2, 2, 7),
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1.5),
  },
  facts: { margin: 0, paddingLeft: theme.spacing(2.5) },
  factId: { fontFamily: 'monospace' },
}));

/** The outcomes in the order that needs attention first. */
const STATUS_ORDER: CheckResultStatus[] = ['fail', 'unknown', 'pass'];

/** How the filter names each outcome. */
const FILTER_LABEL: Record<CheckResultStatus, string> = {
  fail: 'failing',
  unknown: 'unknown',
  pass: 'passing',
};

/** Checks that need attention first, lower levels before higher ones. */
export function attentionOrder(checks: CheckResult[]): CheckResult[] {
  return [...checks].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      SCORECARD_LEVELS.indexOf(a.level) - SCORECARD_LEVELS.indexOf(b.level),
  );
}

function CheckDetail(props: { check: CheckResult; computedAt: string }) {
  const classes = useStyles();
  const { check } = props;
  const facts = factsNamedIn(check.reason);
  return (
    <Box className={classes.expanded}>
      <Typography variant="subtitle2" component="h4">
        Why it matters
      </Typography>
      <Typography variant="body2">{check.why}</Typography>
      <Typography variant="subtitle2" component="h4">
        How to fix
      </Typography>
      <Box>
        <Typography variant="body2">{check.howToFix.text}</Typography>
        <Typography variant="body2">
          <Link to={howToFixHref(check.howToFix.docs)}>
            Read how: {check.howToFix.docs}
          </Link>
        </Typography>
      </Box>
      <Typography variant="subtitle2" component="h4">
        Facts
      </Typography>
      <Box>
        <Typography variant="body2">{check.reason}</Typography>
        {facts.length > 0 && (
          <ul
            className={classes.facts}
            aria-label={`Facts ${check.title} reads`}
          >
            {facts.map(fact => (
              <li key={fact.id}>
                <Typography variant="body2">
                  <span className={classes.factId}>{fact.id}</span> (
                  {providerOf(fact)})
                  {fact.definition ? `: ${fact.definition.description}` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        )}
        <Typography variant="caption" color="textSecondary">
          As known at the recompute of {formatDateTime(props.computedAt)}
        </Typography>
      </Box>
    </Box>
  );
}

function CheckRow(props: {
  check: CheckResult;
  blocks?: string;
  computedAt: string;
}) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const { check } = props;
  const detailId = `scorecard-check-${check.id}`;
  return (
    <Fragment>
      <TableRow className={classes.row} aria-label={check.title}>
        <TableCell padding="checkbox">
          <ExpandRowButton
            open={open}
            onToggle={() => setOpen(!open)}
            label={`how to fix ${check.title}`}
            controls={detailId}
          />
        </TableCell>
        <TableCell className={classes.nowrap}>
          <CheckStatusChip status={check.status} />
        </TableCell>
        <TableCell>
          <Box className={classes.checkTitle}>
            <Typography variant="body2">{check.title}</Typography>
            {props.blocks && (
              <Chip
                size="small"
                variant="outlined"
                label={`blocks ${props.blocks}`}
                className={classes.blocks}
              />
            )}
          </Box>
          <Typography variant="caption" className={classes.checkId}>
            {check.id}
          </Typography>
        </TableCell>
        <TableCell>
          <CheckLevelChip level={check.level} />
        </TableCell>
        <TableCell align="right">{check.weight}</TableCell>
        <TableCell className={classes.reason}>{check.reason}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell style={{ paddingBottom: 0, paddingTop: 0 }} colSpan={6}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <Box id={detailId}>
              <CheckDetail check={check} computedAt={props.computedAt} />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/**
 * Every check that applies to the entity, grouped by category, those that
 * need attention first; a filter by outcome; each check opens onto why it
 * matters, how to fix it and the facts it read.
 */
export function ChecksCard(props: { scorecard: ScorecardRecord }) {
  const classes = useStyles();
  const { scorecard } = props;
  const [shown, setShown] = useState<CheckResultStatus | 'all'>('all');
  const counts = Object.fromEntries(
    STATUS_ORDER.map(status => [
      status,
      scorecard.checks.filter(c => c.status === status).length,
    ]),
  ) as Record<CheckResultStatus, number>;
  const visible = attentionOrder(
    scorecard.checks.filter(c => shown === 'all' || c.status === shown),
  );
  const blocking = new Set(scorecard.nextLevel?.blockedBy ?? []);
  const nextTitle = scorecard.nextLevel
    ? SCORECARD_TITLES[scorecard.nextLevel.level]
    : undefined;
  const scores = new Map(scorecard.categories.map(c => [c.category, c]));

  return (
    <InfoCard
      title="Checks"
      subheader={`${plural(
        scorecard.checks.length,
        'check applies',
        'checks apply',
      )} to this entity; outcomes as of ${formatDateTime(
        scorecard.computedAt,
      )}`}
    >
      <FilterChips
        label="Filter by outcome"
        className={classes.filters}
        total={scorecard.checks.length}
        values={STATUS_ORDER.map(status => ({
          value: status,
          label: FILTER_LABEL[status],
          count: counts[status],
        }))}
        shown={shown}
        onShow={setShown}
      />
      {SCORECARD_CATEGORIES.map(category => {
        const checks = visible.filter(c => c.category === category);
        if (checks.length === 0) return null;
        const score = scores.get(category);
        const title = SCORECARD_TITLES[category];
        return (
          <Box key={category} className={classes.category}>
            <Box className={classes.categoryHeading}>
              <Typography variant="h6" component="h3">
                {title}
              </Typography>
              {score && (
                <Typography variant="body2" color="textSecondary">
                  score {score.score ?? '—'} · {score.passed} of{' '}
                  {plural(score.applicable, 'check')} pass
                </Typography>
              )}
            </Box>
            <Table
              size="small"
              className={classes.table}
              aria-label={`${title} checks`}
            >
              <TableHead>
                <TableRow>
                  <TableCell
                    padding="checkbox"
                    aria-label="Expand"
                    style={{ width: 48 }}
                  />
                  <TableCell style={{ width: 96 }}>Outcome</TableCell>
                  <TableCell style={{ width: '34%' }}>Check</TableCell>
                  <TableCell style={{ width: 88 }}>Level</TableCell>
                  <TableCell
                    align="right"
                    className={classes.nowrap}
                    style={{ width: 96 }}
                  >
                    Weight
                  </TableCell>
                  <TableCell>Facts</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {checks.map(check => (
                  <CheckRow
                    key={check.id}
                    check={check}
                    blocks={blocking.has(check.id) ? nextTitle : undefined}
                    computedAt={scorecard.computedAt}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
        );
      })}
      <Typography variant="caption" color="textSecondary">
        An unknown check (a fact it reads is not known yet) counts as not
        passing, like a failure, until its facts are known.{' '}
        <Link to={DOCS.tab}>Reading the checks</Link>
      </Typography>
    </InfoCard>
  );
}
