import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { PdfMetadataError } from './pdf-metadata-error.ts';

export { PdfMetadataError };

/**
 * Removes what a PDF says about who made it and how (the document information dictionary:
 * author, creator, producer, title, dates; and every XMP metadata stream), before an upload is
 * stored. The document is parsed and written again with pdf-lib: pages, fonts and images are
 * kept as objects, unchanged, and only the objects still reachable from the document's catalogue
 * are written, so nothing left behind by earlier edits of the file survives either.
 */

const METADATA = PDFName.of('Metadata');
/** Private data the authoring application keeps in a page or the catalogue. */
const PIECE_INFO = PDFName.of('PieceInfo');

function dictionaryOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

/** The objects `object` points to, directly or through arrays and dictionaries. */
function referencesOf(object: PDFObject | undefined, into: PDFRef[]): void {
  if (object instanceof PDFRef) into.push(object);
  else if (object instanceof PDFArray) object.asArray().forEach((item) => referencesOf(item, into));
  else {
    const dict = dictionaryOf(object);
    dict?.entries().forEach(([, value]) => referencesOf(value, into));
  }
}

/** Takes /Metadata and /PieceInfo out of a dictionary and the dictionaries written inside it. */
function removeMetadataKeys(object: PDFObject | undefined): void {
  if (object instanceof PDFArray) object.asArray().forEach(removeMetadataKeys);
  const dict = dictionaryOf(object);
  if (!dict) return;
  dict.delete(METADATA);
  dict.delete(PIECE_INFO);
  dict.values().forEach(removeMetadataKeys);
}

/** Deletes every indirect object that the catalogue does not lead to. */
function dropUnreachable(context: PDFContext, root: PDFRef): void {
  const reached = new Set<PDFRef>();
  const pending: PDFRef[] = [root];
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (reached.has(ref)) continue;
    reached.add(ref);
    referencesOf(context.lookup(ref), pending);
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref)) context.delete(ref);
  }
}

export async function stripPdfMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  let document: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would write its own producer and dates in.
    document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new PdfMetadataError(`the PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  // pdf-lib cannot decrypt: an encrypted file written again would be unreadable.
  if (document.isEncrypted) throw new PdfMetadataError('the PDF is encrypted', true);
  const { context } = document;
  const root = context.trailerInfo.Root;
  if (!(root instanceof PDFRef) || !(context.lookup(root) instanceof PDFDict)) throw new PdfMetadataError('the PDF has no document catalogue');
  try {
    context.trailerInfo.Info = undefined;
    for (const [, object] of context.enumerateIndirectObjects()) removeMetadataKeys(object);
    dropUnreachable(context, root);
    if (document.getPageCount() === 0) throw new PdfMetadataError('the PDF has no pages');
    // Without object streams the file stays readable by PDF 1.4 readers, as most uploads were written.
    return await document.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
  } catch (error) {
    if (error instanceof PdfMetadataError) throw error;
    throw new PdfMetadataError(`the PDF cannot be written again: ${error instanceof Error ? error.message : String(error)}`);
  }
}
