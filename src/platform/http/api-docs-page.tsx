import type { ViewContext } from '../context.ts';

export interface ApiOperation {
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: { name: string; in: string; description: string }[];
  responses: string[];
}

/**
 * The API's operations, read from the OpenAPI document and rendered on the server: readable
 * without JavaScript and within the site's content security policy.
 */
export function ApiDocsPage({ ctx, operations }: { ctx: ViewContext; operations: readonly ApiOperation[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('api.docs.title')}</h1>
      <p class="lede">{t('api.docs.intro')}</p>
      <p>
        <a href="/api/openapi.json" type="application/json">
          {t('api.docs.document')}
        </a>
      </p>
      <h2>{t('api.docs.operations')}</h2>
      {operations.map((operation) => (
        <section key={`${operation.method} ${operation.path}`} class="card" aria-labelledby={`op-${operation.method}-${operation.path}`}>
          <h3 id={`op-${operation.method}-${operation.path}`} lang="en">
            <code>{`${operation.method} ${operation.path}`}</code>
          </h3>
          <p lang="en">{operation.summary}</p>
          {operation.description ? <p lang="en">{operation.description}</p> : null}
          {operation.parameters.length > 0 ? (
            <>
              <h4>{t('api.docs.parameters')}</h4>
              <dl class="summary-list">
                {operation.parameters.map((parameter) => (
                  <div class="summary-list__row" key={`${parameter.in}:${parameter.name}`}>
                    <dt class="summary-list__key">
                      <code>{parameter.name}</code> <span class="muted">({parameter.in})</span>
                    </dt>
                    <dd lang="en">{parameter.description}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          <h4>{t('api.docs.responses')}</h4>
          <p>{operation.responses.join(', ')}</p>
        </section>
      ))}
    </div>
  );
}
