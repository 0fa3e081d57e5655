import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  plural,
  RecordCardPlaceholder,
  useEntityName,
} from '@readiness/portal-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { CategoryScore, ScorecardRecord, scorecardsApiRef } from '../../api';
import { NoCheckApplies, NotScoredYet } from '../emptyStates';
import { familiesFor, Family } from '../families';
import { isNotScoredYet, nextLevelText } from '../format';
import { LevelBadge } from '../levels';
import { SCORECARD_TAB_PATH } from '../paths';
import { INTERNAL_RECORD_TITLE } from '../RecordErrorPanel';
import { StateChip, StateTone } from '../StateChip';

/** How many blocking checks the card names before it points to the tab. */
const NAMED_BLOCKERS = 3;

const useStyles = makeStyles((theme: Theme) => ({
  headline: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  score: { display: 'flex', alignItems: 'baseline', gap: theme.spacing(0.5) },
  blockers: {
    margin: theme.spacing(1.5, 0, 1),
    padding: theme.spacing(1, 1.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
  },
  blockerList: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
  family: { display: 'block', padding: theme.spacing(0.75, 0) },
  familyLine: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  familyTitle: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  bar: { height: 6, borderRadius: 3, margin: theme.spacing(0.5, 0) },
}));

/** A family's state in one word, and how much it needs attention. */
export function familyState(score: CategoryScore | undefined): {
  tone: StateTone;
  label: string;
} {
  if (!score || score.applicable === 0) {
    return { tone: 'neutral', label: 'no checks' };
  }
  if (score.failed > 0)
    return { tone: 'error', label: `${score.failed} failing` };
  if (score.unknown > 0) {
    return { tone: 'warning', label: `${score.unknown} unknown` };
  }
  return { tone: 'ok', label: 'passing' };
}

/** `a Component`, `an API`. */
function withArticle(kind: string): string {
  return `${/^[aeio]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

function FamilyLine(props: {
  family: Family;
  score?: CategoryScore;
  entityPage: string;
  kind: string;
}) {
  const classes = useStyles();
  const { family, score } = props;
  const state = familyState(score);
  const applies = score && score.applicable > 0;
  return (
    <ListItem
      disableGutters
      className={classes.family}
      aria-label={family.title}
    >
      <Box className={classes.familyLine}>
        <Box className={classes.familyTitle}>
          <StateChip tone={state.tone} label={state.label} />
          <Typography variant="body2">
            <Link
              to={`${props.entityPage}/${family.tabPath}`}
              title={`Open the ${family.tabTitle} tab`}
            >
              <strong>{family.title}</strong>
            </Link>
          </Typography>
        </Box>
        <Typography variant="body2">
          {applies && score.score !== null ? score.score : '—'}
        </Typography>
      </Box>
      {applies && (
        <LinearProgress
          variant="determinate"
          value={score.score ?? 0}
          className={classes.bar}
          aria-label={`${family.title} score`}
        />
      )}
      <Typography variant="caption" color="textSecondary">
        {applies
          ? `${score.passed} of ${plural(score.applicable, 'check')} pass`
          : `No ${family.title} check applies to ${withArticle(props.kind)}`}
      </Typography>
    </ListItem>
  );
}

function NextLevel(props: { scorecard: ScorecardRecord; tabLink: string }) {
  const classes = useStyles();
  const { scorecard } = props;
  const blockers = scorecard.nextLevel
    ? scorecard.nextLevel.blockedBy.map(
        id => scorecard.checks.find(c => c.id === id)?.title ?? id,
      )
    : [];
  return (
    <Box
      className={classes.blockers}
      role="region"
      aria-label="What blocks the next level"
    >
      <Typography variant="subtitle2" component="p">
        {nextLevelText(scorecard)}
      </Typography>
      {blockers.length > 0 && (
        <ul className={classes.blockerList}>
          {blockers.slice(0, NAMED_BLOCKERS).map(title => (
            <li key={title}>
              <Typography variant="body2">{title}</Typography>
            </li>
          ))}
          {blockers.length > NAMED_BLOCKERS && (
            <li>
              <Typography variant="body2">
                <Link to={props.tabLink}>
                  and {blockers.length - NAMED_BLOCKERS} more
                </Link>
              </Typography>
            </li>
          )}
        </ul>
      )}
    </Box>
  );
}

/**
 * The readiness record at a glance, for the entity's overview: level,
 * score, what blocks the next level, and the state of each family with a
 * link to where it is read.
 */
export function EntityReadinessRecordCard() {
  const classes = useStyles();
  const { entity: pageEntity } = useEntity();
  const entityLink = useEntityRefLink();
  const entity = useEntityName();
  const api = useApi(scorecardsApiRef);
  const {
    value: scorecard,
    loading,
    error,
  } = useAsync(() => api.getEntityScorecard(entity), [api, entity]);

  const title = 'Readiness record';
  const entityPage = entityLink(pageEntity);
  const tabLink = `${entityPage}/${SCORECARD_TAB_PATH}`;
  if (loading || error || !scorecard) {
    return (
      <RecordCardPlaceholder
        title={title}
        loading={loading}
        error={error}
        internalTitle={INTERNAL_RECORD_TITLE}
        internalDescription="The level, score and checks of this entity are not published to you."
        missing="No scorecard was returned"
      />
    );
  }
  if (scorecard.applicable === 0) {
    return (
      <InfoCard title={title} variant="gridItem">
        <NoCheckApplies kind={pageEntity.kind} />
      </InfoCard>
    );
  }
  if (isNotScoredYet(scorecard)) {
    return (
      <InfoCard title={title} variant="gridItem">
        <NotScoredYet applicable={scorecard.applicable} />
      </InfoCard>
    );
  }
  const byCategory = new Map(scorecard.categories.map(c => [c.category, c]));
  return (
    <InfoCard
      title={title}
      subheader={`${plural(scorecard.applicable, 'check')} apply`}
      variant="gridItem"
      deepLink={{ title: 'Open the scorecard', link: tabLink }}
    >
      <Box className={classes.headline}>
        <LevelBadge level={scorecard.level} />
        <Box
          className={classes.score}
          role="group"
          aria-label={`Score ${scorecard.score} of 100`}
        >
          <Typography variant="h4" component="p">
            {scorecard.score}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            / 100
          </Typography>
        </Box>
      </Box>
      <NextLevel scorecard={scorecard} tabLink={tabLink} />
      <List dense disablePadding aria-label="Score per family">
        {familiesFor(pageEntity.kind).map(family => (
          <FamilyLine
            key={family.category}
            family={family}
            score={byCategory.get(family.category)}
            entityPage={entityPage}
            kind={pageEntity.kind}
          />
        ))}
      </List>
    </InfoCard>
  );
}
