import { csvField, csvRecord } from './csv';

describe('csvRecord', () => {
  it('quotes fields with quotes, commas and line breaks, doubling the quotes, and ends with CRLF', () => {
    const fields = [
      'plain',
      'a, b',
      'say "yes"',
      'two\nlines',
      'cr\r\nlf',
      '',
      undefined,
      42,
    ];
    const text = csvRecord(fields);
    expect(text).toBe(
      'plain,"a, b","say ""yes""","two\nlines","cr\r\nlf",,,42\r\n',
    );
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(
      `"'=HYPERLINK(""http://x"",""y"")"`,
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    // Only at the start; numbers stay numbers
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-1)).toBe('-1');
  });
});
