import { formatBytes, formatDate, plural } from './format';

describe('plural', () => {
  it('writes the count with the word in number', () => {
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(2, 'warning')).toBe('2 warnings');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'family', 'families')).toBe('1 family');
    expect(plural(3, 'family', 'families')).toBe('3 families');
  });
});

describe('formatBytes', () => {
  it('reads as people read sizes', () => {
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(20480)).toBe('20.0 KiB');
    expect(formatBytes(150 * 1024)).toBe('150 KiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
  });

  it('stops at the largest unit', () => {
    expect(formatBytes(2048 * 1024 ** 5)).toBe('2048 PiB');
  });
});

describe('formatDate', () => {
  it('writes a date in the reader’s locale, from an ISO string or a time', () => {
    const iso = '2026-11-01T12:00:00Z';
    const expected = new Date(iso).toLocaleDateString(undefined, {
      dateStyle: 'medium',
    });
    expect(formatDate(iso)).toBe(expected);
    expect(formatDate(Date.parse(iso))).toBe(expected);
    expect(formatDate(iso)).toMatch(/2026/);
  });
});
