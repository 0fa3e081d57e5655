import { InfoCard, Link } from '@backstage/core-components';
import {
  SCORECARD_LEVELS,
  SCORECARD_TITLES,
  ScorecardLevel,
} from '@readiness/plugin-scorecards-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import { CountTile, CountTiles } from '@readiness/portal-react';
import { ScorecardRecord } from '../../api';
import { DOCS } from '../docs';
import { NotScoredYet } from '../emptyStates';
import { formatDateTime, isNotScoredYet, nextLevelText } from '../format';
import { LEVEL_COLORS, LevelBadge } from '../levels';

const useStyles = makeStyles((theme: Theme) => ({
  headline: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  score: { display: 'flex', alignItems: 'baseline', gap: theme.spacing(0.5) },
  ladder: { listStyle: 'none', margin: 0, padding: 0 },
  step: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  stepName: { minWidth: theme.spacing(8), fontWeight: 500 },
  next: {
    marginTop: theme.spacing(2),
    paddingTop: theme.spacing(1.5),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  caption: { display: 'block', marginTop: theme.spacing(2) },
}));

/** The applicable checks of one level, and how many of them pass. */
function levelCounts(scorecard: ScorecardRecord, level: ScorecardLevel) {
  const checks = scorecard.checks.filter(c => c.level === level);
  return {
    applicable: checks.length,
    passed: checks.filter(c => c.status === 'pass').length,
  };
}

function levelStepText(
  scorecard: ScorecardRecord,
  level: ScorecardLevel,
): string {
  const { applicable, passed } = levelCounts(scorecard, level);
  if (applicable === 0) return 'no check applies';
  return `${passed} of ${applicable} pass`;
}

/** Bronze, Silver and Gold, each reached or not, with its checks. */
function LevelLadder(props: { scorecard: ScorecardRecord }) {
  const classes = useStyles();
  const { scorecard } = props;
  const reached = scorecard.level
    ? SCORECARD_LEVELS.indexOf(scorecard.level)
    : -1;
  return (
    <ul className={classes.ladder} aria-label="Levels">
      {SCORECARD_LEVELS.map((level, index) => {
        const isReached = index <= reached;
        return (
          <li
            key={level}
            className={classes.step}
            aria-label={`${SCORECARD_TITLES[level]}: ${
              isReached ? 'reached' : 'not reached'
            }, ${levelStepText(scorecard, level)}`}
          >
            {isReached ? (
              <CheckCircleIcon
                fontSize="small"
                style={{ color: LEVEL_COLORS[level] }}
              />
            ) : (
              <RadioButtonUncheckedIcon fontSize="small" color="disabled" />
            )}
            <Typography variant="body2" className={classes.stepName}>
              {SCORECARD_TITLES[level]}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {levelStepText(scorecard, level)}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}

function Count(props: {
  label: string;
  count: number;
  tone?: 'ok' | 'attention' | 'warning';
}) {
  return (
    <CountTile
      count={props.count}
      label={props.label}
      name={`${props.count} ${props.label}`}
      tone={props.tone}
    />
  );
}

/**
 * The entity's level and score, its checks by outcome, the levels with
 * their checks, and what keeps it from the next level.
 */
export function ScorecardSummaryCard(props: { scorecard: ScorecardRecord }) {
  const classes = useStyles();
  const { scorecard } = props;
  const title = 'Level and score';
  if (isNotScoredYet(scorecard)) {
    return (
      <InfoCard title={title}>
        <NotScoredYet applicable={scorecard.applicable} />
      </InfoCard>
    );
  }
  const blockers = scorecard.nextLevel
    ? scorecard.nextLevel.blockedBy.map(
        id => scorecard.checks.find(c => c.id === id)?.title ?? id,
      )
    : [];
  return (
    <InfoCard title={title}>
      <Box className={classes.headline}>
        <LevelBadge level={scorecard.level} />
        <Box
          className={classes.score}
          role="group"
          aria-label={`Score ${scorecard.score} of 100`}
        >
          <Typography variant="h3" component="p">
            {scorecard.score}
          </Typography>
          <Typography variant="body1" color="textSecondary">
            / 100
          </Typography>
        </Box>
      </Box>
      <CountTiles columns={3}>
        <Count
          label="passing"
          count={scorecard.passed}
          tone={scorecard.passed > 0 ? 'ok' : undefined}
        />
        <Count
          label="failing"
          count={scorecard.failed}
          tone={scorecard.failed > 0 ? 'attention' : undefined}
        />
        <Count
          label="unknown"
          count={scorecard.unknown}
          tone={scorecard.unknown > 0 ? 'warning' : undefined}
        />
      </CountTiles>
      <LevelLadder scorecard={scorecard} />
      <Box
        className={classes.next}
        role="region"
        aria-label="What blocks the next level"
      >
        <Typography variant="subtitle2" component="p">
          {nextLevelText(scorecard)}
        </Typography>
        {blockers.length > 0 && (
          <ul>
            {blockers.map(blocker => (
              <li key={blocker}>
                <Typography variant="body2">{blocker}</Typography>
              </li>
            ))}
          </ul>
        )}
      </Box>
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.caption}
      >
        Scored {formatDateTime(scorecard.computedAt)}.{' '}
        <Link to={DOCS.levels}>How levels and the score are computed</Link>
      </Typography>
    </InfoCard>
  );
}
