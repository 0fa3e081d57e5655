import { ReactNode } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Chip,
  List,
  ListItem,
  Tooltip,
  Typography,
} from '@material-ui/core';
import { ProvidedApi } from '@readiness/plugin-api-portal-common';
import { plural } from '@readiness/portal-react';
import useAsync from 'react-use/esm/useAsync';
import { apiPortalApiRef } from '../../api';
import { DOCS } from '../docs';
import { PortalErrorPanel } from '../EntityApiPortal/PortalErrorPanel';
import { lintText } from '../format';
import { apiPortalTabOf } from '../paths';

export const NOT_COLLECTED_TEXT =
  'Not collected yet: the api-portal backend collects API definitions on a schedule (every 10 minutes by default).';

/** The one-line reading of a provided API's current revision, when not ok. */
export function revisionProblem(item: ProvidedApi): string | undefined {
  if (item.revisionStatus === undefined) return NOT_COLLECTED_TEXT;
  if (item.revisionStatus === 'ok') return undefined;
  return item.revisionStatusMessage
    ? `${item.revisionStatus}: ${item.revisionStatusMessage}`
    : item.revisionStatus;
}

/** The version, how it stands against the family's latest, recent breaks. */
function VersionChips(props: { item: ProvidedApi }) {
  const { item } = props;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      <Typography variant="body2">
        {item.version ? `Version ${item.version}` : 'No version yet'}
      </Typography>
      {item.version && item.latest && (
        <Chip size="small" label="latest" color="primary" />
      )}
      {item.version && !item.latest && (
        <Tooltip
          title={`The family's latest version is ${
            item.latestVersion ?? 'unknown'
          }`}
        >
          <Chip
            size="small"
            variant="outlined"
            label={`not latest (${item.latestVersion ?? '?'})`}
          />
        </Tooltip>
      )}
      {item.breakingChangesLast30Days > 0 && (
        <Chip
          size="small"
          color="secondary"
          label={`${plural(
            item.breakingChangesLast30Days,
            'breaking change',
          )} in 30 days`}
        />
      )}
    </Box>
  );
}

function ProvidedApiRow(props: { item: ProvidedApi }) {
  const { item } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseEntityRef(item.entityRef);
  const problem = revisionProblem(item);
  // Stacked lines: the card usually sits in the overview's narrow column.
  return (
    <ListItem divider data-testid={`provided-api-${ref.name}`}>
      <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
        <Link to={apiPortalTabOf(entityRoute, item.entityRef)}>
          <Typography variant="subtitle1" component="span">
            {item.title ?? ref.name}
          </Typography>
        </Link>
        <Typography variant="caption" color="textSecondary">
          family {item.family}
        </Typography>
        <VersionChips item={item} />
        <Typography variant="body2" color="textSecondary">
          {lintText(item.lint)}
        </Typography>
        {problem && (
          <Typography
            variant="body2"
            color={
              item.revisionStatus === undefined ? 'textSecondary' : 'error'
            }
          >
            {problem}
          </Typography>
        )}
      </Box>
    </ListItem>
  );
}

function HiddenNote(props: { hidden: number }) {
  if (props.hidden <= 0) return null;
  return (
    <Typography variant="body2" color="textSecondary">
      {props.hidden === 1
        ? '1 provided API is not shown to you.'
        : `${props.hidden} provided APIs are not shown to you.`}
    </Typography>
  );
}

/**
 * The APIs a component provides, each with its version against its family's
 * latest, lint totals, recent breaking changes and whether its definition
 * could be read.
 */
export function ProvidedApisCard() {
  const { entity } = useEntity();
  const api = useApi(apiPortalApiRef);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const state = useAsync(
    () => api.getProvidedApis({ kind, namespace, name }),
    [api, kind, namespace, name],
  );

  let content: ReactNode;
  if (state.loading) {
    content = <Progress />;
  } else if (state.error) {
    content = <PortalErrorPanel error={state.error} what="provided APIs" />;
  } else if (!state.value || state.value.apis.length === 0) {
    content =
      state.value && state.value.hidden > 0 ? (
        <HiddenNote hidden={state.value.hidden} />
      ) : (
        <EmptyState
          missing="field"
          title="This component provides no APIs"
          description="List the API entities it serves under spec.providesApis in its catalog-info.yaml; each API needs spec.definition to be collected by the API portal."
          action={
            <Button
              variant="outlined"
              color="primary"
              href={DOCS.providedApisCard}
            >
              Read the docs
            </Button>
          }
        />
      );
  } else {
    content = (
      <>
        <List dense disablePadding>
          {state.value.apis.map(item => (
            <ProvidedApiRow key={item.entityRef} item={item} />
          ))}
        </List>
        <HiddenNote hidden={state.value.hidden} />
      </>
    );
  }
  return (
    <InfoCard
      title="API readiness"
      subheader="The APIs this component provides, as the API portal sees them"
    >
      {content}
    </InfoCard>
  );
}
