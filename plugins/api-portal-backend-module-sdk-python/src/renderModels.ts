import { apiLabel } from '@readiness/plugin-api-portal-common';
import { isPlainFieldName } from './naming';
import { ModelDefinition, ModelField, TYPING_NAMES } from './ModelBuilder';
import { pyDocstring, pyString } from './literals';
import { renderType } from './pyTypes';

function classFields(fields: ModelField[]): string[] {
  return fields.map(f => `    ${f.key}: ${renderType(f.type, 'models')}`);
}

function functionalFields(fields: ModelField[]): string {
  const entries = fields.map(
    f => `        ${pyString(f.key)}: ${renderType(f.type, 'models')},`,
  );
  return `{\n${entries.join('\n')}\n    }`;
}

function classBlock(
  name: string,
  bases: string,
  description: string | undefined,
  fields: ModelField[],
): string {
  const doc = pyDocstring(description, 4);
  const body = [...(doc ? [doc] : []), ...(doc && fields.length ? [''] : [])];
  body.push(...classFields(fields));
  if (body.length === 0) body.push('    pass');
  return `class ${name}(${bases}):\n${body.join('\n')}`;
}

/**
 * One TypedDict. Required and optional keys are split over a base class
 * because `NotRequired` needs Python 3.11; keys that are not identifiers
 * use the functional syntax.
 */
function renderTypedDict(
  definition: Extract<ModelDefinition, { kind: 'typeddict' }>,
  helperName: (suffix: string) => string,
): string {
  const { name, description, required, optional } = definition;
  const plain = (fields: ModelField[]) =>
    fields.every(f => isPlainFieldName(f.key));
  const functional = (id: string, fields: ModelField[], total: boolean) =>
    `${id} = TypedDict(${pyString(id)}, ${functionalFields(fields)}${
      total ? '' : ', total=False'
    })`;
  const blocks: string[] = [];
  if (optional.length === 0 || required.length === 0) {
    const fields = optional.length === 0 ? required : optional;
    const total = optional.length === 0;
    if (plain(fields)) {
      blocks.push(
        classBlock(
          name,
          total ? 'TypedDict' : 'TypedDict, total=False',
          description,
          fields,
        ),
      );
    } else {
      blocks.push(functional(name, fields, total));
    }
    return blocks.join('\n\n\n');
  }
  const base = helperName('Required');
  blocks.push(
    plain(required)
      ? classBlock(base, 'TypedDict', undefined, required)
      : functional(base, required, true),
  );
  if (plain(optional)) {
    blocks.push(
      classBlock(name, `${base}, total=False`, description, optional),
    );
  } else {
    const extra = helperName('Optional');
    blocks.push(functional(extra, optional, false));
    blocks.push(classBlock(name, `${base}, ${extra}`, description, []));
  }
  return blocks.join('\n\n\n');
}

/**
 * Aliases of another model (`Foo = Bar`) are evaluated at import, so they
 * come last, each after the alias it names; a cycle of them becomes `Any`.
 */
function orderBareAliases(
  aliases: Array<{ name: string; target: string }>,
): string[] {
  const byName = new Map(aliases.map(a => [a.name, a.target]));
  const lines: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    const target = byName.get(name)!;
    if (state.get(name) === 'visiting') return;
    state.set(name, 'visiting');
    let cyclic = false;
    if (byName.has(target)) {
      visit(target);
      cyclic = state.get(target) !== 'done';
    }
    state.set(name, 'done');
    lines.push(`${name} = ${cyclic ? 'Any' : target}`);
  };
  aliases.forEach(a => visit(a.name));
  return lines;
}

/** The source of `models.py`. */
export function renderModels(
  title: string,
  definitions: ModelDefinition[],
): string {
  const blocks: string[] = [];
  const bareAliases: Array<{ name: string; target: string }> = [];
  for (const definition of definitions) {
    if (definition.kind === 'typeddict') {
      // Model names never start with '_', so '_<Model>Required' cannot clash.
      blocks.push(
        renderTypedDict(definition, suffix => `_${definition.name}${suffix}`),
      );
    } else if (definition.type.kind === 'model') {
      bareAliases.push({ name: definition.name, target: definition.type.name });
    } else {
      blocks.push(
        `${definition.name} = ${renderType(definition.type, 'models')}`,
      );
    }
  }
  const header = [
    pyDocstring(
      `Data models of the ${apiLabel(title)}.\n\n` +
        'Every model is a ``TypedDict``: responses are the dictionaries decoded\n' +
        'from JSON, and request bodies can be written as dictionary literals.',
      0,
    ) ?? '',
    '',
    `from typing import ${TYPING_NAMES.join(', ')}  # noqa: F401`,
  ];
  const names = definitions.map(d => pyString(d.name));
  const all = `__all__ = [\n${names.map(n => `    ${n},`).join('\n')}\n]`;
  return `${[
    header.join('\n'),
    ...blocks,
    ...orderBareAliases(bareAliases),
    names.length > 0 ? all : '__all__: List[str] = []',
  ].join('\n\n\n')}\n`;
}
