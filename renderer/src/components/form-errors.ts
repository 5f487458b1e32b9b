/**
 * A refused form in plain words, beside the field it is about: the service
 * names the field it checked ("venue: Venue is required"); the form shows
 * the sentence under that field and puts the caret there.
 */
export interface FieldError {
  /** The input's name in the call ("venue"), or null when the message is about the whole form. */
  field: string | null;
  text: string;
}

export function fieldError(message: string): FieldError {
  const match = /^([A-Za-z]\w*)(?:\.\w+)*: (?=[A-Z])/.exec(message);
  if (!match) return { field: null, text: message };
  return { field: match[1]!, text: message.slice(match[0].length) };
}
