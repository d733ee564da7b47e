import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability, signedInUser } from '../../platform/guards.ts';
import { acceptUploads, uploadsOf } from '../../platform/uploads/index.ts';
import { importPractices, IMPORT_COLUMNS, type ImportProblem } from './export-import.ts';
import { ImportPage } from './views/search-import-page.tsx';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
  const uploadRoute = await acceptUploads(app, { capability: 'content.curate', limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1_000 } });
  const editors = requireCapability('content.curate');
  const title = (request: FastifyRequest) => request.t('practiceSearch.import.title');

  app.get('/practices/import', { preHandler: editors }, async (request, reply) =>
    reply.page(title(request), (ctx) => <ImportPage ctx={ctx} columns={IMPORT_COLUMNS} />),
  );

  app.post(
    '/practices/import',
    uploadRoute,
    async (request, reply) => {
      const user = signedInUser(request);
      const upload = uploadsOf(request);
      const file = upload.files.find((part) => part.fieldname === 'file');
      const fileError = (message: string) =>
        reply.page(title(request), (ctx) => <ImportPage ctx={ctx} columns={IMPORT_COLUMNS} fileError={message} />, 422);
      // More than one file is a limit broken: only one CSV is read.
      if (upload.problem) return fileError('practiceSearch.import.errors.fileTooLarge');
      if (!file || file.size === 0) return fileError('practiceSearch.import.errors.fileRequired');
      if (file.truncated) return fileError('practiceSearch.import.errors.fileTooLarge');
      const text = asText(await readFile(file.path));
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
