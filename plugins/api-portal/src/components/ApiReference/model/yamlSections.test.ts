import { CORE_SCHEMA, load } from 'js-yaml';
import { readCorpusFile } from '@readiness/test-corpus';
import { ApiDefinitionError, readApiDocument } from './document';
import { JsonValue } from './json';
import { readOperation } from './operationView';
import { readYamlSections } from './yamlSections';

// count what js-yaml is asked to parse
jest.mock('js-yaml', () => {
  const actual = jest.requireActual('js-yaml');
  return { ...actual, load: jest.fn(actual.load) };
});

const parsed = load as jest.MockedFunction<typeof load>;

function parsedCharacters(): number {
  return parsed.mock.calls.reduce(
    (sum, [text]) => sum + String(text).length,
    0,
  );
}

function jsYaml(text: string): unknown {
  return jest
    .requireActual('js-yaml')
    .load(text, { schema: CORE_SCHEMA, json: true });
}

/** The sections read as js-yaml reads the whole text, every one of them. */
function readAll(text: string) {
  const whole = jest.fn(() => jsYaml(text) as JsonValue);
  const root = readYamlSections(text, whole);
  // JSON.stringify reads every property, in order
  return { root, json: root && JSON.stringify(root), whole };
}

/** Enough lines to make `key`'s mapping large enough to be split. */
function filler(indent: number): string {
  return Array.from(
    { length: 60 },
    (_, i) => `${' '.repeat(indent)}field${i}: the value of field number ${i}`,
  ).join('\n');
}

const stripe = readCorpusFile('openapi', 'stripe', 'spec3.yaml').toString(
  'utf8',
);
const openai = readCorpusFile('openapi', 'openai', 'openapi.yaml').toString(
  'utf8',
);

beforeEach(() => parsed.mockClear());

describe('readYamlSections', () => {
  it.each([
    ['stripe', stripe],
    ['openai', openai],
    [
      'harbor (Swagger 2.0)',
      readCorpusFile('openapi', 'harbor', 'swagger.yaml').toString('utf8'),
    ],
    [
      'digitalocean',
      readCorpusFile(
        'openapi',
        'digitalocean',
        'specification',
        'DigitalOcean-public.v2.yaml',
      ).toString('utf8'),
    ],
  ])('reads the %s definition to the value js-yaml reads', (_name, text) => {
    const { json, whole } = readAll(text);
    expect(json).toBe(JSON.stringify(jsYaml(text)));
    expect(whole).not.toHaveBeenCalled();
  });

  it('reads keys as js-yaml does: quoted, escaped, numeric, null, repeated', () => {
    const text = [
      `"a\\tb":`,
      filler(2),
      `'it''s': 1`,
      `"/v1/x": 2`,
      'responses:',
      '  200:',
      filler(4),
      '  2XX: one',
      '  1e3: two',
      '  ~: three',
      '  010: four',
      'repeated: first',
      'repeated: second',
      '__proto__: five',
    ].join('\n');
    const { json, whole } = readAll(text);
    expect(json).toBe(JSON.stringify(jsYaml(text)));
    expect(whole).not.toHaveBeenCalled();
  });

  it('reads block scalars, comments, compact sequences, CRLF, a BOM and a start marker as js-yaml does', () => {
    const text = [
      '\uFEFF# a comment before the document',
      '---',
      'described:',
      '  literal: |2',
      '     indented',
      '    less',
      '  folded: >-',
      '    one',
      '    two',
      '  # a comment inside',
      filler(2),
      'tags:',
      '- first',
      '- second',
      'nested: # a comment after the key',
      '  list:',
      '  - name: x',
      '    value: 1',
      filler(2),
      'quoted: "a value" # and a comment',
      'flow: {a: [1, 2], b: "x: y"}',
      '',
    ].join('\r\n');
    const { json, whole } = readAll(text);
    expect(json).toBe(JSON.stringify(jsYaml(text)));
    expect(whole).not.toHaveBeenCalled();
  });

  it('reads an alias to an anchor in another section, and a merge key, from the whole document', () => {
    const text = [
      'base:',
      '  shared: &shared',
      '    deep: 1',
      filler(2),
      'user:',
      '  copy: *shared',
      filler(2),
      'merged:',
      '  <<: {deep: 2}',
      filler(2),
    ].join('\n');
    const { root, json, whole } = readAll(text);
    expect(root).toBeDefined();
    expect(json).toBe(JSON.stringify(jsYaml(text)));
    expect(whole).toHaveBeenCalled();
  });

  it('leaves to the whole document what it cannot split', () => {
    const never = () => {
      throw new Error('not expected');
    };
    // several documents, a sequence, a flow mapping
    expect(readYamlSections('a: 1\n---\nb: 2\n', never)).toBeUndefined();
    expect(readYamlSections('- a\n- b\n', never)).toBeUndefined();
    expect(readYamlSections('{a: 1}', never)).toBeUndefined();
    // a quoted value continued at its key's indentation, which js-yaml
    // reads as one value
    expect(readYamlSections('a: "one\nb: two"\n', never)).toBeUndefined();
  });

  it('reports a section js-yaml rejects when it is read', () => {
    const text = ['fine: 1', 'broken:', '  list: [unclosed', filler(2)].join(
      '\n',
    );
    const root = readYamlSections(text, () => {
      throw new ApiDefinitionError('The API definition is not valid YAML');
    })!;
    expect(root.fine).toBe(1);
    expect(() => root.broken).toThrow(ApiDefinitionError);
  });
});

describe('a large YAML definition', () => {
  it('lists its operations from their summaries, ids and tags, not their parameters nor schemas', () => {
    const document = readApiDocument(stripe);
    expect(document.operations).toHaveLength(468);
    expect(parsedCharacters()).toBeLessThan(stripe.length / 10);

    parsed.mockClear();
    const view = readOperation(
      document,
      document.operations.find(o => o.key === 'post /v1/checkout/sessions')!,
    );
    expect(view.requestBody?.content[0].mediaType).toBe(
      'application/x-www-form-urlencoded',
    );
    // its own section and the few it refers to
    expect(parsedCharacters()).toBeLessThan(stripe.length / 20);
  });

  it('is the document js-yaml reads', () => {
    const document = readApiDocument(openai);
    expect(JSON.stringify(document.root)).toBe(JSON.stringify(jsYaml(openai)));
  });

  it('fails as a whole when a section the list needs is not valid YAML', () => {
    const text = `openapi: 3.0.0\ninfo:\n  title: Broken\npaths: [unclosed\n${'# padding\n'.repeat(
      30_000,
    )}`;
    expect(() => readApiDocument(text)).toThrow(/neither valid JSON/);
  });
});
