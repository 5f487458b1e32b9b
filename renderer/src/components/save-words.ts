/** How the top bar words the save state: pure, so it is tested in Node. */

import { clockTime, formatTime } from '../../../shared/format';

/** "10.42 am", "12.05 pm", as the minutes write times (not "10:42:24"): the one time format of shared/format.ts. */
export function savedTime(at: Date): string {
  return formatTime(clockTime(at));
}

/**
 * A refusal in plain words: the service names the field it checked first
 * ("patch.text: Text must be at most 20,000 characters"); the clerk needs
 * only the sentence, which names the field itself.
 */
export function plainReason(message: string): string {
  return message.replace(/^[A-Za-z]\w*(?:\.\w+)*: (?=[A-Z])/, '');
}
