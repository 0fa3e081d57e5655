import {
  ReliabilityPublications,
  ReliabilityPublicationSource,
} from '@readiness/plugin-reliability-node';
import { BackupService } from './BackupService';
import { DrillService } from './DrillService';
import { GateService } from './GateService';
import { PerfRunService } from './PerfRunService';

/** The publication sources added by modules, by name. */
export class PublicationSourceRegistry {
  private readonly sources = new Map<string, ReliabilityPublicationSource>();

  add(source: ReliabilityPublicationSource) {
    if (this.sources.has(source.name)) {
      throw new Error(
        `A reliability publication source named ${source.name} was added twice`,
      );
    }
    this.sources.set(source.name, source);
  }

  /** Hands every source the services, one after the other. */
  async connectAll(publications: ReliabilityPublications) {
    for (const source of this.sources.values()) {
      await source.connect(publications);
    }
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
