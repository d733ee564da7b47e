import type { ViewContext } from '../../../platform/context.ts';
import { fieldBinder, type FormState } from '../../../platform/forms.ts';
import { TextInput } from '../../../ui/fields.tsx';

export interface PasswordInputProps {
  ctx: ViewContext;
  form: FormState;
  id: string;
  label: string;
  autocomplete: 'current-password' | 'new-password';
  hint?: string;
}

export function PasswordInput({ ctx, form, id, label, autocomplete, hint }: PasswordInputProps) {
  // A password is never sent back to the browser, even when the form is re-rendered.
  const bound = { ...fieldBinder(ctx, form)(id), value: '' };
  return <TextInput {...bound} type="password" label={label} hint={hint} autocomplete={autocomplete} spellcheck={false} />;
}
