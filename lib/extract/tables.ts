/**
 * Recognise the three report tables, from HTML grids (several <table>s joined when a table continues after
 * a page break) or from text lines anchored on the known row labels (Word/PDF extractions).
 * Values are placed by the template's columns; rows whose cell count does not fit are marked lostCells
 * and never guessed.
 */

export {
  type CellElements,
  type CellTokens,
  classifyTableText,
  type ExtractedTables,
  labelCellKey,
} from './table-cells';
export { tablesFromBlocks } from './tables-html';
export { tablesFromText } from './tables-text';
