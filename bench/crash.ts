/**
 * The crash trial at length: the real server and its embedded PostgreSQL take writes over HTTP
 * and are killed with SIGKILL at random moments; after every restart each acknowledged write must
 * be there and none half-written. `npm test` runs it with 20 kills (src/crash.test.ts).
 *
 *   npx tsx bench/crash.ts                 100 kills
 *   npx tsx bench/crash.ts --kills 500
 */
import { parseArgs } from 'node:util';
import { CrashTrialError, runCrashTrial } from '../src/test/crash-trial.ts';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '100' } } });
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) {
  console.error('--kills takes a whole number from 1');
  process.exit(2);
}

try {
  const result = await runCrashTrial({ kills, log: (line) => console.log(line) });
  const acknowledged = Object.entries(result.acknowledged).map(([kind, count]) => `${count} ${kind}s`).join(', ');
  console.log(
    `\n${result.kills} kills in ${(result.durationMs / 1000).toFixed(1)} s; fsync=${result.settings.fsync}, ` +
      `synchronous_commit=${result.settings.synchronousCommit}.\nAcknowledged and found again: ${acknowledged} ` +
      `(ratings counted per member and practice). Cut short by a kill: ${result.unacknowledged} writes; none half-written.\n` +
      `A backup taken under load (${result.backupUnderLoad.rows} rows, ${result.backupUnderLoad.files} files) restored whole.`,
  );
  process.exit(0);
} catch (error) {
  console.error(error instanceof CrashTrialError ? `Crash trial failed: ${error.message}` : error);
  process.exit(1);
}
