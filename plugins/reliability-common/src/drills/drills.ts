/*
 * Disaster-recovery drill records: markdown files `docs/drills/<date>.md`
 * whose YAML front matter says what was disrupted, when service came back and
 * how fresh the restored data was. Achieved RTO and RPO follow from the times.
 */
import { InputError } from '@backstage/errors';
import { LineCounter, parseDocument } from 'yaml';

/** @public */
export const DISRUPTION_TYPES = [
  'zone',
  'region',
  'software',
  'data-corruption',
] as const;
/** @public */
export type DisruptionType = (typeof DISRUPTION_TYPES)[number];
/** @public */
export const DRILL_RESULTS = ['passed', 'failed', 'partial'] as const;

/** @public */
export type DrillRecord = {
  /** Where it came from: a file path or `push:<key>`. */
  source: string;
  entities: string[];
  scenario: string;
  disruptionType: DisruptionType;
  started: string;
  serviceRestored: string;
  dataFreshnessAtRestore: string;
  result: (typeof DRILL_RESULTS)[number];
  evidence: string[];
  notes?: string;
  /** serviceRestored − started */
  achievedRtoMinutes: number;
  /** started − dataFreshnessAtRestore */
  achievedRpoMinutes: number;
};

/** @public */
export type DrillProblem = {
  source: string;
  field: string;
  line?: number;
  message: string;
  /**
   * The entities the drill record names, when its entity list could be read;
   * absent for a record that names none readably (or a folder that cannot be
   * read). Readers see a problem only if they may read all of them.
   */
  entities?: string[];
};

/** RTO and RPO targets, in minutes. @public */
export type DrTargets = { rtoMinutes: number; rpoMinutes: number };

/** The defaults of the seed's acceptance: RTO 60 min, RPO 15 min. @public */
export const DEFAULT_DR_TARGETS: DrTargets = { rtoMinutes: 60, rpoMinutes: 15 };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const ENTITY_REF = /^[a-z0-9_.-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/i;

function minutesBetween(from: string, to: string) {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}

/**
 * Reads one drill record from markdown with YAML front matter, or from an
 * already parsed object (the push endpoint). Reports every problem, located.
 *
 * @public
 */
export function readDrillRecord(
  source: string,
  input: string | Record<string, unknown>,
): { drill?: DrillRecord; problems: DrillProblem[] } {
  const problems: DrillProblem[] = [];
  let data: Record<string, unknown>;
  let lineOf: (field: string) => number | undefined = () => undefined;
  if (typeof input === 'string') {
    const match = FRONT_MATTER.exec(input);
    if (!match) {
      return {
        problems: [
          {
            source,
            field: '',
            line: 1,
            message: 'no YAML front matter (--- at the top of the file)',
          },
        ],
      };
    }
    const lines = new LineCounter();
    const document = parseDocument(match[1], {
      lineCounter: lines,
      uniqueKeys: true,
    });
    if (document.errors.length > 0) {
      return {
        problems: [
          {
            source,
            field: '',
            message: `front matter is not valid YAML: ${
              document.errors[0].message.split('\n')[0]
            }`,
          },
        ],
      };
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      return {
        problems: [
          {
            source,
            field: '',
            message: `front matter is not usable: ${(error as Error).message}`,
          },
        ],
      };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return {
        problems: [
          {
            source,
            field: '',
            line: 2,
            message: 'front matter must be a map of fields',
          },
        ],
      };
    }
    data = value as Record<string, unknown>;
    // +1: the opening --- line
    lineOf = field => {
      const node = document.get(field, true) as
        | { range?: [number] }
        | undefined;
      return node?.range ? lines.linePos(node.range[0]).line + 1 : undefined;
    };
  } else {
    data = input;
  }
  const entities = data.entities;
  const named =
    Array.isArray(entities) &&
    entities.length > 0 &&
    entities.every(e => typeof e === 'string' && ENTITY_REF.test(e))
      ? (entities as string[]).map(e => e.toLocaleLowerCase('en-US'))
      : undefined;
  const report = (field: string, message: string) =>
    problems.push({
      source,
      field,
      ...(lineOf(field) !== undefined && { line: lineOf(field) }),
      message,
      ...(named && { entities: named }),
    });

  const timestamp = (field: string): string | undefined => {
    const value = data[field];
    const text = value instanceof Date ? value.toISOString() : value;
    if (
      typeof text !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T/.test(text) ||
      Number.isNaN(Date.parse(text))
    ) {
      report(
        field,
        `expected an ISO 8601 date-time, got ${
          JSON.stringify(value) ?? 'nothing'
        }`,
      );
      return undefined;
    }
    return new Date(text).toISOString();
  };

  if (!named) {
    report('entities', 'expected a list of entity refs (kind:namespace/name)');
  }
  const scenario = data.scenario;
  if (typeof scenario !== 'string' || scenario.trim() === '') {
    report('scenario', 'expected a description of the scenario');
  }
  const disruptionType = data.disruptionType as DisruptionType;
  if (!DISRUPTION_TYPES.includes(disruptionType)) {
    report(
      'disruptionType',
      `expected one of ${DISRUPTION_TYPES.join(', ')}, got ${JSON.stringify(
        data.disruptionType,
      )}`,
    );
  }
  const started = timestamp('started');
  const serviceRestored = timestamp('serviceRestored');
  const dataFreshnessAtRestore = timestamp('dataFreshnessAtRestore');
  if (
    started &&
    serviceRestored &&
    Date.parse(serviceRestored) < Date.parse(started)
  ) {
    report('serviceRestored', 'is before started');
  }
  if (
    started &&
    dataFreshnessAtRestore &&
    Date.parse(dataFreshnessAtRestore) > Date.parse(started)
  ) {
    report(
      'dataFreshnessAtRestore',
      'is after started: restored data cannot be newer than the disruption',
    );
  }
  const result = data.result as DrillRecord['result'];
  if (!DRILL_RESULTS.includes(result)) {
    report(
      'result',
      `expected one of ${DRILL_RESULTS.join(', ')}, got ${JSON.stringify(
        data.result,
      )}`,
    );
  }
  const evidence = data.evidence ?? [];
  if (!Array.isArray(evidence) || !evidence.every(e => typeof e === 'string')) {
    report('evidence', 'expected a list of links');
  }
  if (data.notes !== undefined && typeof data.notes !== 'string') {
    report('notes', 'expected text');
  }
  if (problems.length > 0) {
    return { problems };
  }
  return {
    drill: {
      source,
      entities: named!,
      scenario: (scenario as string).trim(),
      disruptionType,
      started: started!,
      serviceRestored: serviceRestored!,
      dataFreshnessAtRestore: dataFreshnessAtRestore!,
      result,
      evidence: evidence as string[],
      ...(typeof data.notes === 'string' && { notes: data.notes.trim() }),
      achievedRtoMinutes: minutesBetween(started!, serviceRestored!),
      achievedRpoMinutes: minutesBetween(dataFreshnessAtRestore!, started!),
    },
    problems,
  };
}

/** A drill held against its targets. @public */
export type DrillJudgement = {
  rtoMet: boolean;
  rpoMet: boolean;
  targets: DrTargets;
};

/** @public */
export function judgeDrill(
  drill: DrillRecord,
  targets: DrTargets = DEFAULT_DR_TARGETS,
): DrillJudgement {
  return {
    rtoMet: drill.achievedRtoMinutes <= targets.rtoMinutes,
    rpoMet: drill.achievedRpoMinutes <= targets.rpoMinutes,
    targets,
  };
}

/** When the next drill of an entity is due. @public */
export type DrillCadence = {
  lastDrill?: string;
  nextDue: string;
  overdue: boolean;
  /** Whole days past due; 0 when not overdue. */
  daysOverdue: number;
};

/**
 * Drills are due every `everyDays` (monthly: 30) after the last one; an
 * entity never drilled is due now.
 *
 * @public
 */
export function drillCadence(
  drills: Array<Pick<DrillRecord, 'started'>>,
  now: Date,
  everyDays = 30,
): DrillCadence {
  const last = drills
    .map(d => d.started)
    .sort()
    .at(-1);
  const due = last ? Date.parse(last) + everyDays * 86_400_000 : now.getTime();
  const late = now.getTime() - due;
  return {
    ...(last && { lastDrill: last }),
    nextDue: new Date(due).toISOString(),
    overdue: late > 0,
    daysOverdue: late > 0 ? Math.floor(late / 86_400_000) : 0,
  };
}

/**
 * A drill as a reader sees it: the entities they may not read are left out
 * of `entities` and only counted.
 *
 * @public
 */
export type DrillView = DrillRecord &
  DrillJudgement & {
    /** How many entities the drill names that are not shown; absent when none. */
    entitiesNotShown?: number;
  };

/** An entity's drills judged against its targets, with the cadence. @public */
export type EntityDrills = {
  entityRef: string;
  targets: Record<DisruptionType | 'default', DrTargets>;
  /**
   * Newest first, from drill files and from the push endpoint. `notes` are
   * shown to readers with `reliability.drill.details.read` only.
   */
  drills: DrillView[];
  cadence: DrillCadence;
  /**
   * Problems of the drill records and of the entity's targets annotation:
   * those about entities the reader may all read, and, for readers with
   * `reliability.drill.details.read`, those of records that name none.
   */
  problems: DrillProblem[];
};

const MAX_PUSH_KEY = 255;

/**
 * Checks a drill pushed by a restore-drill pipeline, `{ idempotencyKey,
 * drill }` where `drill` has the fields of a drill file's front matter.
 * Throws an `InputError` naming the first wrong field.
 *
 * @public
 */
export function validateDrillPublication(input: unknown): {
  idempotencyKey: string;
  drill: DrillRecord;
} {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError('/: expected { idempotencyKey, drill }');
  }
  const { idempotencyKey, drill, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) {
    throw new InputError(
      `/${extra}: unknown field; expected idempotencyKey, drill`,
    );
  }
  if (
    typeof idempotencyKey !== 'string' ||
    idempotencyKey.trim() === '' ||
    idempotencyKey.length > MAX_PUSH_KEY
  ) {
    throw new InputError(
      `/idempotencyKey: expected a non-empty string of at most ${MAX_PUSH_KEY} characters`,
    );
  }
  if (typeof drill !== 'object' || drill === null || Array.isArray(drill)) {
    throw new InputError('/drill: expected an object with the drill fields');
  }
  const known = [
    'entities',
    'scenario',
    'disruptionType',
    'started',
    'serviceRestored',
    'dataFreshnessAtRestore',
    'result',
    'evidence',
    'notes',
  ];
  const unknown = Object.keys(drill).find(key => !known.includes(key));
  if (unknown !== undefined) {
    throw new InputError(`/drill/${unknown}: unknown field`);
  }
  const key = idempotencyKey.trim();
  const read = readDrillRecord(`push:${key}`, drill as Record<string, unknown>);
  if (!read.drill) {
    const first = read.problems[0];
    throw new InputError(`/drill/${first.field}: ${first.message}`);
  }
  return { idempotencyKey: key, drill: read.drill };
}
