/*
 * CSV as RFC 4180 has it: records end with CRLF, a field with a quote, a
 * comma or a line break is quoted and its quotes doubled. Text a spreadsheet
 * would take for a formula (starting with =, +, -, @, a tab or a carriage
 * return) is prefixed with an apostrophe, so an exported title never runs as
 * one; numbers are written as they are.
 */

/**
 * One field of a record: text, a number, or nothing (an empty field).
 *
 * @public
 */
export type CsvField = string | number | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as written in a record.
 *
 * @public
 */
export function csvField(field: CsvField): string {
  if (field === undefined) return '';
  if (typeof field === 'number') return String(field);
  const text = FORMULA_START.test(field) ? `'${field}` : field;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One record, with its CRLF.
 *
 * @public
 */
export function csvRecord(fields: readonly CsvField[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
