import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { plural } from '@readiness/portal-react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { teamPagePath } from '../paths';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { LevelCountChips } from '../TeamRitualPage/TeamRitualContent';

/** On a Group's page: its entities' levels and a link to its ritual page. */
export function EntityTeamRitualCard() {
  const { entity } = useEntity();
  const api = useApi(scorecardsApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const { name } = entity.metadata;
  const { value, loading, error } = useAsync(
    () => api.getRollup({ kind: 'group', namespace, name }),
    [api, namespace, name],
  );
  const groupRef = `group:${namespace}/${name}`;
  return (
    <InfoCard
      title="Readiness ritual"
      deepLink={{ title: 'Open the ritual page', link: teamPagePath(groupRef) }}
    >
      {loading && <Progress />}
      {error && <RecordErrorPanel error={error} />}
      {value &&
        (value.entities.length === 0 ? (
          <Typography variant="body2">
            The team owns no scored entity yet.{' '}
            <Link to={teamPagePath(groupRef)}>Its ritual page</Link> says how
            entities get there.
          </Typography>
        ) : (
          <>
            <Typography variant="body2" gutterBottom>
              {plural(value.entities.length, 'entity', 'entities')}, mean score{' '}
              {value.averageScore ?? '—'};{' '}
              {plural(value.failingChecks.length, 'check')} failing somewhere.
            </Typography>
            <LevelCountChips levels={value.levels} />
          </>
        ))}
    </InfoCard>
  );
}
