import type { ComponentChildren } from 'preact';
import type { AttachmentType } from '../../../db/schema/attachments.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { SummaryList, type SummaryRow } from '../../../ui/summary-list.tsx';
import type { PracticeInput } from '../model.ts';
import { fieldLines, type TextContext } from '../record-text.ts';
import { LIST_RECORD_FIELDS, PRIVATE_RECORD_FIELDS, RECORD_SECTIONS, type RecordField } from '../sections.ts';
import { fileSize } from './editorial-shared.tsx';

/**
 * The whole record, read-only and section by section: what the author previews and what the
 * editors review. Every value is text, so markup typed into any field shows as typed.
 */

export interface RecordAttachment {
  id: number;
  filename: string;
  media_type: AttachmentType;
  byte_size: number;
}

export interface PracticeRecordProps {
  ctx: ViewContext;
  record: PracticeInput;
  text: TextContext;
  showContact: boolean;
  /** Files with their download links; left out for a preview of unsaved input. */
  attachments?: { items: readonly RecordAttachment[]; hrefFor: (id: number) => string };
  /** Headings start at this level, to fit under the page's own. */
  headingLevel?: 2 | 3;
}

function FieldValue({ ctx, record, field, text }: { ctx: ViewContext; record: PracticeInput; field: RecordField; text: TextContext }) {
  if (field === 'links' && record.links.length > 0) {
    // Links were checked to be http(s) when saved: nothing else can reach an href.
    return (
      <ul>
        {record.links.map((link) => (
          <li key={link.url}>
            <a href={link.url} rel="nofollow noopener">
              {link.label || link.url}
            </a>
          </li>
        ))}
      </ul>
    );
  }
  const lines = fieldLines(record, field, text);
  if (lines.length === 0) return <span class="muted">{ctx.t('practices.record.notGiven')}</span>;
  if (LIST_RECORD_FIELDS.has(field)) {
    return (
      <ul>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </>
  );
}

/** Text the author wrote is in the practice's language; labels and dates are in the page's. */
const AUTHORED_FIELDS: ReadonlySet<RecordField> = new Set<RecordField>([
  'title',
  'summary',
  'background',
  'activities',
  'participants',
  'outcomes',
  'evaluation',
  'recommendations',
  'fundingSource',
]);

function rowsOf(props: PracticeRecordProps, fields: readonly RecordField[]): SummaryRow[] {
  const { ctx, record, text, showContact } = props;
  return fields
    .filter((field) => showContact || !PRIVATE_RECORD_FIELDS.has(field))
    .map((field) => {
      const value = <FieldValue ctx={ctx} record={record} field={field} text={text} />;
      return {
        key: ctx.t(`practices.fields.${field}.label`),
        value: AUTHORED_FIELDS.has(field) ? <div lang={record.language}>{value}</div> : value,
      };
    });
}

function Section({ level, id, title, children }: { level: 2 | 3; id: string; title: string; children: ComponentChildren }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section>
      <Heading id={id}>{title}</Heading>
      {children}
    </section>
  );
}

export function PracticeRecord(props: PracticeRecordProps) {
  const { ctx, attachments, headingLevel = 2 } = props;
  return (
    <div class="practice-record">
      {RECORD_SECTIONS.map((section) => {
        const rows = rowsOf(props, section.fields);
        if (rows.length === 0) return null;
        return (
          <Section key={section.id} level={headingLevel} id={`record-${section.id}`} title={ctx.t(`practices.sections.${section.id}`)}>
            <SummaryList rows={rows} />
          </Section>
        );
      })}
      {attachments ? (
        <Section level={headingLevel} id="record-attachments" title={ctx.t('practices.sections.attachments')}>
          {attachments.items.length === 0 ? (
            <p>{ctx.t('practices.record.noAttachments')}</p>
          ) : (
            <ul>
              {attachments.items.map((file) => (
                <li key={file.id}>
                  <a href={attachments.hrefFor(file.id)} download>
                    {file.filename}
                  </a>{' '}
                  <span class="muted">{ctx.t('practices.record.fileDetails', { type: ctx.t(`practices.record.fileTypes.${file.media_type.replace('/', '_')}`), size: fileSize(ctx.locale, file.byte_size) })}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
    </div>
  );
}
