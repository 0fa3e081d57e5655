/*
 * Reads OpenSLO v1 files (single documents, multi-document files and YAML
 * lists) into SLOs with their indicators resolved, and reports every problem
 * with its file, document, JSON pointer and line, never throwing: one bad
 * document must not hide the others.
 */
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { isObject, pointer } from '../json';
import {
  OpenSloIndicator,
  OpenSloMetricSource,
  OpenSloObjective,
  OpenSloObjectiveSet,
  OpenSloProblem,
  OpenSloSet,
  OpenSloTimeWindow,
} from './types';

type Json = Record<string, unknown>;
type RefKind = keyof OpenSloSet['names'];

const API_VERSION = 'openslo/v1';
const KINDS = [
  'SLO',
  'SLI',
  'Service',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'DataSource',
] as const;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DURATION = /^\d+[smhdwMQY]$/;
const OPERATORS = ['lt', 'lte', 'gt', 'gte'];
const BUDGETING = ['Occurrences', 'Timeslices', 'RatioTimeslices'];
const SPEC_FIELDS: Record<(typeof KINDS)[number], string[]> = {
  Service: ['description'],
  SLI: ['description', 'thresholdMetric', 'ratioMetric'],
  SLO: [
    'description',
    'service',
    'indicator',
    'indicatorRef',
    'timeWindow',
    'budgetingMethod',
    'objectives',
    'alertPolicies',
  ],
  AlertPolicy: [
    'description',
    'alertWhenNoData',
    'alertWhenResolved',
    'alertWhenBreaching',
    'conditions',
    'notificationTargets',
  ],
  AlertCondition: ['description', 'severity', 'condition'],
  AlertNotificationTarget: ['description', 'target'],
  DataSource: ['description', 'type', 'connectionDetails'],
};
const METADATA_FIELDS = ['name', 'displayName', 'labels', 'annotations'];

/** Reports problems of one document, locating them in the YAML source. */
class DocumentContext {
  kind?: string;
  name?: string;

  constructor(
    private readonly file: string,
    private readonly index: number,
    private readonly yamlDocument: Document,
    private readonly nodePrefix: Array<string | number>,
    private readonly lines: LineCounter,
    private readonly problems: OpenSloProblem[],
  ) {}

  get source() {
    return `${this.file}#${this.index}`;
  }

  report(path: Array<string | number>, message: string) {
    let line: number | undefined;
    for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
      const node = this.yamlDocument.getIn(
        [...this.nodePrefix, ...path.slice(0, depth)],
        true,
      ) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        line = this.lines.linePos(node.range[0]).line;
      }
    }
    this.problems.push({
      file: this.file,
      document: this.index,
      ...(this.kind && { kind: this.kind }),
      ...(this.name && { name: this.name }),
      path: pointer(...path),
      ...(line !== undefined && { line }),
      message,
    });
  }

  /** Reports fields a schema does not know. */
  known(value: Json, fields: string[], path: Array<string | number>) {
    for (const key of Object.keys(value)) {
      if (!fields.includes(key)) {
        this.report([...path, key], `unknown field "${key}"`);
      }
    }
  }

  string(value: unknown, path: Array<string | number>, required = true) {
    if (value === undefined || value === null) {
      if (required) this.report(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(path, 'expected a non-empty string');
      return undefined;
    }
    return value;
  }

  fraction(value: unknown, path: Array<string | number>) {
    if (typeof value !== 'number' || !(value > 0 && value < 1)) {
      this.report(
        path,
        `expected a number between 0 and 1, got ${JSON.stringify(value)}`,
      );
      return undefined;
    }
    return value;
  }

  duration(value: unknown, path: Array<string | number>) {
    if (typeof value !== 'string' || !DURATION.test(value)) {
      this.report(
        path,
        `expected a duration like 30s, 5m, 1h, 28d, 1w, 1M, 1Q or 1Y, got ${JSON.stringify(
          value,
        )}`,
      );
      return undefined;
    }
    return value;
  }
}

type Reference = {
  kind: RefKind;
  name: string;
  at: Array<string | number>;
  ctx: DocumentContext;
};

class Reader {
  readonly problems: OpenSloProblem[] = [];
  readonly slos: Array<{ slo: OpenSloObjectiveSet; indicatorRef?: string }> =
    [];
  readonly services: OpenSloSet['services'] = [];
  readonly names: OpenSloSet['names'] = {
    SLI: [],
    AlertPolicy: [],
    AlertCondition: [],
    AlertNotificationTarget: [],
    DataSource: [],
  };
  readonly indicators = new Map<string, OpenSloIndicator>();
  readonly references: Reference[] = [];

  metricSource(
    ctx: DocumentContext,
    raw: unknown,
    path: Array<string | number>,
  ): OpenSloMetricSource | undefined {
    if (!isObject(raw) || !isObject(raw.metricSource)) {
      ctx.report([...path, 'metricSource'], 'is required');
      return undefined;
    }
    const source = raw.metricSource;
    const at = [...path, 'metricSource'];
    ctx.known(source, ['metricSourceRef', 'type', 'spec'], at);
    const type = ctx.string(source.type, [...at, 'type'], false);
    const ref = ctx.string(
      source.metricSourceRef,
      [...at, 'metricSourceRef'],
      false,
    );
    if (!type && !ref) {
      ctx.report(at, 'needs a type or a metricSourceRef');
    }
    if (ref && !type) {
      this.references.push({
        kind: 'DataSource',
        name: ref,
        at: [...at, 'metricSourceRef'],
        ctx,
      });
    }
    if (source.spec !== undefined && !isObject(source.spec)) {
      ctx.report([...at, 'spec'], 'expected an object');
    }
    return {
      ...(type && { type }),
      ...(ref && { ref }),
      spec: isObject(source.spec) ? source.spec : {},
    };
  }

  indicator(
    ctx: DocumentContext,
    spec: Json,
    path: Array<string | number>,
  ): OpenSloIndicator | undefined {
    const threshold = spec.thresholdMetric;
    const ratio = spec.ratioMetric;
    if ((threshold === undefined) === (ratio === undefined)) {
      ctx.report(path, 'needs exactly one of thresholdMetric and ratioMetric');
      return undefined;
    }
    if (threshold !== undefined) {
      const at = [...path, 'thresholdMetric'];
      if (isObject(threshold)) ctx.known(threshold, ['metricSource'], at);
      const metricSource = this.metricSource(ctx, threshold, at);
      return metricSource ? { type: 'threshold', metricSource } : undefined;
    }
    const at = [...path, 'ratioMetric'];
    if (!isObject(ratio)) {
      ctx.report(at, 'expected an object');
      return undefined;
    }
    ctx.known(ratio, ['counter', 'good', 'bad', 'total', 'raw', 'rawType'], at);
    if (ratio.counter !== undefined && typeof ratio.counter !== 'boolean') {
      ctx.report([...at, 'counter'], 'expected true or false');
    }
    if (ratio.good !== undefined && ratio.bad !== undefined) {
      ctx.report(at, 'has both good and bad; use one of them with total');
    }
    if (
      ratio.raw === undefined &&
      (ratio.total === undefined ||
        (ratio.good === undefined && ratio.bad === undefined))
    ) {
      ctx.report(at, 'needs good or bad together with total (or raw)');
    }
    const part = (key: string) =>
      ratio[key] === undefined
        ? undefined
        : this.metricSource(ctx, ratio[key], [...at, key]);
    const good = part('good');
    const bad = part('bad');
    const total = part('total');
    const raw = part('raw');
    return {
      type: 'ratio',
      ...(typeof ratio.counter === 'boolean' && { counter: ratio.counter }),
      ...(good && { good }),
      ...(bad && { bad }),
      ...(total && { total }),
      ...(raw && { raw }),
    };
  }

  metadata(ctx: DocumentContext, raw: unknown, path: Array<string | number>) {
    if (!isObject(raw)) {
      ctx.report(path, 'is required');
      return undefined;
    }
    ctx.known(raw, METADATA_FIELDS, path);
    const name = ctx.string(raw.name, [...path, 'name']);
    if (name !== undefined && (!NAME.test(name) || name.length > 63)) {
      ctx.report(
        [...path, 'name'],
        `"${name}" is not a lower-case DNS label (a-z, 0-9, -; at most 63)`,
      );
    }
    const displayName =
      typeof raw.displayName === 'string' ? raw.displayName : undefined;
    return { name, displayName };
  }

  /** Inline objects (`kind` + `metadata` + `spec`) or references (`<key>`). */
  inlineOrRef(
    ctx: DocumentContext,
    items: unknown,
    path: Array<string | number>,
    refKey: string,
    kind: RefKind,
    validate: (spec: Json, at: Array<string | number>) => void,
  ): string[] {
    if (items === undefined || items === null) return [];
    if (!Array.isArray(items)) {
      ctx.report(path, 'expected a list');
      return [];
    }
    const names: string[] = [];
    items.forEach((item, i) => {
      const at = [...path, i];
      if (!isObject(item)) {
        ctx.report(at, 'expected an object');
        return;
      }
      if (item[refKey] !== undefined) {
        const ref = ctx.string(item[refKey], [...at, refKey]);
        if (ref) {
          this.references.push({ kind, name: ref, at: [...at, refKey], ctx });
          names.push(ref);
        }
        return;
      }
      if (item.kind !== kind) {
        ctx.report(at, `expected ${refKey} or an inline ${kind}`);
        return;
      }
      const meta = this.metadata(ctx, item.metadata, [...at, 'metadata']);
      if (!isObject(item.spec)) {
        ctx.report([...at, 'spec'], 'is required');
        return;
      }
      ctx.known(item.spec, SPEC_FIELDS[kind], [...at, 'spec']);
      validate(item.spec, [...at, 'spec']);
      if (meta?.name) names.push(meta.name);
    });
    return names;
  }

  alertCondition =
    (ctx: DocumentContext) => (spec: Json, path: Array<string | number>) => {
      const condition = spec.condition;
      const at = [...path, 'condition'];
      if (!isObject(condition)) {
        ctx.report(at, 'is required');
        return;
      }
      ctx.known(
        condition,
        ['kind', 'op', 'threshold', 'lookbackWindow', 'alertAfter'],
        at,
      );
      if (condition.kind !== 'burnrate')
        ctx.report([...at, 'kind'], 'expected burnrate');
      if (!OPERATORS.includes(condition.op as string))
        ctx.report([...at, 'op'], `expected one of ${OPERATORS.join(', ')}`);
      if (typeof condition.threshold !== 'number')
        ctx.report([...at, 'threshold'], 'expected a number');
      ctx.duration(condition.lookbackWindow, [...at, 'lookbackWindow']);
      if (condition.alertAfter !== undefined)
        ctx.duration(condition.alertAfter, [...at, 'alertAfter']);
    };

  alertPolicy =
    (ctx: DocumentContext) => (spec: Json, path: Array<string | number>) => {
      if (spec.conditions === undefined) {
        ctx.report([...path, 'conditions'], 'is required');
      }
      this.inlineOrRef(
        ctx,
        spec.conditions,
        [...path, 'conditions'],
        'conditionRef',
        'AlertCondition',
        this.alertCondition(ctx),
      );
      this.inlineOrRef(
        ctx,
        spec.notificationTargets,
        [...path, 'notificationTargets'],
        'targetRef',
        'AlertNotificationTarget',
        (target, at) => {
          ctx.string(target.target, [...at, 'target']);
        },
      );
    };

  slo(
    ctx: DocumentContext,
    name: string,
    displayName: string | undefined,
    spec: Json,
  ) {
    const service = ctx.string(spec.service, ['spec', 'service']);
    let indicator: OpenSloIndicator | undefined;
    let indicatorRef: string | undefined;
    if ((spec.indicator === undefined) === (spec.indicatorRef === undefined)) {
      ctx.report(['spec'], 'needs exactly one of indicator and indicatorRef');
    } else if (spec.indicator !== undefined) {
      const at = ['spec', 'indicator'];
      if (!isObject(spec.indicator) || !isObject(spec.indicator.spec)) {
        ctx.report(at, 'expected {metadata, spec}');
      } else {
        ctx.known(spec.indicator, ['metadata', 'spec'], at);
        const meta =
          spec.indicator.metadata === undefined
            ? undefined
            : this.metadata(ctx, spec.indicator.metadata, [...at, 'metadata']);
        ctx.known(spec.indicator.spec, SPEC_FIELDS.SLI, [...at, 'spec']);
        indicator = this.indicator(ctx, spec.indicator.spec, [...at, 'spec']);
        if (indicator && meta?.name) indicator.name = meta.name;
        if (indicator && meta?.displayName)
          indicator.displayName = meta.displayName;
      }
    } else {
      indicatorRef = ctx.string(spec.indicatorRef, ['spec', 'indicatorRef']);
      if (indicatorRef)
        this.references.push({
          kind: 'SLI',
          name: indicatorRef,
          at: ['spec', 'indicatorRef'],
          ctx,
        });
    }

    let timeWindow: OpenSloTimeWindow | undefined;
    if (
      !Array.isArray(spec.timeWindow) ||
      spec.timeWindow.length !== 1 ||
      !isObject(spec.timeWindow[0])
    ) {
      ctx.report(
        ['spec', 'timeWindow'],
        'expected a list with exactly one time window',
      );
    } else {
      const raw = spec.timeWindow[0];
      const at = ['spec', 'timeWindow', 0];
      ctx.known(raw, ['duration', 'isRolling', 'calendar'], at);
      const duration = ctx.duration(raw.duration, [...at, 'duration']);
      if (raw.isRolling !== undefined && typeof raw.isRolling !== 'boolean') {
        ctx.report([...at, 'isRolling'], 'expected true or false');
      }
      const calendar = isObject(raw.calendar)
        ? {
            ...(raw.calendar.startTime !== undefined && {
              startTime: String(raw.calendar.startTime),
            }),
            ...(typeof raw.calendar.timeZone === 'string' && {
              timeZone: raw.calendar.timeZone,
            }),
          }
        : undefined;
      if (duration) {
        timeWindow = {
          duration,
          isRolling: raw.isRolling === true,
          ...(calendar && { calendar }),
        };
      }
    }

    const budgetingMethod =
      spec.budgetingMethod as OpenSloObjectiveSet['budgetingMethod'];
    if (!BUDGETING.includes(budgetingMethod)) {
      ctx.report(
        ['spec', 'budgetingMethod'],
        `expected one of ${BUDGETING.join(', ')}, got ${JSON.stringify(
          spec.budgetingMethod,
        )}`,
      );
    }

    const objectives: OpenSloObjective[] = [];
    if (!Array.isArray(spec.objectives) || spec.objectives.length === 0) {
      ctx.report(['spec', 'objectives'], 'expected a non-empty list');
    } else {
      spec.objectives.forEach((raw, i) => {
        const at = ['spec', 'objectives', i];
        if (!isObject(raw)) {
          ctx.report(at, 'expected an object');
          return;
        }
        ctx.known(
          raw,
          [
            'displayName',
            'op',
            'value',
            'target',
            'targetPercent',
            'timeSliceTarget',
            'timeSliceWindow',
            'indicator',
            'indicatorRef',
            'compositeWeight',
          ],
          at,
        );
        let target: number | undefined;
        if (raw.target !== undefined) {
          target = ctx.fraction(raw.target, [...at, 'target']);
        } else if (
          typeof raw.targetPercent === 'number' &&
          raw.targetPercent > 0 &&
          raw.targetPercent < 100
        ) {
          target = raw.targetPercent / 100;
        } else {
          ctx.report(
            [...at, 'target'],
            'needs target (0-1) or targetPercent (0-100)',
          );
        }
        if (raw.op !== undefined && !OPERATORS.includes(raw.op as string)) {
          ctx.report([...at, 'op'], `expected one of ${OPERATORS.join(', ')}`);
        }
        if (raw.value !== undefined && typeof raw.value !== 'number') {
          ctx.report([...at, 'value'], 'expected a number');
        }
        if (budgetingMethod === 'Timeslices') {
          ctx.fraction(raw.timeSliceTarget, [...at, 'timeSliceTarget']);
        }
        if (
          budgetingMethod === 'Timeslices' ||
          budgetingMethod === 'RatioTimeslices'
        ) {
          ctx.duration(raw.timeSliceWindow, [...at, 'timeSliceWindow']);
        }
        if (target !== undefined) {
          objectives.push({
            ...(typeof raw.displayName === 'string' && {
              displayName: raw.displayName,
            }),
            ...(OPERATORS.includes(raw.op as string) && {
              op: raw.op as OpenSloObjective['op'],
            }),
            ...(typeof raw.value === 'number' && { value: raw.value }),
            target,
            ...(typeof raw.timeSliceTarget === 'number' && {
              timeSliceTarget: raw.timeSliceTarget,
            }),
            ...(typeof raw.timeSliceWindow === 'string' && {
              timeSliceWindow: raw.timeSliceWindow,
            }),
          });
        }
      });
    }

    const alertPolicies = this.inlineOrRef(
      ctx,
      spec.alertPolicies,
      ['spec', 'alertPolicies'],
      'alertPolicyRef',
      'AlertPolicy',
      this.alertPolicy(ctx),
    );

    if (
      service &&
      timeWindow &&
      BUDGETING.includes(budgetingMethod) &&
      objectives.length > 0
    ) {
      this.slos.push({
        slo: {
          name,
          ...(displayName && { displayName }),
          ...(typeof spec.description === 'string' && {
            description: spec.description,
          }),
          service,
          ...(indicator && { indicator }),
          timeWindow,
          budgetingMethod,
          objectives,
          alertPolicies,
          source: ctx.source,
        },
        ...(indicatorRef && { indicatorRef }),
      });
    }
  }

  document(ctx: DocumentContext, value: unknown) {
    if (!isObject(value)) {
      ctx.report(
        [],
        'expected an OpenSLO object (apiVersion, kind, metadata, spec)',
      );
      return;
    }
    const apiVersion = value.apiVersion;
    if (apiVersion !== API_VERSION) {
      ctx.report(
        ['apiVersion'],
        typeof apiVersion === 'string' && apiVersion.includes('openslo')
          ? `${apiVersion} is not supported; the portal reads ${API_VERSION}`
          : `expected ${API_VERSION}, got ${JSON.stringify(apiVersion)}`,
      );
      return;
    }
    const kind = value.kind as (typeof KINDS)[number];
    if (!KINDS.includes(kind)) {
      ctx.report(
        ['kind'],
        `expected one of ${KINDS.join(', ')}, got ${JSON.stringify(
          value.kind,
        )}`,
      );
      return;
    }
    ctx.kind = kind;
    ctx.known(value, ['apiVersion', 'kind', 'metadata', 'spec'], []);
    const meta = this.metadata(ctx, value.metadata, ['metadata']);
    if (meta?.name) ctx.name = meta.name;
    if (!isObject(value.spec)) {
      ctx.report(['spec'], 'is required');
      return;
    }
    const spec = value.spec;
    ctx.known(spec, SPEC_FIELDS[kind], ['spec']);
    const name = meta?.name;
    switch (kind) {
      case 'Service':
        if (name)
          this.services.push({
            name,
            ...(meta?.displayName && { displayName: meta.displayName }),
            ...(typeof spec.description === 'string' && {
              description: spec.description,
            }),
          });
        return;
      case 'SLI': {
        const indicator = this.indicator(ctx, spec, ['spec']);
        if (name) {
          this.names.SLI.push(name);
          if (indicator)
            this.indicators.set(name, {
              ...indicator,
              name,
              ...(meta?.displayName && { displayName: meta.displayName }),
            });
        }
        return;
      }
      case 'SLO':
        if (name) this.slo(ctx, name, meta?.displayName, spec);
        return;
      case 'AlertPolicy':
        this.alertPolicy(ctx)(spec, ['spec']);
        break;
      case 'AlertCondition':
        this.alertCondition(ctx)(spec, ['spec']);
        break;
      case 'AlertNotificationTarget':
        ctx.string(spec.target, ['spec', 'target']);
        break;
      case 'DataSource':
        ctx.string(spec.type, ['spec', 'type']);
        break;
      default:
        return;
    }
    if (name) this.names[kind].push(name);
  }

  finish(): OpenSloSet {
    for (const ref of this.references) {
      if (!this.names[ref.kind].includes(ref.name)) {
        ref.ctx.report(
          ref.at,
          `refers to ${ref.kind} "${ref.name}", which none of the files defines`,
        );
      }
    }
    const slos = this.slos.map(({ slo, indicatorRef }) => {
      const indicator = indicatorRef
        ? this.indicators.get(indicatorRef)
        : slo.indicator;
      return { ...slo, ...(indicator && { indicator }) };
    });
    return {
      slos,
      services: this.services,
      names: this.names,
      problems: this.problems,
    };
  }
}

/**
 * Reads a set of OpenSLO v1 files together (references may cross files).
 * Never throws: every problem is in `problems`, located.
 *
 * @public
 */
export function readOpenSlo(
  files: Array<{ path: string; content: string }>,
): OpenSloSet {
  const reader = new Reader();
  for (const file of files) {
    const lines = new LineCounter();
    let documents: Document[];
    try {
      documents = parseAllDocuments(file.content, {
        lineCounter: lines,
        uniqueKeys: true,
      }) as Document[];
    } catch (error) {
      reader.problems.push({
        file: file.path,
        document: 1,
        path: '',
        message: `not YAML: ${(error as Error).message}`,
      });
      continue;
    }
    let index = 0;
    for (const document of documents) {
      if (document.errors.length > 0) {
        index += 1;
        const first = document.errors[0];
        reader.problems.push({
          file: file.path,
          document: index,
          path: '',
          ...(first.linePos?.[0] && { line: first.linePos[0].line }),
          message: `not valid YAML: ${first.message.split('\n')[0]}`,
        });
        continue;
      }
      let value: unknown;
      try {
        // A small alias budget stops "billion laughs" documents
        value = document.toJS({ maxAliasCount: 100 });
      } catch (error) {
        index += 1;
        reader.problems.push({
          file: file.path,
          document: index,
          path: '',
          message: `not usable YAML: ${(error as Error).message}`,
        });
        continue;
      }
      const items = Array.isArray(value) ? value : [value];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item === null || item === undefined) continue;
        index += 1;
        const ctx = new DocumentContext(
          file.path,
          index,
          document,
          Array.isArray(value) ? [i] : [],
          lines,
          reader.problems,
        );
        reader.document(ctx, item);
      }
    }
  }
  return reader.finish();
}
