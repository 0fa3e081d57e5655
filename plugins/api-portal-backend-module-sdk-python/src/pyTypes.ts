import { pyString } from './literals';

/** A JSON value `typing.Literal` accepts. */
export type LiteralValue = string | number | boolean | null;

/** A Python type, rendered differently in `models.py` and `client.py`. */
export type PyType =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'builtin'; name: 'str' | 'int' | 'float' | 'bool' | 'bytes' }
  | { kind: 'model'; name: string }
  | { kind: 'list'; item: PyType }
  | { kind: 'dict'; value: PyType }
  | { kind: 'union'; members: PyType[] }
  | { kind: 'literal'; values: LiteralValue[] };

export const ANY: PyType = { kind: 'any' };
export const NONE: PyType = { kind: 'none' };

/** Where a type is written: models refer to each other by quoted forward references. */
export type TypeContext = 'models' | 'client';

function literalText(value: LiteralValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return pyString(value);
}

/** Python source for a type. */
export function renderType(type: PyType, context: TypeContext): string {
  switch (type.kind) {
    case 'any':
      return 'Any';
    case 'none':
      return 'None';
    case 'builtin':
      return type.name;
    case 'model':
      return context === 'models' ? pyString(type.name) : `models.${type.name}`;
    case 'list':
      return `List[${renderType(type.item, context)}]`;
    case 'dict':
      return `Dict[str, ${renderType(type.value, context)}]`;
    case 'literal':
      return `Literal[${type.values.map(literalText).join(', ')}]`;
    case 'union': {
      const others = type.members.filter(m => m.kind !== 'none');
      const rendered = others.map(m => renderType(m, context));
      const optional = others.length < type.members.length;
      if (optional && rendered.length === 1) return `Optional[${rendered[0]}]`;
      if (optional) rendered.push('None');
      return `Union[${rendered.join(', ')}]`;
    }
    default:
      return 'Any';
  }
}

/** A union with duplicates and nested unions flattened; `Any` absorbs everything. */
export function unionOf(members: PyType[]): PyType {
  const flat: PyType[] = [];
  const seen = new Set<string>();
  const add = (member: PyType) => {
    if (member.kind === 'union') {
      member.members.forEach(add);
      return;
    }
    const key = renderType(member, 'models');
    if (!seen.has(key)) {
      seen.add(key);
      flat.push(member);
    }
  };
  members.forEach(add);
  if (flat.some(m => m.kind === 'any')) return ANY;
  if (flat.length === 0) return ANY;
  if (flat.length === 1) return flat[0];
  return { kind: 'union', members: flat };
}

/** `type | None`. */
export function optionalOf(type: PyType): PyType {
  return type.kind === 'any' ? type : unionOf([type, NONE]);
}
