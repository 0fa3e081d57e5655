import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Chip,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ChangelogItem } from '@readiness/plugin-api-portal-common';
import { formatDate } from '@readiness/portal-react';
import useAsync from 'react-use/esm/useAsync';
import { apiPortalApiRef } from '../../api';
import { PortalErrorPanel } from './PortalErrorPanel';

function ChangeList(props: { entry: ChangelogItem }) {
  const { changes } = props.entry;
  if (changes.length === 0) {
    return <Typography variant="body2">No operation-level changes.</Typography>;
  }
  return (
    <List dense disablePadding style={{ width: '100%' }}>
      {changes.map((change, index) => (
        <ListItem key={index} disableGutters>
          <ListItemText
            primary={
              <>
                {change.breaking && (
                  <Chip
                    size="small"
                    color="secondary"
                    label="breaking"
                    style={{ marginRight: 8 }}
                  />
                )}
                {change.message}
              </>
            }
            secondary={[
              change.ruleId,
              change.before?.pointer && `was ${change.before.pointer}`,
              change.after?.pointer && `now ${change.after.pointer}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** The family's changelog, newest first, each entry expandable to its diff. */
export function ChangelogTimeline(props: { entries: ChangelogItem[] }) {
  return (
    <>
      {props.entries.map(entry => (
        <Accordion key={entry.id} data-testid={`changelog-${entry.id}`}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <Typography variant="subtitle2" style={{ whiteSpace: 'nowrap' }}>
                {entry.fromVersion} → {entry.toVersion}
              </Typography>
              {entry.breaking && (
                <Chip size="small" color="secondary" label="Breaking" />
              )}
              <Typography variant="body2">{entry.summary}</Typography>
              <Typography variant="caption" color="textSecondary">
                {formatDate(entry.at)}
              </Typography>
            </Box>
          </AccordionSummary>
          <AccordionDetails>
            <ChangeList entry={entry} />
          </AccordionDetails>
        </Accordion>
      ))}
    </>
  );
}

/** The changelog of an API family. */
export function ChangelogCard(props: { family: string }) {
  const api = useApi(apiPortalApiRef);
  const { family } = props;
  const state = useAsync(
    () => api.getFamilyChangelog(family, { limit: 50 }),
    [api, family],
  );
  let content;
  if (state.loading) {
    content = <Progress />;
  } else if (state.error) {
    content = <PortalErrorPanel error={state.error} what="changelog" />;
  } else if (!state.value || state.value.items.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No changes recorded yet"
        description="An entry appears when this API's definition changes or a new version joins the family (annotation readiness.dev/api-family, or the -vN name suffix)."
      />
    );
  } else {
    content = <ChangelogTimeline entries={state.value.items} />;
  }
  return <InfoCard title={`Changelog of ${family}`}>{content}</InfoCard>;
}
