import type { ViewContext } from '../../../platform/context.ts';
import { Button, ErrorSummary, NotificationBanner, SuccessBanner, Table } from '../../../ui/index.ts';
import { PostForm } from '../../../ui/post-form.tsx';
import { ErrorMessage, FormGroup, Hint, errorId, hintId } from '../../../ui/fields.tsx';
import type { ImportProblem } from '../export-import.ts';

export interface ImportPageProps {
  ctx: ViewContext;
  columns: readonly string[];
  /** Translation key of what is wrong with the upload itself. */
  fileError?: string;
  imported?: number;
  problems?: readonly ImportProblem[];
}

/** The CSV import form, and after an upload either how many were imported or every problem found. */
export function ImportPage({ ctx, columns, fileError, imported, problems = [] }: ImportPageProps) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const fileMessage = fileError ? t(fileError) : undefined;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={fileMessage ? [{ field: 'file', message: fileMessage }] : []} />
      <h1>{t('practiceSearch.import.title')}</h1>
      <SuccessBanner
        title={t('common.success')}
        message={imported !== undefined && imported > 0 && problems.length === 0 ? t('practiceSearch.import.imported', { count: imported }) : undefined}
      />
      {problems.length > 0 ? (
        <div class="stack" id="import-report">
          <NotificationBanner title={t('practiceSearch.import.rejectedTitle')}>
            <p>{t('practiceSearch.import.rejectedBody', { count: problems.length })}</p>
          </NotificationBanner>
          <Table
            caption={t('practiceSearch.import.report')}
            head={[t('practiceSearch.import.row'), t('practiceSearch.import.field'), t('practiceSearch.import.message')]}
            numericColumns={[0]}
            rows={problems.map((problem) => [String(problem.line), problem.column ?? '', t(problem.message, problem.params)])}
          />
        </div>
      ) : null}
      <p>{t('practiceSearch.import.intro')}</p>
      <p>{t('practiceSearch.import.columns', { columns: columns.join(', ') })}</p>
      <PostForm action={ctx.href('/practices/import')} csrfToken={ctx.csrfToken()} enctype="multipart/form-data">
        <FormGroup error={fileMessage}>
          <label class="label" for="file">
            {t('practiceSearch.import.fileLabel')}
          </label>
          <Hint id={hintId('file')}>{t('practiceSearch.import.fileHint')}</Hint>
          <ErrorMessage id={errorId('file')} message={fileMessage} prefix={errorPrefix} />
          <input
            class="file-upload"
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby={fileMessage ? `${hintId('file')} ${errorId('file')}` : hintId('file')}
            aria-invalid={fileMessage ? 'true' : undefined}
          />
        </FormGroup>
        <Button>{t('practiceSearch.import.submit')}</Button>
      </PostForm>
    </div>
  );
}
