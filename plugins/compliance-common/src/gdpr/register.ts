import { DataFileProblem } from '@readiness/data-files';
import { GdprFinding, ProcessingRecord } from './types';

/**
 * How a flow between two entities is known: from a catalog relation, or
 * declared in the sending entity's record.
 *
 * @public
 */
export type DataFlowSource = 'catalog' | 'declared';

/**
 * A flow of data between two catalog entities. Catalog flows follow
 * `dependsOn` (to the dependency) and `consumesApi` (from the consumer to
 * the API's provider, or to the API when the catalog knows no provider);
 * declared flows carry the personal data categories their record names.
 *
 * @public
 */
export type DataFlow = {
  from: string;
  to: string;
  source: DataFlowSource;
  /** For catalog flows: the relation of the sender that gives the flow. */
  relation?: 'dependsOn' | 'consumesApi';
  /** For flows through an API: the API entity. */
  api?: string;
  /** For declared flows: the categories sent. */
  categories?: string[];
  channel?: string;
  purpose?: string;
};

/**
 * The GDPR record of one catalog entity: the file its annotation names, the
 * record as read (absent when the file does not read), the file's problems,
 * the record's findings and the flows of data in and out of the entity.
 *
 * @public
 */
export type EntityGdprRecord = {
  entityRef: string;
  title: string;
  /** The annotation's value; absent when the entity has no record. */
  file?: string;
  record?: ProcessingRecord;
  problems: DataFileProblem[];
  findings: GdprFinding[];
  flows: { in: DataFlow[]; out: DataFlow[] };
  /** When the catalog and the record files were read. */
  catalogAsOf: string;
};

/**
 * One entity of the register: its record, problems and findings.
 *
 * @public
 */
export type GdprRegisterEntry = {
  entityRef: string;
  title: string;
  /** The entity ref of its owner; empty without one. */
  owner: string;
  file: string;
  record?: ProcessingRecord;
  problems: DataFileProblem[];
  findings: GdprFinding[];
};

/**
 * The records of processing of every entity the caller may read (GDPR
 * Article 30), sorted by entity ref.
 *
 * @public
 */
export type GdprRegister = {
  asOf: string;
  catalogAsOf: string;
  entries: GdprRegisterEntry[];
};
