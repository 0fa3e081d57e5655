/*
 * A team's ritual page: every entity the team owns with its level, score
 * and trend, what changed since the team's last ritual, the failing checks
 * ranked by how many entities they block, marking the ritual held, past
 * rituals and the CSV of the rollup. Each section is a card of its own, so
 * more sections (campaigns) sit beside them.
 */
import { useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { plural } from '@readiness/portal-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  LevelCounts,
  RitualChanges,
  ScorecardRollup,
  scorecardsApiRef,
  TeamRitual,
} from '../../api';
import { howToFixHref, DOCS } from '../docs';
import { formatDay, levelTitle } from '../format';
import { CheckLevelChip, LevelBadge } from '../levels';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { Sparkline } from './Sparkline';

type Team = { namespace: string; name: string };

/** Level counts as chips, best level first. */
export function LevelCountChips(props: { levels: LevelCounts }) {
  const order = ['gold', 'silver', 'bronze', 'none'] as const;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {order
        .filter(level => props.levels[level] > 0)
        .map(level => (
          <Chip
            key={level}
            size="small"
            variant="outlined"
            label={`${levelTitle(level === 'none' ? null : level)}: ${
              props.levels[level]
            }`}
          />
        ))}
    </Box>
  );
}

function EntitiesCard(props: { rollup: ScorecardRollup }) {
  const { rollup } = props;
  return (
    <InfoCard
      title="Entities"
      subheader={`${plural(
        rollup.entities.length,
        'entity',
        'entities',
      )}, lowest score first; the trend covers ${formatDay(
        rollup.trend.from,
      )} to ${formatDay(rollup.trend.to)}`}
    >
      <Table size="small" aria-label="Team entities">
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Level</TableCell>
            <TableCell align="right">Score</TableCell>
            <TableCell>Trend</TableCell>
            <TableCell>Next level blocked by</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rollup.entities.map(entity => (
            <TableRow key={entity.entityRef}>
              <TableCell>
                <EntityRefLink entityRef={entity.entityRef} />
              </TableCell>
              <TableCell>
                <LevelBadge level={entity.level} size="small" />
              </TableCell>
              <TableCell align="right">{entity.score ?? '—'}</TableCell>
              <TableCell>
                <Sparkline points={entity.trend} />
              </TableCell>
              <TableCell>
                {entity.nextLevel
                  ? `${levelTitle(entity.nextLevel)}: ${plural(
                      entity.blockedBy.length,
                      'check',
                    )}`
                  : 'Top level reached'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

function scoreText(value: { score: number | null } | null) {
  return value?.score === null || value === null ? '—' : String(value.score);
}

function ChangesCard(props: { changes: RitualChanges }) {
  const { since, changed, unchanged } = props.changes;
  if (!since) {
    return (
      <InfoCard title="What changed since the last ritual">
        <EmptyState
          missing="data"
          title="No ritual held yet"
          description="Mark the ritual held at the end of the team's meeting (Mark ritual held, above). From then on this lists every entity whose level, score or checks changed since, compared with what the facts said when the ritual was held."
          action={<Link to={DOCS.ritual}>How the ritual page works</Link>}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="What changed since the last ritual"
      subheader={`Since ${formatDay(since.day)}: ${plural(
        changed.length,
        'entity',
        'entities',
      )} changed, ${unchanged} unchanged`}
    >
      {changed.length === 0 ? (
        <Typography variant="body2">
          Nothing changed since the ritual of {formatDay(since.day)}: every
          entity has the level, score and checks it had then.
        </Typography>
      ) : (
        <Table size="small" aria-label="Changes since the last ritual">
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>Then</TableCell>
              <TableCell>Now</TableCell>
              <TableCell>Started failing</TableCell>
              <TableCell>Stopped failing</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changed.map(change => (
              <TableRow key={change.entityRef}>
                <TableCell>
                  <EntityRefLink entityRef={change.entityRef} />
                </TableCell>
                <TableCell>
                  {change.then
                    ? `${levelTitle(change.then.level)} · ${scoreText(
                        change.then,
                      )}`
                    : 'New since the ritual'}
                </TableCell>
                <TableCell>
                  {`${levelTitle(change.now.level)} · ${scoreText(change.now)}`}
                </TableCell>
                <TableCell>
                  {change.started.map(c => c.title).join(', ') || '—'}
                </TableCell>
                <TableCell>
                  {change.stopped.map(c => c.title).join(', ') || '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

function ChangesSection(props: {
  state: { value?: RitualChanges; error?: Error };
}) {
  const { value, error } = props.state;
  if (error) return <RecordErrorPanel error={error} />;
  if (!value) return <Progress />;
  return <ChangesCard changes={value} />;
}

// Short columns beside a long one: their words stay on one line
const useFailingStyles = makeStyles({ short: { whiteSpace: 'nowrap' } });

function FailingChecksCard(props: { rollup: ScorecardRollup }) {
  const { failingChecks } = props.rollup;
  const { short } = useFailingStyles();
  return (
    <InfoCard
      title="Failing checks"
      subheader="Ranked by how many entities' next level each blocks: fix the first ones first"
    >
      {failingChecks.length === 0 ? (
        <Typography variant="body2">
          Every check passes on every entity of the team.
        </Typography>
      ) : (
        <Table size="small" aria-label="Failing checks ranked">
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell className={short}>Level</TableCell>
              <TableCell className={short} align="right">
                Blocks
              </TableCell>
              <TableCell className={short} align="right">
                Fails on
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {failingChecks.map(check => (
              <TableRow key={check.id}>
                <TableCell>
                  <Link to={howToFixHref(check.howToFix.docs)}>
                    {check.title}
                  </Link>
                  <Typography variant="body2" color="textSecondary">
                    {check.why}
                  </Typography>
                </TableCell>
                <TableCell className={short}>
                  <CheckLevelChip level={check.level} />
                </TableCell>
                <TableCell className={short} align="right">
                  {plural(check.blocking, 'entity', 'entities')}
                </TableCell>
                <TableCell className={short} align="right">
                  {check.failing}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

function RitualsCard(props: { rituals: TeamRitual[] }) {
  return (
    <InfoCard title="Past rituals">
      {props.rituals.length === 0 ? (
        <Typography variant="body2">
          No ritual recorded yet. Mark the ritual held when the team has
          reviewed this page; each mark is kept here with its note.
        </Typography>
      ) : (
        <Table size="small" aria-label="Past rituals">
          <TableBody>
            {props.rituals.map(ritual => (
              <TableRow key={ritual.id}>
                <TableCell>{formatDay(ritual.day)}</TableCell>
                <TableCell>
                  <EntityRefLink entityRef={ritual.heldBy} />
                </TableCell>
                <TableCell>{ritual.note ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** The actions of the page: marking the ritual held, the CSV. */
function RitualActions(props: {
  team: Team;
  mayMark: boolean;
  onMarked: () => void;
}) {
  const api = useApi(scorecardsApiRef);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [message, setMessage] = useState<string>();

  const mark = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const marked = await api.markRitualHeld(props.team, {
        ...(note.trim() && { note: note.trim() }),
      });
      setMessage(
        marked.created
          ? `Ritual of ${formatDay(marked.ritual.day)} recorded`
          : `The ritual of ${formatDay(
              marked.ritual.day,
            )} was recorded already`,
      );
      setNote('');
      props.onMarked();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const csv = async () => {
    setError(undefined);
    try {
      download(
        `rollup-${props.team.namespace}-${props.team.name}.csv`,
        await api.getRollupCsv(props.team),
      );
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      {props.mayMark && (
        <>
          <TextField
            size="small"
            variant="outlined"
            id="ritual-note"
            label="Ritual note"
            value={note}
            onChange={e => setNote(e.target.value)}
            inputProps={{ maxLength: 2000 }}
          />
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={mark}
          >
            Mark ritual held
          </Button>
        </>
      )}
      <Button variant="outlined" onClick={csv}>
        Download CSV
      </Button>
      {message && (
        <Typography variant="body2" role="status">
          {message}
        </Typography>
      )}
      {error && (
        <Typography variant="body2" color="error" role="alert">
          {error.message}
        </Typography>
      )}
    </Box>
  );
}

/** The ritual page's content for one team. */
export function TeamRitualContent(props: { team: Team }) {
  const { team } = props;
  const api = useApi(scorecardsApiRef);
  const rollup = useAsyncRetry(
    () => api.getRollup({ kind: 'group', ...team }),
    [api, team.namespace, team.name],
  );
  const changes = useAsyncRetry(
    () => api.getRitualChanges(team),
    [api, team.namespace, team.name],
  );
  const rituals = useAsyncRetry(
    () => api.listRituals(team),
    [api, team.namespace, team.name],
  );

  if (rollup.loading && !rollup.value) return <Progress />;
  if (rollup.error) return <RecordErrorPanel error={rollup.error} />;
  const value = rollup.value!;
  const title = value.subject.title ?? team.name;

  const refresh = () => {
    changes.retry();
    rituals.retry();
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="space-between"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          <Box>
            <Typography variant="h5" component="h2">
              Readiness ritual: {title}
            </Typography>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <Typography variant="body2" color="textSecondary">
                Mean score {value.averageScore ?? '—'}
              </Typography>
              <LevelCountChips levels={value.levels} />
            </Box>
          </Box>
          <RitualActions
            team={team}
            mayMark={value.mayMarkRitual === true}
            onMarked={refresh}
          />
        </Box>
      </Grid>
      {value.entities.length === 0 ? (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="This team owns no scored entity yet"
            description={`Entities count for a team when their spec.owner names ${value.subject.entityRef} and a check of scorecards/checks applies to them. The scorecards backend scores every entity shortly after it starts and every night; the team's entities show here after that.`}
            action={<Link to={DOCS.ritual}>How the ritual page works</Link>}
          />
        </Grid>
      ) : (
        <>
          <Grid item xs={12}>
            <EntitiesCard rollup={value} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <ChangesSection state={changes} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <FailingChecksCard rollup={value} />
          </Grid>
        </>
      )}
      <Grid item xs={12} lg={6}>
        {rituals.error ? (
          <RecordErrorPanel error={rituals.error} />
        ) : (
          <RitualsCard rituals={rituals.value?.items ?? []} />
        )}
      </Grid>
    </Grid>
  );
}
