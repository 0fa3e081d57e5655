import { useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { fetchApiRef, useApi } from '@backstage/core-plugin-api';
import { Box, Button, Chip, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  ApiPortalEntityName,
  EntitySdk,
  EntitySdks,
} from '@readiness/plugin-api-portal-common';
import { formatBytes, SampleDataTitle } from '@readiness/portal-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiPortalApiRef } from '../../api';
import { PortalErrorPanel } from './PortalErrorPanel';

const STATUS_COLORS: Record<
  EntitySdk['status'],
  'primary' | 'secondary' | 'default'
> = {
  ready: 'primary',
  failed: 'secondary',
  pending: 'default',
  building: 'default',
};

/** Saves a fetched body under the given file name. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

function DownloadButton(props: {
  entity: ApiPortalEntityName;
  sdk: EntitySdk;
  onDownloaded: () => void;
}) {
  const api = useApi(apiPortalApiRef);
  const fetchApi = useApi(fetchApiRef);
  const { entity, sdk, onDownloaded } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // fetchApi adds the Backstage token a plain link would not carry.
      const url = await api.getSdkDownloadUrl(entity, sdk.language);
      const response = await fetchApi.fetch(url);
      if (!response.ok) {
        throw new Error(
          `Download failed: ${response.status} ${response.statusText}`,
        );
      }
      saveBlob(await response.blob(), sdk.fileName);
      onDownloaded();
    } catch (e) {
      setError(String((e as Error).message ?? e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<GetAppIcon />}
        disabled={sdk.status !== 'ready' || busy}
        onClick={download}
        aria-label={`Download ${sdk.displayName} SDK`}
      >
        Download
      </Button>
      {error && (
        <Typography color="error" variant="caption" display="block">
          {error}
        </Typography>
      )}
    </>
  );
}

/** The SDKs built from the entity's definition, with how to install them. */
export function SdkTable(props: {
  entity: ApiPortalEntityName;
  sdks: EntitySdks;
  onDownloaded: () => void;
}) {
  const { entity, sdks, onDownloaded } = props;
  // Partners are counted their own organisation's downloads only
  const ownOrganisation = sdks.sdks.some(
    sdk => sdk.downloads.scope === 'organisation',
  );
  const columns: TableColumn<EntitySdk>[] = [
    { title: 'Language', field: 'displayName' },
    { title: 'Version', render: () => sdks.version },
    { title: 'Size', render: sdk => formatBytes(sdk.sizeBytes) },
    {
      title: 'Status',
      render: sdk => (
        <Chip
          size="small"
          label={sdk.status}
          color={STATUS_COLORS[sdk.status]}
        />
      ),
    },
    {
      title: 'Install and use',
      // Install commands are long; the other columns are short.
      cellStyle: { minWidth: 360 },
      render: sdk => {
        const text = [sdk.install, sdk.usage].filter(Boolean).join('\n');
        return text ? (
          <Box
            component="pre"
            m={0}
            fontFamily="monospace"
            fontSize="0.8rem"
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {text}
          </Box>
        ) : (
          '—'
        );
      },
    },
    {
      title: ownOrganisation ? "Your organisation's downloads" : 'Downloads',
      // The card's title marks sample data; each count says how much of it is
      render: sdk => (
        <Box style={{ whiteSpace: 'nowrap' }}>
          {sdk.downloads.total}
          {!!sdk.downloads.sample && (
            <Typography variant="caption" display="block" color="textSecondary">
              {sdk.downloads.sample} sample
            </Typography>
          )}
        </Box>
      ),
    },
    {
      title: '',
      render: sdk => (
        <DownloadButton entity={entity} sdk={sdk} onDownloaded={onDownloaded} />
      ),
    },
  ];
  return (
    <Table
      options={{
        paging: false,
        sorting: false,
        draggable: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns}
      data={sdks.sdks}
    />
  );
}

/** The SDK panel of an API entity. */
export function SdkCard(props: { entity: ApiPortalEntityName }) {
  const api = useApi(apiPortalApiRef);
  const { entity } = props;
  const state = useAsyncRetry(
    () => api.listEntitySdks(entity),
    [api, entity.kind, entity.namespace, entity.name],
  );
  let content;
  if (state.loading && !state.value) {
    content = <Progress />;
  } else if (state.error) {
    content = <PortalErrorPanel error={state.error} what="SDKs" />;
  } else if (!state.value || state.value.sdks.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No SDKs for this API yet"
        description="SDKs are built from OpenAPI definitions after the api-portal backend collects them (api-portal.sdk.buildAfterCollection); a definition that cannot be read gets none."
      />
    );
  } else {
    content = (
      <SdkTable entity={entity} sdks={state.value} onDownloaded={state.retry} />
    );
  }
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title="SDKs"
          sample={!!state.value?.sdks.some(sdk => sdk.downloads.sample)}
          what="Some of these downloads are"
        />
      }
    >
      {content}
    </InfoCard>
  );
}
