import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalog, LOCALES } from '../../platform/i18n.ts';
import { CRITERIA, SCORES, scoreLabelKey } from './criteria.ts';
import { samplePractice } from './fixtures.ts';
import { canonicalRecord, recordFromSnapshot } from './record.ts';
import { checkRubric, readRubricForm } from './rubric.ts';
import { isoDay, mayNoLongerRun } from './running.ts';
import { canStep, nextStatus } from '../../editorial/workflow.ts';

describe('workflow', () => {
  test('follows draft → submitted → in review → decision, and back after changes', () => {
    assert.equal(nextStatus('draft', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'take'), 'in_review');
    assert.equal(nextStatus('in_review', 'request_changes'), 'changes_requested');
    assert.equal(nextStatus('changes_requested', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'publish'), 'published');
    assert.equal(nextStatus('in_review', 'decline'), 'declined');
    assert.equal(nextStatus('published', 'archive'), 'archived');
  });

  test('refuses steps out of order', () => {
    assert.equal(canStep('draft', 'publish'), false);
    assert.equal(canStep('published', 'submit'), false);
    assert.equal(canStep('archived', 'archive'), false);
    assert.equal(canStep('declined', 'take'), false);
  });
});

describe('criteria', () => {
  test('every criterion and score has its text in every language', () => {
    for (const locale of LOCALES) {
      const catalog = loadCatalog(locale);
      for (const criterion of CRITERIA) {
        assert.ok(catalog.has(criterion.nameKey), `${locale}: ${criterion.nameKey}`);
        assert.ok(catalog.has(criterion.descriptionKey), `${locale}: ${criterion.descriptionKey}`);
      }
      for (const score of SCORES) assert.ok(catalog.has(scoreLabelKey(score)), `${locale}: ${scoreLabelKey(score)}`);
    }
  });
});

describe('rubric', () => {
  const fullMarks = Object.fromEntries(CRITERIA.map((c) => [`score-${c.id}`, '2']));

  test('needs a score for every criterion and a decision', () => {
    const result = checkRubric(readRubricForm({ 'score-relevance': '3' }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.errors['score-relevance'], undefined);
    assert.equal(result.errors['score-clarity'], 'practices.errors.scoreRequired');
    assert.equal(result.errors.decision, 'practices.errors.decisionRequired');
  });

  test('asking for changes needs a message; publishing needs no zero', () => {
    const noMessage = checkRubric(readRubricForm({ ...fullMarks, decision: 'request_changes' }));
    assert.equal(noMessage.ok ? undefined : noMessage.errors.message, 'practices.errors.messageRequired');
    const zero = checkRubric(readRubricForm({ ...fullMarks, 'score-ethics': '0', decision: 'publish' }));
    assert.equal(zero.ok ? undefined : zero.errors.decision, 'practices.errors.publishBelowMinimum');
    const fine = checkRubric(readRubricForm({ ...fullMarks, decision: 'publish', 'comment-results': ' Good figures ' }));
    assert.ok(fine.ok);
    if (fine.ok) assert.deepEqual(fine.rubric.find((entry) => entry.criterion === 'results'), { criterion: 'results', score: 2, comment: 'Good figures' });
  });

  test('refuses scores outside the scale', () => {
    const result = checkRubric(readRubricForm({ ...fullMarks, 'score-clarity': '7', decision: 'publish' }));
    assert.equal(result.ok ? undefined : result.errors['score-clarity'], 'practices.errors.scoreRequired');
  });
});

describe('mayNoLongerRun', () => {
  test('is true from two years after the last confirmation', () => {
    assert.equal(mayNoLongerRun('2024-03-01', '2026-02-28'), false);
    assert.equal(mayNoLongerRun('2024-03-01', '2026-03-01'), true);
    assert.equal(mayNoLongerRun(new Date(2020, 0, 1), new Date(2021, 0, 1)), false);
    assert.equal(mayNoLongerRun(null, '2030-01-01'), false);
  });

  test('reads database dates in local time', () => {
    assert.equal(isoDay(new Date(2025, 11, 31)), '2025-12-31');
  });
});

describe('revision snapshots', () => {
  test('a snapshot reads back as the record it was made from', () => {
    const record = canonicalRecord(samplePractice());
    assert.deepEqual(recordFromSnapshot(JSON.parse(JSON.stringify(record)) as Record<string, unknown>), record);
  });

  test('canonical records ignore order and stray spaces', () => {
    const a = canonicalRecord(samplePractice({ topics: ['housing', 'employment'], title: ' Welcome ' }));
    const b = canonicalRecord(samplePractice({ topics: ['employment', 'housing', 'housing'], title: 'Welcome' }));
    assert.deepEqual(a, b);
  });
});
