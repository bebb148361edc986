/**
 * The national format in one place: tables (rows, columns, names, sections), the six sections and their
 * numerals, the superseded 2019 labels, and the publication deadlines. Every other module imports these
 * facts from here.
 */
export * from './deadlines';
export * from './sections';
export * from './tables';
export * from './template2019';
