import { Route, Routes, useParams } from 'react-router-dom';
import { TeamRitualContent } from './TeamRitualContent';
import { TeamsIndexContent } from './TeamsIndexContent';

function TeamRoute() {
  const { namespace, group } = useParams();
  return (
    <TeamRitualContent
      team={{ namespace: namespace ?? 'default', name: group ?? '' }}
    />
  );
}

/**
 * The scorecards page: the teams index at its root, a team's ritual page
 * at teams/:group (default namespace) or teams/:namespace/:group.
 */
export function ScorecardsPageContent() {
  return (
    <Routes>
      <Route path="/" element={<TeamsIndexContent />} />
      <Route path="/teams/:group" element={<TeamRoute />} />
      <Route path="/teams/:namespace/:group" element={<TeamRoute />} />
    </Routes>
  );
}
