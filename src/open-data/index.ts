/** Open data for every kind: CSV (safe in spreadsheets), Atom feeds, JSON-LD and streamed downloads. */
export { csvCell, csvLine, CsvSyntaxError, parseCsv, unguardCell, type CsvRow } from './csv.ts';
export { ATOM_CONTENT_TYPE, atomXml, escapeXml, type AtomEntry, type AtomFeed } from './atom.ts';
export { jsonArray, streamDownload } from './download.ts';
export { jsonForScript } from './jsonld.ts';
export { ShareSection, shareLinks, type ShareLink } from './share.tsx';
export { pdfWriter, plainText } from './pdf.ts';
