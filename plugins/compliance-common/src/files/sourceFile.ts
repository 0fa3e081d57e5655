/*
 * The files the compliance plugins take as data (frameworks, OSCAL catalogs
 * and profiles, mappings, applicability, the portal evidence file) are read
 * with the portal's data-file reader, @readiness/data-files.
 */
import { DataFile, DataFileProblem } from '@readiness/data-files';

/**
 * A compliance file's text, with the path it is reported under.
 *
 * @public
 */
export type ComplianceFile = DataFile;

/**
 * Something wrong in a compliance file: where (file, JSON pointer, line)
 * and what.
 *
 * @public
 */
export type ComplianceFileProblem = DataFileProblem;
