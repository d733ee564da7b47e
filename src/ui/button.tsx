import type { ComponentChildren } from 'preact';
import { cx } from './class-names.ts';

/** `link` renders a real button that looks like a link, e.g. "Sign out" in the navigation. */
export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'link';

export interface ButtonProps {
  children: ComponentChildren;
  /** Defaults to `submit`: most buttons here submit a server-rendered form. */
  type?: 'submit' | 'button';
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Id of the form this button submits, when it sits outside that form. */
  form?: string;
  class?: string;
}

function buttonClass(variant: ButtonVariant, extra: string | undefined): string {
  if (variant === 'link') return cx('link-button', extra);
  return cx('button', variant !== 'primary' && `button--${variant}`, extra);
}

export function Button({
  children,
  type = 'submit',
  variant = 'primary',
  name,
  value,
  disabled,
  form,
  class: extra,
}: ButtonProps) {
  return (
    <button
      type={type}
      class={buttonClass(variant, extra)}
      name={name}
      value={value}
      disabled={disabled}
      aria-disabled={disabled ? 'true' : undefined}
      form={form}
    >
      {children}
    </button>
  );
}

export interface ButtonLinkProps {
  href: string;
  children: ComponentChildren;
  variant?: Exclude<ButtonVariant, 'link'>;
  class?: string;
}

/** A link that looks like a button, for calls to action that navigate ("Submit a practice"). */
export function ButtonLink({ href, children, variant = 'primary', class: extra }: ButtonLinkProps) {
  return (
    <a href={href} class={buttonClass(variant, extra)}>
      {children}
    </a>
  );
}
