import { DateTime } from 'luxon';
import { CONTENT_LANGUAGES } from '../../lib/languages.ts';
import { ValidationError } from '../../platform/errors.ts';

/**
 * The form that opens a dialogue or a consultation: a title, an introduction, guiding questions
 * one per line, and the times it opens and closes, typed on the wall clock of the person's zone.
 */

export const TIMED_FIELDS = ['title', 'introduction', 'questions', 'opensAt', 'closesAt', 'language', 'people', 'event'] as const;
export type TimedField = (typeof TIMED_FIELDS)[number];
export type TimedFormValues = Record<TimedField, string>;
export const EMPTY_TIMED_FORM: TimedFormValues = { title: '', introduction: '', questions: '', opensAt: '', closesAt: '', language: 'en', people: '', event: '' };

export const QUESTIONS_MAX = 12;
const TEXT_MAX = 20_000;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** `2026-07-15T09:00` (seconds optional) in `zone`, or undefined. */
export function instantOfLocal(local: string, zone: string): Date | undefined {
  if (!LOCAL_TIME.test(local)) return undefined;
  const time = DateTime.fromISO(local, { zone });
  return time.isValid && time.year >= 2000 && time.year <= 2100 ? time.toJSDate() : undefined;
}

/** An instant as a datetime-local field with seconds shows it in `zone`. */
export function localOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

export interface TimedInput {
  title: string;
  introduction: string;
  questions: string[];
  opensAt: Date;
  closesAt: Date;
  language: string;
  /** Handles: the dialogue's moderators, or the consultation's chair. */
  people: string[];
  event: string;
}

export function readTimedForm(body: unknown): TimedFormValues {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(TIMED_FIELDS.map((field) => [field, typeof source[field] === 'string' ? source[field] : EMPTY_TIMED_FORM[field]])) as TimedFormValues;
}

/** Checks the form; every problem is reported at once. */
export function checkTimedForm(values: TimedFormValues, zone: string): TimedInput {
  const errors: Record<string, string> = {};
  const title = values.title.trim();
  if (title === '') errors.title = 'discuss.errors.titleRequired';
  else if (title.length > 200) errors.title = 'discuss.errors.titleTooLong';
  const introduction = values.introduction.trim();
  if (introduction.length > TEXT_MAX) errors.introduction = 'discuss.errors.bodyTooLong';
  const questions = values.questions.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (questions.length === 0) errors.questions = 'discuss.errors.questionsRequired';
  else if (questions.length > QUESTIONS_MAX || questions.some((question) => question.length > 500)) errors.questions = 'discuss.errors.questionsTooMany';
  const opensAt = instantOfLocal(values.opensAt.trim(), zone);
  const closesAt = instantOfLocal(values.closesAt.trim(), zone);
  if (!opensAt) errors.opensAt = 'discuss.errors.timeInvalid';
  if (!closesAt) errors.closesAt = 'discuss.errors.timeInvalid';
  else if (opensAt && closesAt <= opensAt) errors.closesAt = 'discuss.errors.closesBeforeOpens';
  const language = (CONTENT_LANGUAGES as readonly string[]).includes(values.language) ? values.language : 'en';
  const people = [...new Set(values.people.split(/[\s,]+/).map((handle) => handle.replace(/^@/, '').trim()).filter(Boolean))];
  if (Object.keys(errors).length > 0 || !opensAt || !closesAt) throw new ValidationError(errors);
  return { title, introduction, questions, opensAt, closesAt, language, people, event: values.event.trim() };
}
