/**
 * Action log tables in past minutes (issue 18), as pasted text (cells joined
 * by tabs, as a browser copies a table): known by their header row, or under
 * a heading of actions by a header in other words; never an attendance or a
 * budget table.
 */
import { describe, expect, it } from 'vitest';
import { isActionHeading, readActionTables } from '../../shared/import/past-actions';

const rowsOf = (lines: string[]) => readActionTables(lines).rows;

describe('an action table under a heading of actions, its header in other words', () => {
  it('“Item | Action | Lead | By when | Progress” and “Ref | Description | Responsible | Deadline” are read by their header alone', () => {
    expect(rowsOf(['Some words', 'Item\tAction\tLead\tBy when\tProgress', '4\tMend the noticeboard\tClerk\t12/01/2024\tDone'])).toEqual([
      { number: 4, raisedOn: null, description: 'Mend the noticeboard', owner: 'Clerk', dueDate: '2024-01-12', status: 'Complete', comments: ['Status: Done'] },
    ]);
    expect(rowsOf(['Ref\tDescription\tResponsible\tDeadline', '7\tOrder new bins\tCllr Dean\t1 March 2024'])).toMatchObject([{ number: 7, description: 'Order new bins', owner: 'Cllr Dean', dueDate: '2024-03-01' }]);
  });

  it('“No | What | Who | When”, “Ref | Issue | Officer | Target | RAG” and “Ref | Matter arising | Person | Date” under “Action log”, “Actions” or “Action points”', () => {
    const under = (heading: string, header: string, ...rows: string[]) => rowsOf([heading, header, ...rows]);
    expect(under('Action log', 'No\tWhat\tWho\tWhen', '1\tCut back the hedge by the bus stop\tClerk\t30/04/2024')).toEqual([
      { number: 1, raisedOn: null, description: 'Cut back the hedge by the bus stop', owner: 'Clerk', dueDate: '2024-04-30', status: 'Amber', comments: [] },
    ]);
    expect(under('Actions', 'Ref\tIssue\tOfficer\tTarget\tRAG', 'A3\tReview the lease\tMs Hart\tJune meeting\tGreen')).toEqual([
      { number: null, raisedOn: null, description: 'Review the lease', owner: 'Ms Hart', dueDate: null, status: 'Green', comments: ['Due: June meeting', 'Ref: A3'] },
    ]);
    // The heading may be a numbered minute's, with a sentence before the table.
    expect(under('6. Action points', 'The Council noted the actions below.', 'Ref\tMatter arising\tPerson\tDate', '2\tWrite to the highways authority\tCllr Brown\t05/02/2024')).toMatchObject([
      { number: 2, description: 'Write to the highways authority', owner: 'Cllr Brown', dueDate: '2024-02-05' },
    ]);
    // The table's lines are taken by the table (they are not a minute's words).
    expect([...readActionTables(['Action log', 'No\tWhat\tWho\tWhen', '1\tCut the hedge\tClerk\t30/04/2024', 'The meeting closed.']).lines]).toEqual([1, 2]);
  });

  it('the same header with no heading of actions above it is not read as actions', () => {
    expect(rowsOf(['Planning applications', 'No\tWhat\tWho\tWhen', '1\tTwo houses, Mill Lane\tMr Smith\t30/04/2024'])).toEqual([]);
    // A heading too far above (more than a sentence or two) no longer counts.
    expect(rowsOf(['Actions', 'One.', 'Two.', 'Three.', 'No\tWhat\tWho\tWhen', '1\tCut the hedge\tClerk\t30/04/2024'])).toEqual([]);
  });

  it('never an attendance or a budget table, even under a heading of actions', () => {
    expect(rowsOf(['Actions', 'Name\tRole\tOrganisation', 'Cllr A. Brown\tChair\tWessex Parish Council'])).toEqual([]);
    expect(rowsOf(['Action log', 'Name\tPresent\tApologies', 'Cllr A. Brown\tYes\t'])).toEqual([]);
    expect(rowsOf(['Actions', 'Item\tBudget\tSpent\tRemaining', 'Grass cutting\t£4,000\t£2,500\t£1,500'])).toEqual([]);
    expect(rowsOf(['Action plan', 'Ref\tLine\tWho\tWhen', '1\t£1,200\tClerk\t30/04/2024', '2\t£300\tClerk\t30/04/2024'])).toEqual([]);
    expect(rowsOf(['Actions', 'Motion\tFor\tAgainst\tAbstentions', 'That the precept be set\t6\t1\t0'])).toEqual([]);
  });

  it('headings of actions, and what is not one', () => {
    for (const h of ['Action log', 'ACTIONS', 'Action Points:', '4. Action log', '21.44 Actions arising', 'Outstanding actions', 'Action log (Agenda Item 4)', '**Action points**']) expect(isActionHeading(h)).toBe(true);
    for (const h of ['Actions taken by the Clerk since the last meeting were noted.', 'Transactions', 'Action on climate change', 'Reactions']) expect(isActionHeading(h)).toBe(false);
  });
});
