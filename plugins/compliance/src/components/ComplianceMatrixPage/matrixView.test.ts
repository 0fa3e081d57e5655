import { soc2Matrix } from '../../__testUtils__/compliance';
import { describeCell, percent, viewOf, worstState } from './matrixView';

describe('matrixView', () => {
  it('colours a cell by the state that needs attention most', () => {
    expect(worstState([5, 5, 1, 0, 0, 0])).toBe('expired');
    expect(worstState([5, 0, 1, 1, 0, 0])).toBe('failing');
    expect(worstState([1, 1, 0, 0, 1, 0])).toBe('missing');
    expect(worstState([1, 1, 0, 0, 0, 3])).toBe('expiring');
    expect(worstState([1, 0, 0, 0, 0, 3])).toBe('fresh');
    expect(worstState([0, 0, 0, 0, 0, 3])).toBe('not-applicable');
    expect(worstState(null)).toBe('none');
  });

  it('writes the counts worst first', () => {
    expect(describeCell([2, 1, 0, 1, 3, 1])).toBe(
      '1 failing, 3 missing, 1 expiring, 2 fresh, 1 not applicable',
    );
  });

  it('never rounds a gap up to 100%', () => {
    expect(percent({ applicable: 1000, covered: 999, ratio: 0.999 })).toBe(
      '99%',
    );
    expect(percent({ applicable: 0, covered: 0, ratio: 1 })).toBe('100%');
  });

  it('filters the ref of a row too, and keeps the gaps filter with the text', () => {
    expect(
      viewOf(soc2Matrix, { text: 'system:default/filing', gapsOnly: false }),
    ).toEqual({ rows: [0], columns: [0, 1, 2] });
    expect(viewOf(soc2Matrix, { text: 'recovery', gapsOnly: true })).toEqual({
      rows: [],
      columns: [],
    });
    expect(viewOf(soc2Matrix, { text: 'a1.2', gapsOnly: false })).toEqual({
      rows: [0, 1, 2],
      columns: [2],
    });
  });
});
