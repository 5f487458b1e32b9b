/**
 * The rules of the minutes checker, one small module each (rules/). Pure:
 * the live list in the renderer and the refusal in the service layer run
 * the same rules on the same record, so they agree.
 */
import { meetingFacts } from './rules/meeting';
import { untakenItems } from './rules/untaken-item';
import { emptyMinutes } from './rules/empty-minute';
import { emptyResolutions } from './rules/empty-resolution';
import { lateDeclarations } from './rules/declaration-after-item';
import { impossibleVotes } from './rules/vote';
import { inquorateDecisions } from './rules/inquorate-decision';
import { exemptParagraph } from './rules/exempt-paragraph';
import { exemptWords } from './rules/exempt-words';
import { attendanceFacts } from './rules/attendance';
import { actionsFacts } from './rules/action';
import { neighbours } from './rules/neighbours';
import { teamsUnmatched } from './rules/teams-unmatched';
import type { Rule } from './types';

/** Every rule, in the order their checks are listed. */
export const RULES: readonly Rule[] = [
  meetingFacts,
  untakenItems,
  emptyMinutes,
  emptyResolutions,
  lateDeclarations,
  impossibleVotes,
  inquorateDecisions,
  exemptParagraph,
  exemptWords,
  attendanceFacts,
  actionsFacts,
  neighbours,
  teamsUnmatched,
];
