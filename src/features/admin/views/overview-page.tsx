import type { ViewContext } from '../../../platform/context.ts';
import { Card } from '../../../ui/card.tsx';

export interface OverviewCounts {
  members: number;
  admins: number;
  outbox: number;
  audit: number;
}

export function OverviewPage({ ctx, counts }: { ctx: ViewContext; counts: OverviewCounts }) {
  const { t } = ctx;
  const sections = [
    {
      path: '/admin/members',
      title: t('admin.overview.members.title'),
      figures: [
        t('admin.overview.members.count', { count: counts.members }),
        t('admin.overview.members.admins', { count: counts.admins }),
      ],
      description: t('admin.overview.members.description'),
    },
    {
      path: '/admin/outbox',
      title: t('admin.overview.outbox.title'),
      figures: [t('admin.overview.outbox.count', { count: counts.outbox })],
      description: t('admin.overview.outbox.description'),
    },
    {
      path: '/admin/audit',
      title: t('admin.overview.audit.title'),
      figures: [t('admin.overview.audit.count', { count: counts.audit })],
      description: t('admin.overview.audit.description'),
    },
  ];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p class="lede">{t('admin.overview.intro')}</p>
      <ul class="grid">
        {sections.map((section) => (
          <li key={section.path}>
            <Card headingLevel={2} title={section.title} href={ctx.href(section.path)}>
              <p>{section.description}</p>
              <ul>
                {section.figures.map((figure) => (
                  <li key={figure}>{figure}</li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
