/** A PDF that cannot be read, or cannot be written again without its password. */
export class PdfMetadataError extends Error {
  constructor(
    message: string,
    /** Protected by a password or by permissions: it cannot be rewritten without them. */
    readonly isProtected = false,
  ) {
    super(message);
    this.name = 'PdfMetadataError';
  }
}
