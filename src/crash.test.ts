import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCrashTrial } from './test/crash-trial.ts';

// The real server and its PostgreSQL, killed with SIGKILL at 20 random moments while writes
// arrive, then a backup taken under the same writes and restored; `npx tsx bench/crash.ts
// --kills 100` runs the longer trial. It takes about two minutes on two cores, most of it in the
// twenty restarts (about 3.3 s each: PostgreSQL's crash recovery and the app's start-up).
test('after 20 kills of the server and its PostgreSQL, every acknowledged write is there and none is half-written', { timeout: 180_000 }, async () => {
  const result = await runCrashTrial({ kills: 20 });
  assert.deepEqual(result.settings, { fsync: 'on', synchronousCommit: 'on' });
  // The trial proves something only if writes of every kind were acknowledged, and some cut.
  for (const [kind, count] of Object.entries(result.acknowledged)) assert.ok(count > 0, `${kind}: ${count} acknowledged`);
  assert.ok(result.unacknowledged > 0, 'some writes were cut by a kill');
  assert.ok(result.backupUnderLoad.files > 0, 'the backup taken under load holds uploaded files');
});
