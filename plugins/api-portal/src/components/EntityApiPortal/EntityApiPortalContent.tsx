import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { errorApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import {
  apiPortalEntityRefreshPermission,
  familyOf,
} from '@readiness/plugin-api-portal-common';
import { isNotFound } from '@readiness/portal-react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiPortalApiRef } from '../../api';
import { ApiReference } from '../ApiReference';
import { ChangelogFeeds } from '../Feeds';
import { apiPortalTabOf } from '../paths';
import { ChangelogCard } from './ChangelogCard';
import { LintProblemsCard } from './LintProblemsCard';
import { PortalErrorPanel } from './PortalErrorPanel';
import { SdkCard } from './SdkCard';
import { VersionPicker } from './VersionPicker';

/**
 * The API Portal tab of an API entity: its family's versions, the reference
 * of this version, its lint problems, the family changelog and the SDKs.
 */
export function EntityApiPortalContent() {
  const { entity } = useEntity();
  const api = useApi(apiPortalApiRef);
  const errorApi = useApi(errorApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const navigate = useNavigate();
  const [refreshing, setRefreshing] = useState(false);
  const entityRef = stringifyEntityRef(entity);
  const family = familyOf(entity);
  const name = {
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  };
  const state = useAsyncRetry(() => api.getFamily(family), [api, family]);
  // Offered only to callers the backend lets refresh (it refuses the others)
  const { allowed: mayRefresh } = usePermission({
    permission: apiPortalEntityRefreshPermission,
    resourceRef: entityRef,
  });

  const definition = entity.spec?.definition;

  const refresh = async () => {
    setRefreshing(true);
    try {
      await api.refreshEntity(name);
    } catch (error) {
      // e.g. a 403 when the caller may not refresh: say so, keep the button.
      errorApi.post(error as Error);
    } finally {
      setRefreshing(false);
      state.retry();
    }
  };

  if (state.loading && !state.value) return <Progress />;
  if (state.error && isNotFound(state.error)) {
    return (
      <EmptyState
        missing="data"
        title="This API is not in the portal yet"
        description={`The api-portal backend collects API entities on its schedule and files them under the family "${family}" (annotation readiness.dev/api-family, or the name without its -vN suffix).${
          mayRefresh ? ' Refresh collects this one now.' : ''
        }`}
        action={
          mayRefresh ? (
            <Button
              variant="contained"
              color="primary"
              onClick={refresh}
              disabled={refreshing}
            >
              Refresh
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (state.error) {
    return <PortalErrorPanel error={state.error} what="portal record" />;
  }
  const detail = state.value!;
  const current = detail.versions.find(
    v => v.entityRef === entityRef && v.current,
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <Typography variant="h6">{detail.name}</Typography>
          <VersionPicker
            versions={detail.versions}
            entityRef={entityRef}
            onPick={version =>
              navigate(apiPortalTabOf(entityRoute, version.entityRef))
            }
          />
          {detail.partnerFacing && (
            <Typography variant="caption">partner-facing</Typography>
          )}
          <Box flexGrow={1} />
          <ChangelogFeeds family={detail.name} label="Follow the changelog: " />
          {mayRefresh && (
            <Button size="small" onClick={refresh} disabled={refreshing}>
              Refresh
            </Button>
          )}
        </Box>
      </Grid>
      <Grid item xs={12}>
        {typeof definition === 'string' ||
        (definition && typeof definition === 'object') ? (
          <ApiReference
            definition={definition as string | object}
            apiDocsLink={
              <Link to={`${entityRoute(name)}/definition`}>
                Open in the Definition tab
              </Link>
            }
          />
        ) : (
          <InfoCard title="API reference">
            <EmptyState
              missing="field"
              title="This entity has no definition"
              description="Set spec.definition of the API entity, e.g. definition: $text: ./openapi.yaml."
            />
          </InfoCard>
        )}
      </Grid>
      {/* The SDK table has seven columns: it needs the full width. */}
      <Grid item xs={12}>
        <SdkCard entity={name} />
      </Grid>
      <Grid item xs={12}>
        <LintProblemsCard revisionId={current?.revision.id} />
      </Grid>
      <Grid item xs={12}>
        <ChangelogCard family={detail.name} />
      </Grid>
    </Grid>
  );
}
