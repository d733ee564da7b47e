import { solve, type Constraint } from 'yalps';

/**
 * Publishing counts of people without exposing a single one of them: statistical disclosure control
 * for tables with totals.
 *
 * Primary suppression hides every count below the threshold (zero included: "no count below 5 is
 * shown"). That alone is not enough, because a hidden cell is often the difference between a
 * published total and the published cells beside it. Complementary suppression then hides more
 * counts until no hidden one can be worked out from what is shown: an audit finds every hidden
 * count whose smallest and largest value consistent with the published figures and the table's
 * sums are equal (see `derivableCounts`), and the smallest visible count on one of its sums is
 * hidden too, until the audit finds none. The audit, not a rule of thumb, decides, so tables with
 * subtotals (labs within countries) are protected as well as plain ones.
 */

export const SMALL_CELL_THRESHOLD = 5;

/** `total` equals the sum of `parts`: indices into the list of counts. */
export interface SumConstraint {
  parts: readonly number[];
  total: number;
}

/**
 * For each count, whether it may be published. `known` marks counts everyone knows already (a
 * lab's pillar it does not run is zero): they are never hidden, and never hidden as a partner.
 */
export function suppressSmallCounts(counts: readonly number[], sums: readonly SumConstraint[], threshold = SMALL_CELL_THRESHOLD, known: readonly boolean[] = []): boolean[] {
  const hidden = counts.map((count, index) => !known[index] && count < threshold);
  const members = sums.map((sum) => [...sum.parts, sum.total]);
  const hiddenOn = (indices: readonly number[]) => indices.filter((index) => hidden[index]).length;
  // The visible count to hide next on a sum: one that also completes another sum with a single
  // hidden member, when there is one (two birds, one cell), else the smallest (the least given up).
  const cheapestVisible = (indices: readonly number[]): number | undefined => {
    const onAlone = new Set(members.filter((others) => others !== indices && hiddenOn(others) === 1).flat());
    const completes = (index: number) => (onAlone.has(index) ? 0 : 1);
    return indices.filter((index) => !hidden[index] && !known[index]).sort((a, b) => completes(a) - completes(b) || (counts[a] ?? 0) - (counts[b] ?? 0) || a - b)[0];
  };

  for (;;) {
    // A sum with exactly one hidden member gives it away by subtraction: hide a partner first.
    const alone = members.find((indices) => hiddenOn(indices) === 1);
    const partnerOfAlone = alone ? cheapestVisible(alone) : undefined;
    if (partnerOfAlone !== undefined) {
      hidden[partnerOfAlone] = true;
      continue;
    }
    const exposed = derivableCounts(counts, hidden, sums);
    if (exposed.length === 0) break;
    // One partner for each exposed count, then audit again: fewer rounds on large tables.
    let added = 0;
    for (const index of exposed) {
      const onItsSums = members.filter((indices) => indices.includes(index)).flat();
      const partner = cheapestVisible(onItsSums) ?? cheapestVisible(counts.map((_, position) => position));
      if (partner === undefined) continue;
      hidden[partner] = true;
      added += 1;
    }
    if (added === 0) break;
  }
  return hidden.map((isHidden) => !isHidden);
}

/**
 * Directions in which the hidden counts can all move together without changing a published
 * figure: a basis of the null space of the sums restricted to the hidden counts (Gaussian
 * elimination; the coefficients are small integers, so a tolerance on floats is exact enough).
 */
function nullSpace(matrix: readonly (readonly number[])[], width: number): number[][] {
  const rows = matrix.map((row) => [...row]);
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < width && rank < rows.length; column += 1) {
    const pivot = rows.findIndex((row, index) => index >= rank && Math.abs(row[column] ?? 0) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] ?? [], rows[rank] ?? []];
    const lead = rows[rank] ?? [];
    const scale = lead[column] ?? 1;
    for (let k = 0; k < width; k += 1) lead[k] = (lead[k] ?? 0) / scale;
    for (let other = 0; other < rows.length; other += 1) {
      const row = rows[other] ?? [];
      const factor = row[column] ?? 0;
      if (other === rank || Math.abs(factor) < 1e-12) continue;
      for (let k = 0; k < width; k += 1) row[k] = (row[k] ?? 0) - factor * (lead[k] ?? 0);
    }
    pivots.push(column);
    rank += 1;
  }
  const free = Array.from({ length: width }, (_, column) => column).filter((column) => !pivots.includes(column));
  return free.map((column) => {
    const vector = Array.from({ length: width }, () => 0);
    vector[column] = 1;
    pivots.forEach((pivotColumn, row) => (vector[pivotColumn] = -(rows[row]?.[column] ?? 0)));
    return vector.map((value) => (Math.abs(value) < 1e-9 ? 0 : value));
  });
}

/**
 * The hidden counts whose value follows from the published ones: the smallest and largest values
 * the sums allow, counts being whole and not negative, are equal.
 *
 * Most are settled by linear algebra: a count that no null-space direction moves is determined; one
 * that a direction moves without pushing a hidden zero below zero is free. Only the rest (a move
 * blocked by zeros in every basis direction) is decided by a linear programme (yalps) on its
 * smallest and largest value. The sums of a table with totals and subtotals form a network matrix,
 * whose optimal vertices are whole numbers, so the programme needs no integer constraints.
 */
export function derivableCounts(counts: readonly number[], hidden: readonly boolean[], sums: readonly SumConstraint[]): number[] {
  const unknowns = counts.map((_, index) => index).filter((index) => hidden[index]);
  if (unknowns.length === 0) return [];
  const coefficient = (sum: SumConstraint, index: number) => sum.parts.filter((part) => part === index).length - (sum.total === index ? 1 : 0);
  const matrix = sums.map((sum) => unknowns.map((index) => coefficient(sum, index)));
  const directions = nullSpace(matrix, unknowns.length);
  const isZero = unknowns.map((index) => (counts[index] ?? 0) === 0);
  // A direction d may be followed (x + εd stays ≥ 0) when it raises, or leaves, every hidden zero; -d when it lowers or leaves them.
  const usable = (direction: readonly number[]) => direction.every((value, position) => !isZero[position] || value >= 0) || direction.every((value, position) => !isZero[position] || value <= 0);
  const undecided: number[] = [];
  const determined: number[] = [];
  unknowns.forEach((index, position) => {
    const moving = directions.filter((direction) => direction[position] !== 0);
    if (moving.length === 0) determined.push(index);
    else if (!moving.some(usable)) undecided.push(index);
  });
  if (undecided.length === 0) return determined;

  const constraints: [string, Constraint][] = sums.map((sum, position) => {
    // Known parts move to the right-hand side: sum(hidden parts) - hidden total = known total - known parts.
    const known = (index: number) => (hidden[index] ? 0 : (counts[index] ?? 0));
    const right = known(sum.total) - sum.parts.reduce((total, index) => total + known(index), 0);
    return [`sum${position}`, { equal: right }];
  });
  const rows = unknowns.map((index) => sums.flatMap((sum, position): [string, number][] => (coefficient(sum, index) === 0 ? [] : [[`sum${position}`, coefficient(sum, index)]])));
  const variables = (targets: ReadonlySet<number>): [string, [string, number][]][] =>
    unknowns.map((index, position) => [`c${index}`, [...(rows[position] ?? []), ...(targets.has(index) ? [['target', 1] as [string, number]] : [])]]);
  const solveFor = (targets: ReadonlySet<number>, direction: 'minimize' | 'maximize') => {
    const solution = solve({ direction, objective: 'target', constraints, variables: variables(targets) }, { includeZeroVariables: true });
    return solution.status === 'optimal' ? new Map(solution.variables.map(([name, value]) => [Number(name.slice(1)), Math.round(value)])) : undefined;
  };
  // First all undecided counts together, raised and then lowered: each one that moves is free.
  let open = new Set(undecided);
  for (const direction of ['maximize', 'minimize'] as const) {
    if (open.size === 0) break;
    const values = solveFor(open, direction);
    if (values) open = new Set([...open].filter((index) => values.get(index) === counts[index]));
  }
  // The rest one by one: pinned when neither raising nor lowering it alone moves it.
  const pinned = [...open].filter((index) => {
    const high = solveFor(new Set([index]), 'maximize');
    const low = solveFor(new Set([index]), 'minimize');
    return high !== undefined && low !== undefined && high.get(index) === low.get(index);
  });
  return [...determined, ...pinned];
}

/** A two-way table (rows × columns) with row totals, column totals and the grand total. */
export interface CrossTable {
  cells: readonly (readonly number[])[];
  /** Cells known to be zero whatever the data (a lab's pillar it does not run): shown as not applicable. */
  structuralZeros?: readonly (readonly boolean[])[];
  /** Rows grouped under subtotals (labs within a country): each group's rows, by index. */
  groups?: readonly (readonly number[])[];
}

/** null: suppressed; undefined: a structural zero (or a total of them), not a count. */
export type PublishedCount = number | null | undefined;

export interface PublishedCrossTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  groupCells: PublishedCount[][];
  groupTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

/** Lays a cross table out as counts and sums, suppresses, and gives back what may be shown. */
export function publishCrossTable(table: CrossTable, threshold = SMALL_CELL_THRESHOLD): PublishedCrossTable {
  const rowCount = table.cells.length;
  const columnCount = table.cells[0]?.length ?? 0;
  const groups = table.groups ?? [];
  const counts: number[] = [];
  const add = (value: number) => counts.push(value) - 1;
  const cell = table.cells.map((row) => row.map((value) => add(value)));
  const rowTotal = table.cells.map((row) => add(row.reduce((sum, value) => sum + value, 0)));
  const groupCell = groups.map((rows) => Array.from({ length: columnCount }, (_, column) => add(rows.reduce((sum, row) => sum + (table.cells[row]?.[column] ?? 0), 0))));
  const groupTotal = groups.map((rows) => add(rows.reduce((sum, row) => sum + (table.cells[row] ?? []).reduce((a, b) => a + b, 0), 0)));
  const columnTotal = Array.from({ length: columnCount }, (_, column) => add(table.cells.reduce((sum, row) => sum + (row[column] ?? 0), 0)));
  const total = add(table.cells.flat().reduce((sum, value) => sum + value, 0));

  const sums: SumConstraint[] = [
    ...cell.map((row, index) => ({ parts: row, total: rowTotal[index] ?? -1 })),
    ...Array.from({ length: columnCount }, (_, column) => ({ parts: cell.map((row) => row[column] ?? -1), total: columnTotal[column] ?? -1 })),
    { parts: rowTotal, total },
    { parts: columnTotal, total },
    ...groups.flatMap((rows, group) => [
      ...Array.from({ length: columnCount }, (_, column) => ({ parts: rows.map((row) => cell[row]?.[column] ?? -1), total: groupCell[group]?.[column] ?? -1 })),
      { parts: rows.map((row) => rowTotal[row] ?? -1), total: groupTotal[group] ?? -1 },
      { parts: groupCell[group] ?? [], total: groupTotal[group] ?? -1 },
    ]),
    ...(groups.length > 0 ? [{ parts: groupTotal, total }, ...Array.from({ length: columnCount }, (_, column) => ({ parts: groupCell.map((row) => row[column] ?? -1), total: columnTotal[column] ?? -1 }))] : []),
  ];
  const known = counts.map(() => false);
  cell.forEach((row, r) => row.forEach((index, c) => (known[index] = table.structuralZeros?.[r]?.[c] === true && table.cells[r]?.[c] === 0)));
  // A total made only of structural zeros is one too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const sum of sums) {
      if (!known[sum.total] && sum.parts.length > 0 && sum.parts.every((part) => known[part])) {
        known[sum.total] = true;
        changed = true;
      }
    }
  }
  const shown = rowCount === 0 ? counts.map(() => false) : suppressSmallCounts(counts, sums, threshold, known);
  const visible = (index: number): number | null | undefined => (known[index] ? undefined : shown[index] ? (counts[index] ?? null) : null);
  return {
    cells: cell.map((row) => row.map(visible)),
    rowTotals: rowTotal.map(visible),
    groupCells: groupCell.map((row) => row.map(visible)),
    groupTotals: groupTotal.map(visible),
    columnTotals: columnTotal.map(visible),
    total: visible(total),
  };
}
