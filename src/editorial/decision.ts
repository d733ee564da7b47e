import { ValidationError } from '../platform/errors.ts';
import { isDecision, type Decision } from './workflow.ts';

/** The longest message an editor may send the author with a decision. */
export const DECISION_MESSAGE_MAX = 5000;

/**
 * An editor's decision as posted, checked the same way for every reviewed kind: a known decision,
 * and a message the author can act on whenever the item is not published. Errors are the kind's
 * message keys (`<prefix>.errors.decisionRequired`, `…messageRequired`, `…messageTooLong`).
 */
export function readDecision(rawDecision: string, rawMessage: string, errorPrefix: string): { decision: Decision; message: string } {
  const decision = isDecision(rawDecision) ? rawDecision : undefined;
  const message = rawMessage.trim();
  const errors: Record<string, string> = {};
  if (!decision) errors.decision = `${errorPrefix}.errors.decisionRequired`;
  if (message.length > DECISION_MESSAGE_MAX) errors.message = `${errorPrefix}.errors.messageTooLong`;
  else if (decision && decision !== 'publish' && !message) errors.message = `${errorPrefix}.errors.messageRequired`;
  if (!decision || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { decision, message };
}
