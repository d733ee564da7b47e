import { dayText } from '../../lib/intl.ts';
import { pdfWriter } from '../../open-data/index.ts';
import { translator, type Locale } from '../../platform/i18n.ts';
import type { ParticipantRecord } from './participants.ts';
import type { LabRow } from './queries.ts';

/**
 * A participant's attendance certificate, in their language and its direction. The name is typed
 * by the coordinator when the certificate is made and goes into the PDF only: Bridges keeps no name.
 */
export async function certificatePdf(input: { lab: LabRow; record: ParticipantRecord; name: string; locale: Locale; issuedOn: string }): Promise<Buffer> {
  const t = translator(input.locale);
  const { lab, record } = input;
  const { paragraph, finish, doc } = pdfWriter({ title: t('labs.certificate.title'), locale: input.locale });
  doc.moveDown(4);
  paragraph(t('labs.certificate.title'), { bold: true, size: 24, centred: true });
  doc.moveDown(1);
  paragraph(t('labs.certificate.body', { name: input.name, lab: lab.name, place: [lab.city_name, lab.country].filter(Boolean).join(', ') }), { size: 13 });
  doc.moveDown(0.5);
  for (const enrolment of record.enrolments) {
    const sessions = record.attendance.filter((row) => row.programme_title === enrolment.title);
    const attended = sessions.filter((row) => row.present).length;
    paragraph(t('labs.certificate.programmeLine', { programme: enrolment.title, attended, count: sessions.length }), { size: 12 });
  }
  for (const outcome of record.outcomes.filter((row) => row.kind === 'language_level' || row.kind === 'training_completed')) {
    const what = outcome.cefr_level ? `${t(`labs.outcomes.${outcome.kind}`)}: ${outcome.cefr_level}` : `${t(`labs.outcomes.${outcome.kind}`)}${outcome.programme_title ? ` (${outcome.programme_title})` : ''}`;
    paragraph(t('labs.certificate.outcomeLine', { what, date: dayText(input.locale, outcome.achieved_on) }), { size: 12 });
  }
  doc.moveDown(2);
  paragraph(t('labs.certificate.issued', { date: dayText(input.locale, input.issuedOn), lab: lab.name }), { size: 11 });
  return finish();
}
