import { DataFileProblem, jsonPointer, parseDataFile } from './dataFile';

function parse(path: string, lines: string[]) {
  const sink: DataFileProblem[] = [];
  const parsed = parseDataFile({ path, content: lines.join('\n') }, sink);
  return { parsed, sink };
}

describe('parseDataFile', () => {
  it('places a problem of YAML data on the line of the nearest node', () => {
    const { parsed, sink } = parse('checks/owner.yaml', [
      'metadata:',
      '  id: owner',
      'spec:',
      '  rule:',
      '    all:',
      '      - fact: catalog.owner',
      '      - fact: catalog.lifecycle',
    ]);
    expect(parsed!.data).toEqual({
      metadata: { id: 'owner' },
      spec: {
        rule: {
          all: [{ fact: 'catalog.owner' }, { fact: 'catalog.lifecycle' }],
        },
      },
    });
    parsed!.problems.report(['spec', 'rule', 'all', 1, 'fact'], 'unknown');
    // A path below what the file holds is placed on its deepest parent
    parsed!.problems.report(['spec', 'rule', 'all', 1, 'eq'], 'missing');
    expect(parsed!.problems.count).toBe(2);
    expect(sink).toEqual([
      {
        file: 'checks/owner.yaml',
        path: '/spec/rule/all/1/fact',
        line: 7,
        message: 'unknown',
      },
      {
        file: 'checks/owner.yaml',
        path: '/spec/rule/all/1/eq',
        line: 7,
        message: 'missing',
      },
    ]);
  });

  it('reads JSON with JSON.parse and says where it breaks', () => {
    const good = parse('catalog.json', ['{"catalog": {"groups": []}}']);
    expect(good.parsed!.data).toEqual({ catalog: { groups: [] } });
    // A trailing comma: the parser names the line
    const bad = parse('catalog.json', [
      '{',
      '  "catalog": {',
      '    "groups": [],',
      '  }',
      '}',
    ]);
    expect(bad.parsed).toBeUndefined();
    expect(bad.sink).toEqual([
      expect.objectContaining({
        file: 'catalog.json',
        path: '',
        line: 4,
        message: expect.stringMatching(/^not valid JSON: /),
      }),
    ]);
  });

  it('refuses YAML that does not parse, with its line', () => {
    const { parsed, sink } = parse('frameworks/soc2.yaml', [
      'controls:',
      '  - id: CC1.1',
      '    title: [unclosed',
    ]);
    expect(parsed).toBeUndefined();
    expect(sink).toEqual([
      expect.objectContaining({
        path: '',
        line: expect.any(Number),
        message: expect.stringMatching(/^not valid YAML: /),
      }),
    ]);
  });

  it('refuses a second YAML document, on the line that starts it', () => {
    const { parsed, sink } = parse('checks/two.yaml', ['a: 1', '---', 'b: 2']);
    expect(parsed).toBeUndefined();
    expect(sink).toEqual([
      {
        file: 'checks/two.yaml',
        path: '',
        line: 2,
        message: 'holds more than one document; write one per file',
      },
    ]);
  });

  it('gives null for an empty file, for the reader to judge', () => {
    expect(parse('empty.yaml', ['']).parsed!.data).toBeNull();
    expect(parse('comments.yaml', ['# nothing yet']).parsed!.data).toBeNull();
  });

  it('refuses a file whose aliases expand without bound', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) {
      const name = String.fromCharCode(98 + i);
      const previous = String.fromCharCode(97 + i);
      bomb.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const { parsed, sink } = parse('bomb.yaml', bomb);
    expect(parsed).toBeUndefined();
    expect(sink[0].message).toMatch(/^not usable: /);
  });
});

describe('jsonPointer', () => {
  it('escapes ~ and / as RFC 6901 says', () => {
    expect(jsonPointer(['paths', '/pets/{id}', 'get', 0])).toBe(
      '/paths/~1pets~1{id}/get/0',
    );
    expect(jsonPointer(['a~b'])).toBe('/a~0b');
    expect(jsonPointer([])).toBe('');
  });
});
