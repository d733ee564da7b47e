import type { ViewContext } from '../../../platform/context.ts';
import { eventTimes } from '../event-time.ts';

/** The zone a reader sees an event in: their own when signed in, the event's otherwise. */
export const readerZone = (ctx: ViewContext, eventZone: string): string => ctx.user?.timeZone ?? eventZone;

/** When an occurrence happens, in the reader's zone, with the original beside it when they differ. */
export function EventWhen({ ctx, startsAt, endsAt, timeZone }: { ctx: ViewContext; startsAt: Date; endsAt: Date; timeZone: string }) {
  const times = eventTimes(ctx.locale, startsAt, endsAt, timeZone, readerZone(ctx, timeZone));
  return (
    <span class="event-when">
      <time datetime={startsAt.toISOString()}>{times.reader}</time>
      {times.original ? (
        <>
          {' '}
          <span class="event-when__original">{ctx.t('events.page.originalTime', { time: times.original })}</span>
        </>
      ) : null}
    </span>
  );
}
