import type { ContentStatus } from '../content/kinds.ts';

/**
 * The editorial workflow of every reviewed kind, as data: which step may happen in which state, and where it leads.
 *
 *   draft ─submit→ submitted ─take→ in_review ─request_changes→ changes_requested ─submit→ …
 *                                     │ publish → published ─archive→ archived
 *                                     └ decline → declined
 *
 * Who may take a step is the policies' business; this only knows the states.
 */

export const DECISIONS = ['request_changes', 'publish', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

export type WorkflowStep = 'submit' | 'take' | Decision | 'archive';

const TRANSITIONS: Record<WorkflowStep, { from: readonly ContentStatus[]; to: ContentStatus }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted' },
  take: { from: ['submitted'], to: 'in_review' },
  // An editor may decide straight from the queue: taking it first is a courtesy to colleagues.
  request_changes: { from: ['submitted', 'in_review'], to: 'changes_requested' },
  publish: { from: ['submitted', 'in_review'], to: 'published' },
  decline: { from: ['submitted', 'in_review'], to: 'declined' },
  // Unpublishing a published practice and shelving any other record are the same step.
  archive: { from: ['draft', 'submitted', 'in_review', 'changes_requested', 'published', 'declined'], to: 'archived' },
};

export function canStep(status: ContentStatus, step: WorkflowStep): boolean {
  return TRANSITIONS[step].from.includes(status);
}

/** The state a step leads to, or undefined when the step is not possible from `status`. */
export function nextStatus(status: ContentStatus, step: WorkflowStep): ContentStatus | undefined {
  return canStep(status, step) ? TRANSITIONS[step].to : undefined;
}

export function isDecision(value: string): value is Decision {
  return (DECISIONS as readonly string[]).includes(value);
}

/** States waiting for an editor: the review queue's default view. */
export const AWAITING_EDITOR: readonly ContentStatus[] = ['submitted', 'in_review'];
