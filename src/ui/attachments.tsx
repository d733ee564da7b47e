import type { AttachmentType } from '../db/schema/attachments.ts';
import type { ViewContext } from '../platform/context.ts';
import { Checkboxes } from './fields.tsx';
import { FileInput } from './form-controls.tsx';
import { formatFileSize } from './format.ts';

/** Attached files as readers see them, on the page of any kind of content. */

const TYPE_KEYS: Readonly<Record<AttachmentType, string>> = {
  'application/pdf': 'common.attachment.pdf',
  'image/png': 'common.attachment.png',
  'image/jpeg': 'common.attachment.jpeg',
};

/** What a file input offers to choose: the types the upload checks accept. */
export const ACCEPTED_ATTACHMENT_FILES = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

export interface ListedAttachment {
  id: number;
  filename: string;
  media_type: AttachmentType;
  byte_size: number;
}

/** Each file as a download link followed by its type and size ("PDF, 350 kB"). */
export function AttachmentList({ ctx, attachments, hrefOf }: { ctx: ViewContext; attachments: readonly ListedAttachment[]; hrefOf: (id: number) => string }) {
  return (
    <ul class="link-list">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={hrefOf(attachment.id)} dir="auto">
            {attachment.filename}
          </a>{' '}
          <span class="muted">
            {ctx.t('common.attachment.description', {
              type: ctx.t(TYPE_KEYS[attachment.media_type]),
              size: formatFileSize(attachment.byte_size, ctx.locale),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface FieldBinding {
  id: string;
  errorPrefix: string;
  error: string | undefined;
  label: string;
  hint: string;
}

/**
 * A form's file fields: files already attached, ticked to be removed on save, then the input
 * for new ones. The field names are the form's (`removeAttachment`, `attachments`).
 */
export function AttachmentFields({
  ctx,
  attached,
  removeIds,
  remove,
  add,
}: {
  ctx: ViewContext;
  attached: readonly ListedAttachment[];
  removeIds: readonly string[];
  remove: FieldBinding;
  add: FieldBinding;
}) {
  return (
    <>
      {attached.length > 0 ? (
        <Checkboxes
          {...remove}
          items={attached.map((file) => ({ value: String(file.id), label: `${file.filename} (${formatFileSize(file.byte_size, ctx.locale)})` }))}
          checked={removeIds}
        />
      ) : null}
      <FileInput {...add} accept={ACCEPTED_ATTACHMENT_FILES} multiple />
    </>
  );
}
