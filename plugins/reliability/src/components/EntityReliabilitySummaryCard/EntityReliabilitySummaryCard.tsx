import { ReactNode } from 'react';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EntityBackups,
  EntityDrills,
  EntitySlos,
  isSampleDrill,
  isSampleKey,
  isSampleRelease,
  KeptGateVerdict,
  OPENSLO_ANNOTATION,
  Page,
} from '@readiness/plugin-reliability-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  plural,
  SampleDataTitle,
  useEntityName,
} from '@readiness/portal-react';
import { reliabilityApiRef } from '../../api';
import { cadenceText } from '../DisasterRecovery/DrTimelineCard';
import { formatDateTime } from '../format';
import { GateStatusChip } from '../Gates/GateVerdictsCard';
import { INTERNAL_RECORD_TITLE, isForbidden } from '../RecordErrorPanel';
import { StatusChip, StatusTone } from '../StatusChip';

const useStyles = makeStyles((theme: Theme) => ({
  icon: { minWidth: 112, marginRight: theme.spacing(1) },
}));

/** One answer of the four the card asks for: each may fail on its own. */
export type Part<T> =
  | { value: T; error?: undefined }
  | { value?: undefined; error: Error };

function partOf<T>(result: PromiseSettledResult<T>): Part<T> {
  if (result.status === 'fulfilled') return { value: result.value };
  const reason: unknown = result.reason;
  return {
    error: reason instanceof Error ? reason : new Error(String(reason)),
  };
}

type Line = {
  label: string;
  chip: ReactNode;
  detail: string;
};

function unreadable(label: string, error: Error): Line {
  return {
    label,
    chip: <StatusChip tone="neutral" label="unavailable" />,
    detail: isForbidden(error) ? 'Not published to you' : error.message,
  };
}

function sloLine(part: Part<EntitySlos>): Line {
  const label = 'SLOs';
  if (part.error) return unreadable(label, part.error);
  const statuses = part.value.slos.flatMap(slo =>
    slo.objectives.map((_, i) => slo.latest?.objectives[i]?.status),
  );
  if (statuses.length === 0) {
    return {
      label,
      chip: <StatusChip tone="neutral" label="none" />,
      detail: `No objectives: add the ${OPENSLO_ANNOTATION} annotation`,
    };
  }
  const met = statuses.filter(s => s === 'met').length;
  const missed = statuses.filter(s => s === 'missed').length;
  const other = statuses.length - met - missed;
  if (met + missed === 0) {
    return {
      label,
      chip: <StatusChip tone="neutral" label="no data" />,
      detail: `${plural(
        statuses.length,
        'objective',
      )}, none judged yet: publish perf runs`,
    };
  }
  let tone: StatusTone = 'ok';
  if (missed > 0) tone = 'error';
  else if (other > 0) tone = 'warning';
  return {
    label,
    chip: <StatusChip tone={tone} label={`${met} met, ${missed} missed`} />,
    detail: `${plural(statuses.length, 'objective')} on the newest runs${
      other > 0 ? `; ${other} without data` : ''
    }`,
  };
}

function gateLine(part: Part<Page<KeptGateVerdict>>): Line {
  const label = 'Release gate';
  if (part.error) return unreadable(label, part.error);
  const newest = part.value.items[0];
  if (!newest) {
    return {
      label,
      chip: <StatusChip tone="neutral" label="none" />,
      detail: 'No gate decision yet: CI asks with readiness-ci gate',
    };
  }
  return {
    label,
    chip: <GateStatusChip status={newest.status} />,
    detail: `${newest.release} in ${newest.environment}, ${formatDateTime(
      newest.decidedAt,
    )}`,
  };
}

function drillLine(part: Part<EntityDrills>): Line {
  const label = 'DR drills';
  if (part.error) return unreadable(label, part.error);
  const { cadence, drills } = part.value;
  const missed = drills.filter(d => !d.rtoMet || !d.rpoMet).length;
  let chip = <StatusChip tone="ok" label="on schedule" />;
  if (cadence.overdue) {
    chip = <StatusChip tone="warning" label="overdue" />;
  } else if (!cadence.lastDrill) {
    chip = <StatusChip tone="neutral" label="none" />;
  }
  return {
    label,
    chip,
    detail: `${cadenceText(cadence)}${
      missed > 0 ? `; ${plural(missed, 'drill')} missed a target` : ''
    }`,
  };
}

function backupLine(part: Part<EntityBackups>): Line {
  const label = 'Backups';
  if (part.error) return unreadable(label, part.error);
  const { kinds } = part.value;
  if (kinds.length === 0) {
    return {
      label,
      chip: <StatusChip tone="neutral" label="none" />,
      detail: 'No verification pushed yet',
    };
  }
  const failed = kinds.filter(k => k.status === 'failed').map(k => k.kind);
  const stale = kinds.filter(k => k.status === 'stale').map(k => k.kind);
  if (failed.length > 0) {
    return {
      label,
      chip: <StatusChip tone="error" label="failed" />,
      detail: `Failed: ${failed.join(', ')}`,
    };
  }
  if (stale.length > 0) {
    return {
      label,
      chip: <StatusChip tone="warning" label="stale" />,
      detail: `Stale: ${stale.join(', ')}`,
    };
  }
  return {
    label,
    chip: <StatusChip tone="ok" label="verified" />,
    detail: `${kinds.map(k => k.kind).join(', ')} verified`,
  };
}

/** Whether any answer the card summarises holds sample data. */
function hasSampleData(parts: {
  slos: Part<EntitySlos>;
  gates: Part<Page<KeptGateVerdict>>;
  drills: Part<EntityDrills>;
  backups: Part<EntityBackups>;
}): boolean {
  const { slos, gates, drills, backups } = parts;
  return (
    (slos.value?.slos.some(slo => isSampleRelease(slo.latest?.release)) ??
      false) ||
    isSampleRelease(gates.value?.items[0]?.release) ||
    (drills.value?.drills.some(isSampleDrill) ?? false) ||
    (backups.value?.kinds.some(k => isSampleKey(k.latest.idempotencyKey)) ??
      false)
  );
}

/**
 * The reliability record at a glance, for the entity's overview: SLOs met
 * and missed, the newest gate verdict, the drill cadence and the backups.
 */
export function EntityReliabilitySummaryCard() {
  const classes = useStyles();
  const { entity: pageEntity } = useEntity();
  const entityLink = useEntityRefLink();
  const entity = useEntityName();
  const api = useApi(reliabilityApiRef);
  const { value, loading } = useAsync(async () => {
    const [slos, gates, drills, backups] = await Promise.allSettled([
      api.getEntitySlos(entity),
      api.listGateVerdicts(entity, { limit: 1 }),
      api.getEntityDrills(entity),
      api.getEntityBackups(entity),
    ]);
    return {
      slos: partOf(slos),
      gates: partOf(gates),
      drills: partOf(drills),
      backups: partOf(backups),
    };
  }, [api, entity]);

  const title = 'Reliability';
  const deepLink = {
    title: 'Open the reliability record',
    link: `${entityLink(pageEntity)}/reliability`,
  };
  if (loading || !value) {
    return (
      <InfoCard title={title} variant="gridItem">
        <Progress />
      </InfoCard>
    );
  }
  const parts = [value.slos, value.gates, value.drills, value.backups];
  if (parts.every(part => part.error && isForbidden(part.error))) {
    return (
      <InfoCard title={title} variant="gridItem">
        <EmptyState
          missing="info"
          title={INTERNAL_RECORD_TITLE}
          description="The SLOs, gates, drills and backups of this entity are not published to you."
        />
      </InfoCard>
    );
  }
  const lines = [
    sloLine(value.slos),
    gateLine(value.gates),
    drillLine(value.drills),
    backupLine(value.backups),
  ];
  return (
    <InfoCard
      title={
        <SampleDataTitle
          title={title}
          sample={hasSampleData(value)}
          what="Some of what this summarises is"
        />
      }
      variant="gridItem"
      deepLink={deepLink}
    >
      <List dense disablePadding aria-label="Reliability summary">
        {lines.map(line => (
          <ListItem key={line.label} disableGutters>
            <ListItemIcon className={classes.icon}>
              <>{line.chip}</>
            </ListItemIcon>
            <ListItemText primary={line.label} secondary={line.detail} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
