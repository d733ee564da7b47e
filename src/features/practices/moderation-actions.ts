/** Audit actions the practices feature writes; the admin pages label them (`admin.audit.actions.<action>`). */
export const FLAG_DISMISSED = 'flag.dismissed';
export const COMMENT_REMOVED = 'comment.removed';
