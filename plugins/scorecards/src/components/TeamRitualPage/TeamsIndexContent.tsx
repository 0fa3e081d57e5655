import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { DOCS } from '../docs';
import { teamPagePath } from '../paths';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { LevelCountChips } from './TeamRitualContent';

/** Every team that owns scored entities, each linking to its ritual page. */
export function TeamsIndexContent() {
  const api = useApi(scorecardsApiRef);
  const { value, loading, error } = useAsync(
    () => api.listTeamRollups(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <RecordErrorPanel error={error} />;
  const teams = value?.teams ?? [];
  if (teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No team owns a scored entity yet"
        description="A team shows here once an entity a check of scorecards/checks applies to names the team's Group in its spec.owner, and the scorecards backend has scored it (shortly after it starts, every night, and when facts change)."
        action={<Link to={DOCS.ritual}>How rollups and rituals work</Link>}
      />
    );
  }
  return (
    <InfoCard
      title="Teams"
      subheader="Each team's ritual page: its entities, what changed since its last ritual and what to fix next"
    >
      <Table size="small" aria-label="Teams">
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            <TableCell align="right">Entities</TableCell>
            <TableCell>Levels</TableCell>
            <TableCell align="right">Mean score</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {teams.map(team => (
            <TableRow key={team.groupRef}>
              <TableCell>
                <Link to={teamPagePath(team.groupRef)}>
                  {team.title ?? team.groupRef.replace(/^group:default\//, '')}
                </Link>
              </TableCell>
              <TableCell align="right">{team.entities}</TableCell>
              <TableCell>
                <LevelCountChips levels={team.levels} />
              </TableCell>
              <TableCell align="right">{team.averageScore ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
