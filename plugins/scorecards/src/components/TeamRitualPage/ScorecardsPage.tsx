import { Content, Header, Page } from '@backstage/core-components';
import { ScorecardsPageContent } from './ScorecardsPageContent';

/** The teams index and ritual pages with their own header, for apps on the old frontend system. */
export function ScorecardsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Scorecards"
        subtitle="Each team's readiness: its entities, what changed since its last ritual, what to fix next"
      />
      <Content>
        <ScorecardsPageContent />
      </Content>
    </Page>
  );
}
