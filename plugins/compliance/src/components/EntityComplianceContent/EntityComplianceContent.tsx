import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  complianceEvidenceFilePermission,
  complianceEvidenceWithdrawPermission,
  EvidenceItem,
} from '@readiness/plugin-compliance-common';
import { useEntityName } from '@readiness/portal-react';
import Grid from '@material-ui/core/Grid';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../../api';
import { NoControlsApply } from '../EntityComplianceSummaryCard/EntityComplianceSummaryCard';
import { isForbidden, RecordErrorPanel } from '../RecordErrorPanel';
import { ControlsCard } from './ControlsCard';
import { EvidenceCard } from './EvidenceCard';
import { FileEvidenceDialog } from './FileEvidenceDialog';
import { useEvidencePages } from './useEvidencePages';
import { WithdrawEvidenceDialog } from './WithdrawEvidenceDialog';

const PAGE_SIZE = 50;

/**
 * The compliance record of an entity: the controls that apply to it with
 * their state, grouped by framework, each with its evidence timeline, and
 * the entity's evidence. Readers who may file or withdraw evidence for the
 * entity get the forms to do so (the backend checks again).
 *
 * @public
 */
export function EntityComplianceContent() {
  const { entity: pageEntity } = useEntity();
  const entity = useEntityName();
  const entityRef = stringifyEntityRef(pageEntity);
  const api = useApi(complianceApiRef);
  const record = useAsyncRetry(
    () => api.getEntityControls(entity),
    [api, entity],
  );
  const evidence = useEvidencePages(entity, PAGE_SIZE);
  const { allowed: mayFile } = usePermission({
    permission: complianceEvidenceFilePermission,
    resourceRef: entityRef,
  });
  const { allowed: mayWithdraw } = usePermission({
    permission: complianceEvidenceWithdrawPermission,
    resourceRef: entityRef,
  });
  const [filingFor, setFilingFor] = useState<string[]>();
  const [withdrawing, setWithdrawing] = useState<EvidenceItem>();

  const changed = () => {
    setFilingFor(undefined);
    setWithdrawing(undefined);
    record.retry();
    evidence.reload();
  };

  // A first read only: a reload after a filing keeps the page in place
  if (record.loading && !record.value) {
    return <Progress />;
  }
  if (record.error && isForbidden(record.error)) {
    return <RecordErrorPanel error={record.error} />;
  }
  if (!record.value) {
    return (
      <InfoCard title="Controls">
        <RecordErrorPanel
          error={record.error ?? new Error('No compliance record was returned')}
          what="controls"
        />
      </InfoCard>
    );
  }
  const onWithdraw = mayWithdraw ? setWithdrawing : undefined;
  const applicable = record.value.controls.filter(
    c => c.state !== 'not-applicable',
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {record.value.controls.length === 0 ? (
          <InfoCard title="Controls">
            <NoControlsApply />
          </InfoCard>
        ) : (
          <ControlsCard
            record={record.value}
            evidence={evidence}
            onFile={mayFile && applicable.length > 0 ? setFilingFor : undefined}
            onWithdraw={onWithdraw}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <EvidenceCard evidence={evidence} onWithdraw={onWithdraw} />
      </Grid>
      {filingFor && (
        <FileEvidenceDialog
          entityRef={entityRef}
          controls={applicable}
          initialControls={filingFor}
          onClose={() => setFilingFor(undefined)}
          onFiled={changed}
        />
      )}
      {withdrawing && (
        <WithdrawEvidenceDialog
          item={withdrawing}
          onClose={() => setWithdrawing(undefined)}
          onWithdrawn={changed}
        />
      )}
    </Grid>
  );
}
