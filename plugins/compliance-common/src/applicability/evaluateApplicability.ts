/*
 * Which controls apply to a catalog entity: every rule whose selector
 * matches the entity adds its controls, and the entity's not-applicable
 * declarations mark some of them as exceptions with their justification.
 * Pure: the caller gives the rules, the frameworks and, for domain
 * selectors, the domain of each system.
 */
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { jsonPointer } from '@readiness/data-files';
import { ControlIndex, formatControlRef } from '../frameworks/controlRef';
import { readNotApplicableDeclarations } from './notApplicable';
import {
  ApplicabilityRule,
  EntityApplicability,
  EntityApplicabilityProblem,
  EntityControl,
  EntitySelector,
  NOT_APPLICABLE_ANNOTATION,
} from './types';

/**
 * What the evaluation needs besides the entity and the rules.
 *
 * @public
 */
export type ApplicabilityContext = {
  /** The loaded frameworks, to check declarations and order the result. */
  controls: ControlIndex;
  /**
   * The domain of a system (full refs, `system:default/x` →
   * `domain:default/y`); without it only System and Domain entities have a
   * domain.
   */
  domainOf?: (systemRef: string) => string | undefined;
};

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * A reference as an entity names it (`filing-platform`, `group:team-a`),
 * as a full lower-case entity ref with the given default kind and
 * namespace; undefined when it is empty or not a reference.
 *
 * @public
 */
export function entityRefOf(
  value: unknown,
  kind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: kind,
          defaultNamespace: namespace,
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/** The facts of an entity that selectors look at. */
function factsOf(entity: Entity, context: ApplicabilityContext) {
  const ref = lower(stringifyEntityRef(entity));
  const kind = lower(entity.kind);
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = entity.spec ?? {};
  const system =
    kind === 'system' ? ref : entityRefOf(spec.system, 'system', namespace);
  let domain: string | undefined;
  if (kind === 'domain') domain = ref;
  else if (kind === 'system')
    domain = entityRefOf(spec.domain, 'domain', namespace);
  else if (system) domain = context.domainOf?.(system);
  return {
    ref,
    kind,
    type: typeof spec.type === 'string' ? lower(spec.type) : undefined,
    lifecycle:
      typeof spec.lifecycle === 'string' ? lower(spec.lifecycle) : undefined,
    system,
    domain,
    tags: entity.metadata.tags ?? [],
    annotations: entity.metadata.annotations ?? {},
  };
}

type Facts = ReturnType<typeof factsOf>;

function oneOf(
  wanted: string[] | undefined,
  actual: string | undefined,
): boolean {
  return (
    wanted === undefined || (actual !== undefined && wanted.includes(actual))
  );
}

/**
 * Whether a selector matches an entity's facts.
 */
function matches(select: EntitySelector, facts: Facts): boolean {
  return (
    oneOf(select.kinds, facts.kind) &&
    oneOf(select.types, facts.type) &&
    oneOf(select.lifecycles, facts.lifecycle) &&
    oneOf(select.systems, facts.system) &&
    oneOf(select.domains, facts.domain) &&
    (select.tags === undefined ||
      select.tags.some(tag => facts.tags.includes(tag))) &&
    Object.entries(select.annotations ?? {}).every(([key, wanted]) => {
      const value = facts.annotations[key];
      if (typeof wanted === 'boolean') return wanted === (value !== undefined);
      return value !== undefined && wanted.includes(value);
    })
  );
}

/**
 * The controls that apply to an entity, why, and which it declares not
 * applicable. A declaration that cannot be taken (no justification, an
 * unknown control, a control no rule applies) is a problem, and the control
 * stays applicable.
 *
 * @public
 */
export function evaluateApplicability(
  entity: Entity,
  rules: readonly ApplicabilityRule[],
  context: ApplicabilityContext,
): EntityApplicability {
  const facts = factsOf(entity, context);
  const inScope = new Map<string, EntityControl>();
  for (const rule of rules) {
    if (!matches(rule.select, facts)) continue;
    for (const control of rule.controls) {
      const key = formatControlRef(control);
      const found = inScope.get(key);
      if (found) found.rules.push(rule.id);
      else
        inScope.set(key, { control, rules: [rule.id], status: 'applicable' });
    }
  }

  const problems: EntityApplicabilityProblem[] = [];
  const annotation = facts.annotations[NOT_APPLICABLE_ANNOTATION];
  if (annotation !== undefined) {
    const report = (message: string) =>
      problems.push({
        entityRef: facts.ref,
        path: jsonPointer([
          'metadata',
          'annotations',
          NOT_APPLICABLE_ANNOTATION,
        ]),
        message,
      });
    const read = readNotApplicableDeclarations(annotation);
    read.problems.forEach(report);
    const declared = new Set<string>();
    for (const { control, justification, text } of read.declarations) {
      const key = formatControlRef(control);
      const unknown = context.controls.problemOf(control);
      if (unknown) {
        report(`"${text}": ${unknown}`);
      } else if (declared.has(key)) {
        report(`${key} is declared not applicable more than once`);
      } else if (!inScope.has(key)) {
        report(
          `${key} does not apply to this entity (no rule of the applicability file selects it); remove the declaration`,
        );
      } else {
        declared.add(key);
        const { rules: by } = inScope.get(key)!;
        inScope.set(key, {
          control,
          rules: by,
          status: 'not-applicable',
          justification,
        });
      }
    }
  }

  return {
    entityRef: facts.ref,
    controls: [...inScope.values()].sort((a, b) =>
      context.controls.compare(a.control, b.control),
    ),
    problems,
  };
}
