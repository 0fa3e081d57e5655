import { readReliabilityChange } from './changes';

describe('readReliabilityChange', () => {
  it('reads a change and refuses anything else', () => {
    expect(
      readReliabilityChange({
        record: 'drill',
        entityRefs: ['component:default/ledger'],
      }),
    ).toEqual({ record: 'drill', entityRefs: ['component:default/ledger'] });
    for (const payload of [
      undefined,
      'drill',
      { record: 'meteor', entityRefs: [] },
      { record: 'drill' },
      { record: 'drill', entityRefs: [42] },
    ]) {
      expect(readReliabilityChange(payload)).toBeUndefined();
    }
  });
});
