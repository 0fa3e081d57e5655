import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EvidenceItem } from '@readiness/plugin-compliance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import { DOCS } from '../docs';
import { RecordErrorPanel } from '../RecordErrorPanel';
import { EvidencePages } from './useEvidencePages';
import { EvidenceTimeline } from './EvidenceTimeline';

/** Every evidence item of the entity, newest collected first, a page at a time. */
export function EvidenceCard(props: {
  evidence: EvidencePages;
  onWithdraw?: (item: EvidenceItem) => void;
}) {
  const { evidence } = props;
  const title = 'Evidence';
  if (evidence.loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (evidence.error) {
    return (
      <InfoCard title={title}>
        <RecordErrorPanel error={evidence.error} what="evidence" />
      </InfoCard>
    );
  }
  if (evidence.items.length === 0) {
    return (
      <InfoCard title={title}>
        <EmptyState
          missing="data"
          title="No evidence filed for this entity yet"
          description="File evidence with the File evidence button above, or from CI with a token that holds compliance.evidence.file (POST /api/compliance/v1/evidence). Drills, tested restores and passed release gates are filed by the portal itself."
          action={<Link to={DOCS.filingFromCi}>Filing evidence from CI</Link>}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={title}
      subheader="Newest collected first; withdrawn items stay, struck, with their reason"
    >
      <EvidenceTimeline
        items={evidence.items}
        aria-label="Evidence of this entity"
        onWithdraw={props.onWithdraw}
      />
      {evidence.moreError && <ResponseErrorPanel error={evidence.moreError} />}
      {evidence.nextCursor && (
        <Box
          display="flex"
          alignItems="center"
          justifyContent="center"
          gridGap={8}
        >
          <Button
            variant="outlined"
            size="small"
            onClick={evidence.loadMore}
            disabled={evidence.loadingMore}
          >
            Load older evidence
          </Button>
          {evidence.loadingMore && (
            <CircularProgress size={20} aria-label="Loading older evidence" />
          )}
        </Box>
      )}
    </InfoCard>
  );
}
