/**
 * Reads CSV back as RFC 4180 has it, strictly: a quote inside an unquoted
 * field, text after a closing quote or an unterminated quote is an error.
 * Records must end with CRLF. For tests of what the exports write.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (what: string) => {
    throw new Error(`CSV: ${what} at offset ${i}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          fail('bare quote or line feed');
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      records.push(record);
      record = [];
    } else {
      fail('field not followed by a comma or CRLF');
    }
  }
  if (record.length > 0) fail('last record without CRLF');
  return records;
}

/** CSV records as objects keyed by the header record's names. */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map(row => {
    if (row.length !== header.length) {
      throw new Error(
        `CSV: a record of ${row.length} fields under ${header.length} names`,
      );
    }
    return Object.fromEntries(header.map((name, i) => [name, row[i]]));
  });
}
