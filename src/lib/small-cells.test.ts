import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { derivableCounts, publishCrossTable, suppressSmallCounts, type CrossTable, type PublishedCrossTable, type SumConstraint } from './small-cells.ts';

/**
 * Published indicators must never expose a person. Tables are built to leak one (a single person
 * in a cell, a country total that is one lab's total plus one, zeros beside small counts), and an
 * attacker written apart from the suppression code tries to work each hidden count out from the
 * published ones by linear algebra on the table's sums.
 */

interface Laid {
  counts: number[];
  shown: (number | null)[];
  /** Structural zeros: known to all, not counts. */
  known: boolean[];
  sums: SumConstraint[];
}

/** The published table laid out as the attacker sees it: every figure and every sum that holds between them. */
function layOut(table: CrossTable, published: PublishedCrossTable): Laid {
  const counts: number[] = [];
  const shown: (number | null)[] = [];
  const known: boolean[] = [];
  // A structural zero (undefined) is known to everyone: the attacker holds it as a published 0.
  const add = (value: number, published: number | null | undefined, structural = published === undefined) => {
    counts.push(value);
    shown.push(published === undefined ? 0 : published);
    known.push(structural);
    return counts.length - 1;
  };
  const columns = table.cells[0]?.length ?? 0;
  const groups = table.groups ?? [];
  const rowSum = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);
  const cell = table.cells.map((row, r) =>
    row.map((value, c) => {
      return add(value, published.cells[r]?.[c]);
    }),
  );
  const rowTotal = table.cells.map((row, r) => add(rowSum(row), published.rowTotals[r]));
  const groupCell = groups.map((rows, g) => Array.from({ length: columns }, (_, c) => add(rows.reduce((sum, r) => sum + (table.cells[r]?.[c] ?? 0), 0), published.groupCells[g]?.[c])));
  const groupTotal = groups.map((rows, g) => add(rows.reduce((sum, r) => sum + rowSum(table.cells[r] ?? []), 0), published.groupTotals[g]));
  const columnTotal = Array.from({ length: columns }, (_, c) => add(table.cells.reduce((sum, row) => sum + (row[c] ?? 0), 0), published.columnTotals[c]));
  const total = add(table.cells.flat().reduce((a, b) => a + b, 0), published.total);
  const sums: SumConstraint[] = [
    ...cell.map((row, r) => ({ parts: row, total: rowTotal[r] ?? -1 })),
    ...Array.from({ length: columns }, (_, c) => ({ parts: cell.map((row) => row[c] ?? -1), total: columnTotal[c] ?? -1 })),
    { parts: rowTotal, total },
    ...groups.flatMap((rows, g) => [
      ...Array.from({ length: columns }, (_, c) => ({ parts: rows.map((r) => cell[r]?.[c] ?? -1), total: groupCell[g]?.[c] ?? -1 })),
      { parts: rows.map((r) => rowTotal[r] ?? -1), total: groupTotal[g] ?? -1 },
    ]),
  ];
  return { counts, shown, known, sums };
}

/**
 * The attacker: a hidden count is derivable by linear algebra when its unit vector lies in the row
 * space of the sums restricted to the hidden counts (Gaussian elimination, exact on small integers).
 */
function linearlyDerivable(laid: Laid): number[] {
  const hidden = laid.shown.map((value, index) => (value === null ? index : -1)).filter((index) => index >= 0);
  const matrix = laid.sums.map((sum) => hidden.map((index) => sum.parts.filter((part) => part === index).length - (sum.total === index ? 1 : 0)));
  const rank = (rows: number[][]): number => {
    const m = rows.map((row) => [...row]);
    let found = 0;
    for (let column = 0; column < hidden.length && found < m.length; column += 1) {
      const pivot = m.findIndex((row, index) => index >= found && Math.abs(row[column] ?? 0) > 1e-9);
      if (pivot < 0) continue;
      [m[found], m[pivot]] = [m[pivot] ?? [], m[found] ?? []];
      const lead = m[found] ?? [];
      for (let other = 0; other < m.length; other += 1) {
        if (other === found) continue;
        const row = m[other] ?? [];
        const factor = (row[column] ?? 0) / (lead[column] ?? 1);
        if (factor !== 0) for (let k = column; k < hidden.length; k += 1) row[k] = (row[k] ?? 0) - factor * (lead[k] ?? 0);
      }
      found += 1;
    }
    return found;
  };
  const base = rank(matrix);
  return hidden.filter((_, position) => rank([...matrix, hidden.map((__, k) => (k === position ? 1 : 0))]) === base);
}

function assertSafe(table: CrossTable): PublishedCrossTable {
  const published = publishCrossTable(table);
  const laid = layOut(table, published);
  const small = laid.shown.filter((value, index): value is number => value !== null && !laid.known[index] && value < 5);
  assert.deepEqual(small, [], 'no published count below 5');
  laid.shown.forEach((value, index) => {
    if (value !== null) assert.equal(value, laid.counts[index], 'a published count is the true count');
  });
  assert.deepEqual(linearlyDerivable(laid), [], 'no hidden count follows from the published ones');
  assert.deepEqual(derivableCounts(laid.counts, laid.shown.map((value) => value === null), laid.sums), [], 'nor with the bounds that counts are whole and not negative');
  return published;
}

describe('small-cell suppression of published indicators', () => {
  test('hiding only the small counts would leak: the attacker recovers the single person', () => {
    const table = { cells: [[40, 22, 1, 17], [35, 28, 19, 12]] };
    const onlyPrimary: PublishedCrossTable = {
      cells: table.cells.map((row) => row.map((value) => (value < 5 ? null : value))),
      rowTotals: [80, 94],
      groupCells: [],
      groupTotals: [],
      columnTotals: [75, 50, 20, 29],
      total: 174,
    };
    const laid = layOut(table, onlyPrimary);
    const leaked = linearlyDerivable(laid);
    assert.equal(leaked.length, 1);
    assert.equal(laid.counts[leaked[0] ?? -1], 1);
    assert.equal(derivableCounts(laid.counts, laid.shown.map((value) => value === null), laid.sums).length, 1);
  });

  test('a single person in one lab and pillar is hidden, and so is what would give them away', () => {
    const published = assertSafe({ cells: [[40, 22, 1, 17], [35, 28, 19, 12], [25, 30, 14, 9]] });
    assert.equal(published.cells[0]?.[2], null);
    assert.notEqual(published.rowTotals[0], null, 'totals stay published when partners can be hidden instead');
    const hiddenInRow = (published.cells[0] ?? []).filter((value) => value === null).length;
    assert.ok(hiddenInRow >= 2, 'the row has a second hidden count');
  });

  test('a country total that is one big lab plus one person does not give the person away', () => {
    // Lab B has one participant in all: its row and its country's subtotal would differ by one.
    assertSafe({ cells: [[30, 20, 10, 12], [1, 0, 0, 0], [16, 9, 11, 7]], groups: [[0, 1], [2]] });
  });

  test('zeros beside small counts, a country with a single small lab, and an all-small network', () => {
    assertSafe({ cells: [[0, 3, 0, 0], [12, 15, 0, 9], [8, 0, 7, 6]], groups: [[0], [1, 2]] });
    assertSafe({ cells: [[2, 1, 0, 0]], groups: [[0]] });
    const tiny = assertSafe({ cells: [[3], [1], [0]] });
    assert.equal(tiny.total, null);
  });

  test('a lab that runs one pillar: the known zeros of the others do not give its count away', () => {
    const published = assertSafe({ cells: [[12, 0, 0, 0], [3, 9, 8, 7]], structuralZeros: [[false, true, true, true], [false, false, false, false]] });
    assert.deepEqual(published.cells[0]?.slice(1), [undefined, undefined, undefined], 'pillars not run are not counts');
    assert.equal(published.cells[1]?.[0], null);
  });

  test('every table of labs within countries is published safely', () => {
    const tables = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([rows, columns, countries]) =>
        fc.record({
          cells: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 40 })), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
          country: fc.array(fc.integer({ min: 0, max: countries - 1 }), { minLength: rows, maxLength: rows }),
          notRun: fc.array(fc.array(fc.boolean(), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
        }),
      )
      .map(({ cells, country, notRun }) => {
        const groups = [...new Set(country)].map((group) => country.map((value, row) => (value === group ? row : -1)).filter((row) => row >= 0));
        const order = groups.flat();
        const remap = new Map(order.map((row, position) => [row, position]));
        return {
          // A pillar a lab does not run has no enrolments.
          cells: order.map((row) => (cells[row] ?? []).map((value, column) => (notRun[row]?.[column] ? 0 : value))),
          structuralZeros: order.map((row) => notRun[row] ?? []),
          groups: groups.map((rows) => rows.map((row) => remap.get(row) ?? 0)),
        };
      });
    fc.assert(fc.property(tables, (table) => void assertSafe(table)), { numRuns: 60 });
  });

  test('suppression of a plain list with its total: one small count takes the next smallest with it', () => {
    const shown = suppressSmallCounts([12, 3, 9, 24], [{ parts: [0, 1, 2], total: 3 }]);
    assert.deepEqual(shown, [true, false, false, true]);
  });
});
