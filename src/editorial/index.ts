/**
 * Editorial machinery shared by every reviewed kind: the workflow's states as data, the one
 * review queue at `/{l}/review`, and the status tag. Each kind keeps its own review page (its
 * rubric and decisions) and registers `review` in the content registry to appear in the queue.
 */
export { AWAITING_EDITOR, DECISIONS, canStep, isDecision, nextStatus, type Decision, type WorkflowStep } from './workflow.ts';
export { DECISION_MESSAGE_MAX, readDecision } from './decision.ts';
export { QUEUE_STATES, reviewQueue, type QueueFilter, type QueueRow, type QueueState, type ReviewQueue } from './queue.ts';
export { reviewQueueRoutes } from './routes.tsx';
export { StatusTag } from './views/status-tag.tsx';
export { DecisionForm } from './views/decision-form.tsx';
export { editLinkPart, type EditLinkData } from './views/edit-link.tsx';
export { REVIEW_QUEUE_PATH } from './views/queue-page.tsx';
export { fieldChanges, insertRevision, revisionHistory, type DiffedField, type FieldChange, type RevisionEntry } from './revisions.ts';
export { DiffText, RevisionList } from './views/history.tsx';
export { tellReviewers } from './tell-editors.ts';
export { pendingChangesPersonalData, revisionsPersonalData, smallCorrectionsPersonalData } from './personal-data.ts';
export {
  CHANGES_PENDING,
  editsNeedReview,
  isSmallCorrection,
  pendingChanges,
  SMALL_CORRECTION_MAX_CHANGED_CHARACTERS,
  type LockedItem,
  type PendingChange,
  type PendingChanges,
  type PendingKind,
  type PendingState,
} from './pending.ts';
export { pendingChangeRoutes, type PendingReviewState } from './pending-routes.ts';
export { PENDING_NOTICES, PendingChangeNotice, PendingChangeReview, PendingNoticeBanner, PendingTag, SmallCorrectionsSwitch, type PendingNotice } from './views/pending.tsx';
