import type { ComponentChildren } from 'preact';
import { cx } from './class-names.ts';

export interface NotificationBannerProps {
  title: string;
  children: ComponentChildren;
  /** `success` confirms what the person just did and is announced at once. */
  variant?: 'info' | 'success';
  /** Id of the title; change it when a page shows more than one banner. */
  titleId?: string;
}

export function NotificationBanner({
  title,
  children,
  variant = 'info',
  titleId = 'notification-banner-title',
}: NotificationBannerProps) {
  const success = variant === 'success';
  return (
    <div
      class={cx('notification-banner', success && 'notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
    >
      <h2 class="notification-banner__title" id={titleId}>
        {title}
      </h2>
      <div class="notification-banner__content">{children}</div>
    </div>
  );
}

/** Confirms what the person just did; renders nothing when there is nothing to confirm. */
export function SuccessBanner({ title, message }: { title: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <NotificationBanner title={title} variant="success">
      <p>{message}</p>
    </NotificationBanner>
  );
}
