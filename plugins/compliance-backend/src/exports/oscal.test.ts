import { controlToken, nameUuid, oneLine, portalProp } from './oscal';

describe('OSCAL pieces', () => {
  it('makes RFC 4122 version 5 UUIDs', () => {
    // The RFC's DNS namespace and a name whose UUID other libraries agree on
    expect(
      nameUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
    ).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(nameUuid('entity:component:default/ledger')).toBe(
      nameUuid('entity:component:default/ledger'),
    );
    expect(nameUuid('a')).not.toBe(nameUuid('b'));
  });

  it('makes control ids tokens', () => {
    expect(controlToken('CC8.1')).toBe('CC8.1');
    expect(controlToken('ac-2.1')).toBe('ac-2.1');
    expect(controlToken('8.6')).toBe('_8.6');
  });

  it('keeps single-line fields on one line and leaves out empty props', () => {
    expect(oneLine('  two\r\n  lines \n')).toBe('two lines');
    expect(portalProp('state', ' ')).toEqual([]);
    expect(portalProp('state', 'fresh')).toEqual([
      {
        name: 'state',
        ns: 'https://readiness.dev/ns/compliance',
        value: 'fresh',
      },
    ]);
  });
});
