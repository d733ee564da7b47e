import { ROLES, type Role } from '../../../db/schema/accounts.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, type Page } from '../../../platform/pagination.ts';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { ErrorMessage, Select, TextInput, errorId } from '../../../ui/fields.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Tag } from '../../../ui/tag.tsx';
import { isRole } from '../model.ts';
import type { MemberRow } from '../service.ts';
import { BackToOverview, DateText, PagedTable } from './shared.tsx';

/** The list's state as it appears in the query string; '' when a filter is not used. */
export interface MemberListState {
  q: string;
  role: string;
}

/** A refused role change, shown on the row it came from. */
export interface RoleChangeError {
  memberId: number;
  memberName: string;
  /** Translation key; the message names the member, so the summary says which row is wrong. */
  message: string;
  /** The role that was asked for, kept selected when it is one of the choices. */
  submitted: string;
}

export interface MembersPageProps {
  ctx: ViewContext;
  list: Page<MemberRow>;
  state: MemberListState;
  /** After a successful change: whose role it was and what it is now. */
  changed?: { name: string; role: Role };
  roleError?: RoleChangeError;
}

/** Each row has its own select, so ids carry the member's id to stay unique on the page. */
export const roleFieldId = (memberId: number): string => `role-${memberId}`;

const roleLabel = (ctx: ViewContext, role: Role) => ctx.t(`common.roles.${role}`);

function roleOptions(ctx: ViewContext) {
  return ROLES.map((role) => ({ value: role, label: roleLabel(ctx, role) }));
}

function FilterForm({ ctx, state }: { ctx: ViewContext; state: MemberListState }) {
  const { t } = ctx;
  const filtered = state.q !== '' || state.role !== '';
  return (
    <form method="get" action={ctx.href('/admin/members')} role="search" aria-label={t('admin.members.filter.label')}>
        <TextInput id="q" type="search" label={t('admin.members.filter.search')} value={state.q} spellcheck={false} width={30} />
        <Select id="role" label={t('admin.members.filter.role')} emptyOption={t('admin.members.filter.allRoles')} options={roleOptions(ctx)} value={state.role} />
        <Button variant="secondary">{t('admin.members.filter.submit')}</Button>
        {filtered ? (
          <p>
            <a href={ctx.href('/admin/members')}>{t('admin.members.filter.clear')}</a>
          </p>
        ) : null}
    </form>
  );
}

interface RoleFormProps {
  ctx: ViewContext;
  member: MemberRow & { name: string };
  action: string;
  error: RoleChangeError | undefined;
}

/**
 * A compact control for a table cell: the label is read by screen readers only, since the row
 * already shows whose role it is. The error sits above the select, as in every other form.
 */
function RoleForm({ ctx, member, action, error }: RoleFormProps) {
  const { t } = ctx;
  const id = roleFieldId(member.id);
  const message = error ? t(error.message, { name: error.memberName }) : undefined;
  const selected = error && isRole(error.submitted) ? error.submitted : member.role;
  return (
    <PostForm action={action} csrfToken={ctx.csrfToken()} class={cx('role-form', message && 'form-group--error')}>
      <label class="visually-hidden" for={id}>
        {t('admin.members.roleOf', { name: member.name })}
      </label>
      <ErrorMessage id={errorId(id)} message={message} prefix={t('common.errorPrefix')} />
      <select
        id={id}
        name="role"
        class={cx('select', message && 'select--error')}
        aria-describedby={message ? errorId(id) : undefined}
        aria-invalid={message ? 'true' : undefined}
      >
        {ROLES.map((role) => (
          <option key={role} value={role} selected={role === selected}>
            {roleLabel(ctx, role)}
          </option>
        ))}
      </select>{' '}
      <Button variant="secondary">{t('admin.members.changeRole')}</Button>
    </PostForm>
  );
}

/** Deleted accounts keep their row for the content they wrote, but show nothing personal. */
function memberCells(ctx: ViewContext, member: MemberRow, roleAction: string, error: RoleChangeError | undefined) {
  const { t } = ctx;
  const created = <DateText ctx={ctx} date={member.created_at} />;
  if (member.deleted_at || member.name === null) {
    return [<span class="muted">{t('admin.members.deleted')}</span>, '', '', '', '', created, ''];
  }
  return [
    member.name,
    `@${member.handle}`,
    member.email ?? '',
    roleLabel(ctx, member.role),
    member.email_verified_at ? (
      <Tag variant="success">{t('admin.members.confirmed')}</Tag>
    ) : (
      <Tag variant="warning">{t('admin.members.unconfirmed')}</Tag>
    ),
    created,
    <RoleForm ctx={ctx} member={{ ...member, name: member.name }} action={roleAction} error={error?.memberId === member.id ? error : undefined} />,
  ];
}

export function MembersPage({ ctx, list, state, changed, roleError }: MembersPageProps) {
  const { t } = ctx;
  const filters = { q: state.q, role: state.role };
  // The role forms post to a URL carrying the list's state, so the answer returns to this page.
  const roleAction = (memberId: number) => ctx.href(pageHref(`/admin/members/${memberId}/role`, filters, list.page));
  const errors = roleError
    ? [{ field: roleFieldId(roleError.memberId), message: t(roleError.message, { name: roleError.memberName }) }]
    : [];
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} />
      <SuccessBanner
        title={t('common.success')}
        message={changed ? t('admin.members.roleChanged', { name: changed.name, role: roleLabel(ctx, changed.role) }) : undefined}
      />
      <BackToOverview ctx={ctx} />
      <h1>{t('admin.members.title')}</h1>
      <FilterForm ctx={ctx} state={state} />
      <p>{t('admin.members.found', { count: list.total })}</p>
      <PagedTable
        ctx={ctx}
        list={list}
        caption={t('admin.members.caption')}
        head={[
          t('admin.members.columns.name'),
          t('admin.members.columns.handle'),
          t('admin.members.columns.email'),
          t('admin.members.columns.role'),
          t('admin.members.columns.confirmed'),
          t('admin.members.columns.created'),
          t('admin.members.columns.changeRole'),
        ]}
        row={(member) => memberCells(ctx, member, roleAction(member.id), roleError)}
        empty={t('admin.members.none')}
        hrefFor={(page) => ctx.href(pageHref('/admin/members', filters, page))}
      />
    </>
  );
}
