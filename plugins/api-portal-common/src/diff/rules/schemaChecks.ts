/*
 * Comparisons shared by the schema rules. "Narrowed" means the new schema
 * rejects values the old one accepted (what breaks requests); "widened"
 * means the new schema admits values the old one did not (what breaks
 * clients reading responses).
 */
import { lastToken, refOf } from '../../reader';
import {
  admits,
  formatTypes,
  pairAlternatives,
  SchemaAlternative,
  SchemaBound,
} from '../schemaView';
import type { RuleReport, SchemaPair } from '../types';
import { formatValue, schemaLabel } from './describe';

function alternativeName(
  alternative: SchemaAlternative,
  index: number,
): string {
  const ref = refOf(alternative.node.value);
  return ref === undefined
    ? `${alternative.kind} #${index}`
    : `${alternative.kind} \`${lastToken(ref.replace(/^[^#]*#/, ''))}\``;
}

/** Type changes that reject values the old schema accepted. */
export function narrowedTypes(pair: SchemaPair): RuleReport[] {
  const { before, after } = pair;
  const reports: RuleReport[] = [];
  const oldTypes = before.types;
  const newTypes = after.types;
  if (oldTypes && newTypes) {
    const lost = [...oldTypes].filter(t => !admits(newTypes, t));
    if (lost.length > 0) {
      reports.push({
        message: `${schemaLabel(pair)} type changed from ${formatTypes(
          before.types,
        )} to ${formatTypes(newTypes)}`,
        before: before.typesPointer ?? before.pointer,
        after: after.typesPointer ?? after.pointer,
      });
    }
  }
  pairAlternatives(before, after).removed.forEach((alternative, i) =>
    reports.push({
      message: `${schemaLabel(pair)} no longer accepts ${alternativeName(
        alternative,
        i,
      )}`,
      before: alternative.node.pointer,
      after: after.pointer,
    }),
  );
  return reports;
}

/** Type changes that admit values the old schema did not. */
export function widenedTypes(pair: SchemaPair): RuleReport[] {
  const { before, after } = pair;
  const reports: RuleReport[] = [];
  const oldTypes = before.types;
  const newTypes = after.types;
  if (oldTypes && newTypes) {
    const gained = [...newTypes].filter(t => !admits(oldTypes, t));
    if (gained.length > 0) {
      reports.push({
        message: `${schemaLabel(pair)} type changed from ${formatTypes(
          before.types,
        )} to ${formatTypes(newTypes)}`,
        before: before.typesPointer ?? before.pointer,
        after: after.typesPointer ?? after.pointer,
      });
    }
  }
  pairAlternatives(before, after).added.forEach((alternative, i) =>
    reports.push({
      message: `${schemaLabel(pair)} may now be ${alternativeName(
        alternative,
        i,
      )}`,
      before: before.pointer,
      after: alternative.node.pointer,
    }),
  );
  return reports;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

const UPPER_LIMITS = ['maxLength', 'maxItems', 'maxProperties'] as const;
const LOWER_LIMITS = ['minLength', 'minItems', 'minProperties'] as const;
const EXACT = ['pattern', 'format'] as const;

function tighterUpper(before: SchemaBound | undefined, after: SchemaBound) {
  return (
    !before ||
    after.value < before.value ||
    (after.value === before.value && after.exclusive && !before.exclusive)
  );
}

function tighterLower(before: SchemaBound | undefined, after: SchemaBound) {
  return (
    !before ||
    after.value > before.value ||
    (after.value === before.value && after.exclusive && !before.exclusive)
  );
}

function formatBound(bound: SchemaBound, upper: boolean): string {
  return `${upper ? '<' : '>'}${bound.exclusive ? '' : '='} ${bound.value}`;
}

/** Keyword changes that reject values the old schema accepted. */
export function narrowedConstraints(pair: SchemaPair): RuleReport[] {
  const { before, after } = pair;
  const label = schemaLabel(pair);
  const reports: RuleReport[] = [];
  const add = (keyword: string, change: string) => {
    reports.push({
      message: `${label} ${keyword} ${change}`,
      before: before.keywords.get(keyword)?.pointer ?? before.pointer,
      after: after.keywords.get(keyword)?.pointer ?? after.pointer,
    });
  };
  for (const keyword of UPPER_LIMITS) {
    const b = numberOf(before.keywords.get(keyword)?.value);
    const a = numberOf(after.keywords.get(keyword)?.value);
    if (a !== undefined && (b === undefined || a < b)) {
      add(
        keyword,
        b === undefined ? `${a} added` : `lowered from ${b} to ${a}`,
      );
    }
  }
  for (const keyword of LOWER_LIMITS) {
    const b = numberOf(before.keywords.get(keyword)?.value) ?? 0;
    const a = numberOf(after.keywords.get(keyword)?.value);
    if (a !== undefined && a > b) {
      add(keyword, `raised from ${b} to ${a}`);
    }
  }
  for (const keyword of EXACT) {
    const b = before.keywords.get(keyword)?.value;
    const a = after.keywords.get(keyword)?.value;
    if (a !== undefined && a !== b) {
      add(
        keyword,
        b === undefined
          ? `${formatValue(a)} added`
          : `changed from ${formatValue(b)} to ${formatValue(a)}`,
      );
    }
  }
  const bMultiple = numberOf(before.keywords.get('multipleOf')?.value);
  const aMultiple = numberOf(after.keywords.get('multipleOf')?.value);
  if (
    aMultiple !== undefined &&
    aMultiple !== 0 &&
    (bMultiple === undefined ||
      Math.abs(bMultiple / aMultiple - Math.round(bMultiple / aMultiple)) >
        1e-9)
  ) {
    add(
      'multipleOf',
      bMultiple === undefined
        ? `${aMultiple} added`
        : `changed from ${bMultiple} to ${aMultiple}`,
    );
  }
  if (
    after.keywords.get('uniqueItems')?.value === true &&
    before.keywords.get('uniqueItems')?.value !== true
  ) {
    add('uniqueItems', 'added');
  }
  const bounds = [
    ['maximum', before.upper, after.upper, tighterUpper],
    ['minimum', before.lower, after.lower, tighterLower],
  ] as const;
  for (const [kind, b, a, tighter] of bounds) {
    if (a && tighter(b, a)) {
      const upper = kind === 'maximum';
      reports.push({
        message: b
          ? `${label} ${kind} tightened from ${formatBound(
              b,
              upper,
            )} to ${formatBound(a, upper)}`
          : `${label} ${kind} ${formatBound(a, upper)} added`,
        before: b?.pointer ?? before.pointer,
        after: a.pointer,
      });
    }
  }
  if (after.enum && !before.enum) {
    reports.push({
      message: `${label} now restricted to ${after.enum.values
        .map(formatValue)
        .join(', ')}`,
      before: before.pointer,
      after: after.enum.pointer,
    });
  }
  return reports;
}

/**
 * Whether both sides may be objects. Property rules stay quiet otherwise:
 * a change from number to object is one type change, not a type change
 * plus one "new required property" per property of the new object.
 */
export function bothMayBeObjects(pair: SchemaPair): boolean {
  const mayBe = (types: ReadonlySet<string> | undefined) =>
    !types || types.has('object');
  return mayBe(pair.before.types) && mayBe(pair.after.types);
}
