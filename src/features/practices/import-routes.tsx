import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability, signedInUser } from '../../platform/guards.ts';
import { importPractices, IMPORT_COLUMNS, type ImportProblem } from './export-import.ts';
import { ImportPage } from './views/search-import-page.tsx';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface ImportUpload {
  csrf: string;
  file?: { bytes: Buffer; truncated: boolean };
}

const uploads = new WeakMap<FastifyRequest, ImportUpload>();

/** preValidation: reads the multipart post (the CSRF field and one file) before the CSRF check. */
async function readUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const upload: ImportUpload = { csrf: '' };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk);
      if (part.fieldname === 'file' && !upload.file) upload.file = { bytes: Buffer.concat(chunks), truncated: part.file.truncated };
    } else if (part.fieldname === '_csrf' && typeof part.value === 'string') {
      upload.csrf = part.value;
    }
  }
  request.body = { _csrf: upload.csrf };
  uploads.set(request, upload);
}

/** Text that is valid UTF-8 with no NUL bytes, or undefined: a CSV, not a binary file renamed. */
function asText(bytes: Buffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** `/{l}/practices/import`: editors upload a CSV of practices; all rows are imported or none. */
export async function importRoutes(app: FastifyInstance) {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1_000 },
  });
  const editors = requireCapability('content.curate');
  const title = (request: FastifyRequest) => request.t('practiceSearch.import.title');

  app.get('/practices/import', { preHandler: editors }, async (request, reply) =>
    reply.page(title(request), (ctx) => <ImportPage ctx={ctx} columns={IMPORT_COLUMNS} />),
  );

  app.post(
    '/practices/import',
    { preValidation: readUpload, preHandler: editors, bodyLimit: MAX_FILE_BYTES + 64 * 1024 },
    async (request, reply) => {
      const user = signedInUser(request);
      const upload = uploads.get(request);
      const fileError = (message: string) =>
        reply.page(title(request), (ctx) => <ImportPage ctx={ctx} columns={IMPORT_COLUMNS} fileError={message} />, 422);
      if (!upload?.file || upload.file.bytes.length === 0) return fileError('practiceSearch.import.errors.fileRequired');
      if (upload.file.truncated) return fileError('practiceSearch.import.errors.fileTooLarge');
      const text = asText(upload.file.bytes);
      if (text === undefined) return fileError('practiceSearch.import.errors.notText');

      const outcome = await importPractices(app.deps, text, user.id);
      const problems: ImportProblem[] = outcome.problems;
      return reply.page(
        title(request),
        (ctx) => <ImportPage ctx={ctx} columns={IMPORT_COLUMNS} imported={outcome.imported} problems={problems} />,
        problems.length > 0 ? 422 : 200,
      );
    },
  );
}
