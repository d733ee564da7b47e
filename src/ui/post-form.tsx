import type { ComponentChildren } from 'preact';

export interface PostFormProps {
  action: string;
  csrfToken: string;
  children: ComponentChildren;
  class?: string;
  enctype?: 'multipart/form-data';
}

/** Every state-changing form posts its CSRF token; browsers' own validation is off so that
 * the server's translated messages are the ones people see. */
export function PostForm({ action, csrfToken, children, class: className, enctype }: PostFormProps) {
  return (
    <form method="post" action={action} class={className} enctype={enctype} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}
