import { ConnectedSourceRegistry } from '@readiness/backend-http-utils';
import { ReliabilityPublications } from '@readiness/plugin-reliability-node';
import { BackupService } from './BackupService';
import { DrillService } from './DrillService';
import { GateService } from './GateService';
import { PerfRunService } from './PerfRunService';

/** The publication sources added by modules, by name. */
export class PublicationSourceRegistry extends ConnectedSourceRegistry<ReliabilityPublications> {
  constructor() {
    super('A reliability publication source');
  }
}

/**
 * The services the HTTP API publishes through (the authorizing ones), as
 * publication sources see them.
 */
export function publicationsOf(services: {
  perfRuns: PerfRunService;
  drills: DrillService;
  backups: BackupService;
  gates: GateService;
}): ReliabilityPublications {
  const { perfRuns, drills, backups, gates } = services;
  return {
    publishRun: (request, options) => perfRuns.publishRun(request, options),
    listRuns: (filter, page, options) =>
      perfRuns.listRuns(filter, page, options),
    pinBaseline: (runId, options) => perfRuns.pinBaseline(runId, options),
    publishDrill: (body, options) => drills.publishDrill(body, options),
    publishVerification: (body, options) =>
      backups.publishVerification(body, options),
    recordGateVerdict: (entityRef, body, options) =>
      gates.record(entityRef, body, options),
    listGateVerdicts: (entityRef, query, options) =>
      gates.history(entityRef, query, options),
  };
}
