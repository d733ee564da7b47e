import { countryName, countryOptions } from '../../../lib/countries.ts';
import { displayNames } from '../../../lib/intl.ts';
import { SPOKEN_LANGUAGES } from '../../../lib/languages.ts';
import { STAKEHOLDER_TYPES } from '../../../lib/stakeholders.ts';
import { timeZones } from '../../../lib/time-zones.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { LOCALES, languageName } from '../../../platform/i18n.ts';
import { Button, Checkboxes, Fieldset, Select, Textarea, TextInput } from '../../../ui/index.ts';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import { LIMITS, PUBLIC_FIELDS, type ProfileForm } from '../profile.ts';

export interface ProfileSettingsPageProps {
  ctx: ViewContext;
  form: ProfileForm;
  errors: FieldErrors;
  topics: readonly Term[];
  cities: readonly { id: number; name: string; country: string }[];
  saved: boolean;
}

/** `/{l}/account/profile`: what the member shows of themselves, and the settings only they see. */
export function ProfileSettingsPage({ ctx, form, errors, topics, cities, saved }: ProfileSettingsPageProps) {
  const { t, locale, user } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const bind = (id: Exclude<keyof ProfileForm, 'expertise' | 'languages' | 'public'>) => {
    const key = errors[id];
    return { id, errorPrefix, error: key ? t(key) : undefined, value: form[id] };
  };
  const errorOf = (id: string) => (errors[id] ? t(errors[id]) : undefined);
  const languages = displayNames(locale, 'language');
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={saved ? t('community.settings.saved') : undefined} />
      <h1>{t('community.settings.title')}</h1>
      <p class="lede">{t('community.settings.intro')}</p>
      {user ? (
        <p>
          <a href={ctx.href(`/members/${encodeURIComponent(user.handle)}`)}>{t('community.settings.viewProfile')}</a>
        </p>
      ) : null}
      <PostForm action={ctx.href('/account/public-profile')} csrfToken={ctx.csrfToken()}>
        <h2>{t('community.settings.aboutYou')}</h2>
        <TextInput {...bind('organisation')} label={t('community.fields.organisation')} hint={t('community.fields.optional')} autocomplete="organization" />
        <Select
          {...bind('stakeholderType')}
          label={t('community.fields.stakeholderType')}
          hint={t('community.fields.optional')}
          emptyOption={t('community.fields.choose')}
          options={STAKEHOLDER_TYPES.map((type) => ({ value: type, label: t(`common.stakeholders.${type}`) }))}
        />
        <TextInput {...bind('jobTitle')} label={t('community.fields.jobTitle')} hint={t('community.fields.optional')} autocomplete="organization-title" />
        <Select {...bind('country')} label={t('community.fields.country')} hint={t('community.fields.optional')} emptyOption={t('community.fields.choose')} options={countryOptions(locale)} />
        <Select
          {...bind('city')}
          label={t('community.fields.city')}
          hint={t('community.fields.cityHint')}
          emptyOption={t('community.fields.choose')}
          options={cities.map((city) => ({ value: String(city.id), label: t('community.fields.cityOption', { city: city.name, country: countryName(city.country, locale) }) }))}
        />
        <Checkboxes
          id="expertise"
          label={t('community.fields.expertise')}
          hint={t('community.fields.optional')}
          error={errorOf('expertise')}
          errorPrefix={errorPrefix}
          items={topics.map((term) => ({ value: term.code, label: termLabel(term, locale) }))}
          checked={form.expertise}
        />
        <Checkboxes
          id="languages"
          label={t('community.fields.languages')}
          hint={t('community.fields.optional')}
          error={errorOf('languages')}
          errorPrefix={errorPrefix}
          items={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: <span>{languages.of(code) ?? code}</span> }))}
          checked={form.languages}
        />
        <Textarea {...bind('bio')} label={t('community.fields.bio')} hint={t('community.fields.bioHint', { max: LIMITS.bio })} rows={5} />
        <TextInput {...bind('website')} type="url" label={t('community.fields.website')} hint={t('community.fields.websiteHint')} autocomplete="url" spellcheck={false} />

        <h2>{t('community.settings.whatIsPublic')}</h2>
        <Checkboxes
          id="public"
          label={t('community.fields.public')}
          hint={t('community.fields.publicHint')}
          error={errorOf('public')}
          errorPrefix={errorPrefix}
          items={PUBLIC_FIELDS.map((field) => ({ value: field, label: t(`community.fields.publicField.${field}`) }))}
          checked={form.public}
        />
        <Checkboxes
          id="listed"
          label={t('community.fields.listed')}
          error={errorOf('listed')}
          errorPrefix={errorPrefix}
          items={[{ value: 'yes', label: t('community.fields.listedYes'), hint: t('community.fields.listedHint') }]}
          checked={form.listed === 'yes' ? ['yes'] : []}
        />

        <Fieldset legend={t('community.settings.yourSettings')} hint={t('community.settings.yourSettingsHint')}>
          <Select {...bind('timeZone')} label={t('community.fields.timeZone')} options={timeZones().map((zone) => ({ value: zone, label: zone }))} />
          <Select {...bind('locale')} label={t('community.fields.locale')} options={LOCALES.map((code) => ({ value: code, label: languageName(code) }))} />
        </Fieldset>
        <Button>{t('community.settings.save')}</Button>
      </PostForm>
    </div>
  );
}
