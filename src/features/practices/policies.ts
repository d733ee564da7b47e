import type { PracticeStatus } from '../../db/schema/practices.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { can } from '../../platform/permissions.ts';

interface PracticeSubject {
  status: PracticeStatus;
  author_id: number | null;
}

/** States in which the author may still change the record without an editor. */
const AUTHOR_EDITABLE: ReadonlySet<PracticeStatus> = new Set(['draft', 'changes_requested', 'published']);

/** Editors read and change any record, whatever its state (see platform/permissions.ts). */
export function isEditor(user: CurrentUser | null): boolean {
  return can(user, 'content.editAny');
}

/** Who may read a practice: everyone once published; otherwise its author and the editors. */
export function canView(user: CurrentUser | null, practice: PracticeSubject): boolean {
  if (practice.status === 'published') return true;
  if (!user) return false;
  return isEditor(user) || practice.author_id === user.id;
}

/** Who may change the record: editors always, its author while it is not with the editors. */
export function canEdit(user: CurrentUser | null, practice: PracticeSubject): boolean {
  if (!user) return false;
  if (isEditor(user)) return true;
  return practice.author_id === user.id && AUTHOR_EDITABLE.has(practice.status);
}

/** Who works the review queue: scores submissions, decides, features, unpublishes and archives. */
export function canReview(user: CurrentUser | null): boolean {
  return can(user, 'content.review');
}

/** Who may send the record to the editors: whoever may edit it, while it is a draft or being revised. */
export function canSubmit(user: CurrentUser | null, practice: PracticeSubject): boolean {
  return canEdit(user, practice) && (practice.status === 'draft' || practice.status === 'changes_requested');
}

/** Who sees the contact person's details whatever they agreed to: the author and the editors. */
export function canSeeContact(user: CurrentUser | null, practice: PracticeSubject): boolean {
  if (!user) return false;
  return isEditor(user) || practice.author_id === user.id;
}

/** Who reads the editors' scores and messages on a practice: its author and the editors. */
export function canReadFeedback(user: CurrentUser | null, practice: PracticeSubject): boolean {
  return canSeeContact(user, practice);
}
