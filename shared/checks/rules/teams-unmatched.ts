import type { Rule } from '../types';

/** People in the Teams attendance report who were neither matched to a member nor added: they are not in the minutes. */
export const teamsUnmatched: Rule = {
  id: 'teams-unmatched',
  run: ({ record }) =>
    record.teamsUnmatched.length
      ? [
          {
            id: 'teams-unmatched',
            rule: 'teams-unmatched',
            severity: 'warning',
            minute: null,
            message: `${record.teamsUnmatched.length} ${record.teamsUnmatched.length === 1 ? 'person' : 'people'} in the Teams attendance report ${record.teamsUnmatched.length === 1 ? 'was' : 'were'} left unmatched and ${record.teamsUnmatched.length === 1 ? 'is' : 'are'} not in the minutes: ${record.teamsUnmatched.join(', ')}.`,
            fixes: [],
            place: { to: 'attendance' },
          },
        ]
      : [],
};
