import { useMemo, useState } from 'react';
import {
  Content,
  ContentHeader,
  EmptyState,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Chip,
  FormControlLabel,
  MenuItem,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import { plural } from '@readiness/portal-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiPortalApiRef } from '../../api';
import { DOCS } from '../docs';
import { PortalErrorPanel } from '../EntityApiPortal/PortalErrorPanel';
import { ChangelogFeeds, Feeds } from '../Feeds';
import { lintTotals } from '../format';
import { apiPortalTabOf } from '../paths';
import { DownloadsCell } from './DownloadsCell';
import {
  Audience,
  FamilyFilter,
  FamilyRow,
  loadFamilyRows,
  matchesFilter,
  NO_FILTER,
  ROW_ORDER,
} from './familyRows';

function FamilyFilters(props: {
  filter: FamilyFilter;
  onChange: (filter: FamilyFilter) => void;
}) {
  const { filter, onChange } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={2}
      style={{ gap: 16 }}
    >
      <TextField
        id="api-families-search"
        label="Search by name"
        size="small"
        variant="outlined"
        value={filter.search}
        onChange={e => onChange({ ...filter, search: e.target.value })}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.breakingOnly}
            onChange={e =>
              onChange({ ...filter, breakingOnly: e.target.checked })
            }
          />
        }
        label="Breaking in 30 days only"
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.lintErrorsOnly}
            onChange={e =>
              onChange({ ...filter, lintErrorsOnly: e.target.checked })
            }
          />
        }
        label="Has lint errors"
      />
      <TextField
        id="api-families-audience"
        select
        label="Audience"
        size="small"
        variant="outlined"
        value={filter.audience}
        style={{ minWidth: 160 }}
        onChange={e =>
          onChange({ ...filter, audience: e.target.value as Audience })
        }
      >
        <MenuItem value="all">All</MenuItem>
        <MenuItem value="partner">Partner-facing</MenuItem>
        <MenuItem value="internal">Internal</MenuItem>
      </TextField>
    </Box>
  );
}

/**
 * The table's columns. A partner's download counts cover their own
 * organisation's downloads only (`ownOrganisation`), and say so.
 */
function useColumns(ownOrganisation: boolean): TableColumn<FamilyRow>[] {
  const entityRoute = useRouteRef(entityRouteRef);
  return useMemo(
    () => [
      {
        title: 'Family',
        field: 'name',
        defaultSort: 'asc',
        customSort: ROW_ORDER.name,
        render: ({ family }) =>
          family.latestEntityRef ? (
            <Link to={apiPortalTabOf(entityRoute, family.latestEntityRef)}>
              {family.name}
            </Link>
          ) : (
            family.name
          ),
      },
      {
        title: 'Latest version',
        field: 'latestVersion',
        customSort: ROW_ORDER.latestVersion,
        render: ({ family }) => family.latestVersion ?? '—',
      },
      {
        title: 'Versions',
        field: 'versionsCount',
        type: 'numeric',
        customSort: ROW_ORDER.versionsCount,
        render: ({ family }) => family.versionsCount,
      },
      {
        title: 'Audience',
        field: 'partnerFacing',
        customSort: ROW_ORDER.partnerFacing,
        render: ({ family }) =>
          family.partnerFacing ? (
            <Chip size="small" color="primary" label="partner-facing" />
          ) : (
            <Chip size="small" variant="outlined" label="internal" />
          ),
      },
      {
        title: 'Lint (latest)',
        field: 'lint',
        customSort: ROW_ORDER.lint,
        render: ({ family }) => lintTotals(family.lint),
      },
      {
        title: 'Breaking (30 days)',
        field: 'breaking',
        customSort: ROW_ORDER.breaking,
        render: ({ family }) =>
          family.breakingChangesLast30Days > 0 ? (
            <Chip
              size="small"
              color="secondary"
              label={plural(
                family.breakingChangesLast30Days,
                'breaking change',
              )}
            />
          ) : (
            'none'
          ),
      },
      {
        title: ownOrganisation
          ? "Your organisation's SDK downloads (30 days)"
          : 'SDK downloads (30 days)',
        field: 'downloads',
        customSort: ROW_ORDER.downloads,
        render: row => (
          <DownloadsCell family={row.family} total={row.downloads} />
        ),
      },
      {
        title: 'Feeds',
        sorting: false,
        render: row => <Feeds feeds={row.feeds} />,
      },
    ],
    [entityRoute, ownOrganisation],
  );
}

/**
 * Every API family at a glance: latest version, lint, recent breaking
 * changes and SDK downloads, with filters for the families that need work.
 */
export function ApisReadinessContent() {
  const api = useApi(apiPortalApiRef);
  const state = useAsyncRetry(() => loadFamilyRows(api), [api]);
  const [filter, setFilter] = useState<FamilyFilter>(NO_FILTER);
  const columns = useColumns(
    (state.value ?? []).some(
      row => row.family.sdkDownloadsScope === 'organisation',
    ),
  );
  const rows = useMemo(
    () => (state.value ?? []).filter(row => matchesFilter(row, filter)),
    [state.value, filter],
  );

  let body;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = <PortalErrorPanel error={state.error} what="API families" />;
  } else if (!state.value || state.value.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No API families collected yet"
        description="The api-portal backend collects API entities that have spec.definition on a schedule (apiPortal.collection.frequency, every 10 minutes by default) and groups them into families. Add spec.definition to your API entities, or wait for the next pass."
        action={
          <Button variant="outlined" color="primary" href={DOCS.collection}>
            How collection works
          </Button>
        }
      />
    );
  } else {
    body = (
      <>
        <FamilyFilters filter={filter} onChange={setFilter} />
        <Table<FamilyRow>
          title={`${plural(rows.length, 'family', 'families')} of ${
            state.value.length
          }`}
          options={{
            paging: true,
            pageSize: 20,
            pageSizeOptions: [20, 50, 100],
            search: false,
            draggable: false,
            padding: 'dense',
          }}
          columns={columns}
          data={rows}
          emptyContent={
            <Box p={2}>
              <Typography>No family matches the filters.</Typography>
            </Box>
          }
        />
      </>
    );
  }

  return (
    <Content>
      <ContentHeader title="API families">
        <ChangelogFeeds label="Every family's changelog: " />
      </ContentHeader>
      {body}
    </Content>
  );
}
