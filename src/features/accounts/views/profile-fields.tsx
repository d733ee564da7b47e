import type { ViewContext } from '../../../platform/context.ts';
import { countryOptions } from '../../../lib/countries.ts';
import { STAKEHOLDER_TYPES } from '../../../lib/stakeholders.ts';
import { Select, TextInput } from '../../../ui/fields.tsx';

type Bind = (id: string) => { id: string; error?: string; errorPrefix: string; value: string };

/** Name, organisation, stakeholder type and country: asked at registration and on the account page. */
export function ProfileFields({ ctx, bind }: { ctx: ViewContext; bind: Bind }) {
  const { t } = ctx;
  return (
    <>
      <TextInput {...bind('name')} label={t('accounts.fields.name')} autocomplete="name" spellcheck={false} />
      <TextInput
        {...bind('organisation')}
        label={t('accounts.fields.organisation')}
        hint={t('accounts.fields.optional')}
        autocomplete="organization"
      />
      <Select
        {...bind('stakeholderType')}
        label={t('accounts.fields.stakeholderType')}
        hint={t('accounts.fields.optional')}
        emptyOption={t('accounts.fields.chooseStakeholderType')}
        options={STAKEHOLDER_TYPES.map((type) => ({ value: type, label: t(`common.stakeholders.${type}`) }))}
      />
      <Select
        {...bind('country')}
        label={t('accounts.fields.country')}
        hint={t('accounts.fields.optional')}
        emptyOption={t('accounts.fields.chooseCountry')}
        options={countryOptions(ctx.locale)}
        autocomplete="country"
      />
    </>
  );
}
