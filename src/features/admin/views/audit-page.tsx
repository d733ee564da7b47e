import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, type Page } from '../../../platform/pagination.ts';
import { AUDIT_ACTIONS, isRole, ROLE_CHANGED } from '../model.ts';
import type { AuditRow } from '../service.ts';
import { BackToOverview, DateText, PagedTable } from './shared.tsx';

/** Actions written by features that have no label yet show their stable code rather than fail. */
function actionLabel(ctx: ViewContext, action: string): string {
  return AUDIT_ACTIONS.includes(action) ? ctx.t(`admin.audit.actions.${action}`) : action;
}

function actorLabel(ctx: ViewContext, actor: AuditRow['actor']): string {
  if (actor === null) return ctx.t('admin.audit.system');
  return actor.name ?? ctx.t('admin.members.deleted');
}

function SubjectText({ ctx, entry }: { ctx: ViewContext; entry: AuditRow }) {
  if (!entry.subjectMember) return <>{entry.subject}</>;
  return (
    <>
      {entry.subjectMember.name ?? ctx.t('admin.members.deleted')} <span class="muted">({entry.subject})</span>
    </>
  );
}

/** Known details read as a sentence; anything else as its raw fields, which are not personal. */
function DetailsText({ ctx, entry }: { ctx: ViewContext; entry: AuditRow }) {
  const { from, to } = entry.details;
  if (entry.action === ROLE_CHANGED && isRole(from) && isRole(to)) {
    return <>{ctx.t('admin.audit.details.roleChanged', { from: ctx.t(`common.roles.${from}`), to: ctx.t(`common.roles.${to}`) })}</>;
  }
  const fields = Object.entries(entry.details);
  if (fields.length === 0) return null;
  return (
    <ul>
      {fields.map(([name, value]) => (
        <li key={name}>
          <code>{name}</code>: {String(value)}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage({ ctx, list }: { ctx: ViewContext; list: Page<AuditRow> }) {
  const { t } = ctx;
  return (
    <>
      <BackToOverview ctx={ctx} />
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <PagedTable
        ctx={ctx}
        list={list}
        caption={t('admin.audit.caption')}
        head={[
          t('admin.audit.columns.date'),
          t('admin.audit.columns.actor'),
          t('admin.audit.columns.action'),
          t('admin.audit.columns.subject'),
          t('admin.audit.columns.details'),
        ]}
        row={(entry) => [
          <DateText ctx={ctx} date={entry.createdAt} withTime />,
          actorLabel(ctx, entry.actor),
          actionLabel(ctx, entry.action),
          <SubjectText ctx={ctx} entry={entry} />,
          <DetailsText ctx={ctx} entry={entry} />,
        ]}
        empty={t('admin.audit.none')}
        hrefFor={(page) => ctx.href(pageHref('/admin/audit', {}, page))}
      />
    </>
  );
}
