/** What the clerk is told when a Word template is refused: apart from the template reader, which loads an XML parser. */
import { describeSize, MAX_TEMPLATE_BYTES } from '../../shared/limits';

export const TEMPLATE_MESSAGES = {
  tooBig: `This Word template is too large: a template of styles, a header and a footer is at most ${describeSize(MAX_TEMPLATE_BYTES)}. Nothing was changed.`,
  notWord:
    'This file is not a Word document or template (.docx or .dotx). Open the council’s template in Word, save it as a Word Template (.dotx) and choose that. Nothing was changed.',
  otherOffice: (what: string) =>
    `This file is ${what}, not a Word document or template (.docx or .dotx). Nothing was changed.`,
  oldWord:
    'This is a Word 97–2003 file (.doc or .dot), which Meeting Clerk cannot read. Open it in Word, save it as a Word Template (.dotx) and choose that. Nothing was changed.',
  macros:
    'This Word file holds macros (a macro-enabled template, .dotm or .docm). Meeting Clerk does not use files with macros: open it in Word, save it as a Word Template (.dotx) and choose that. Nothing was changed.',
  encrypted: 'This Word template is protected with a password, so it cannot be read. Remove the password in Word, save it and try again. Nothing was changed.',
  damaged: 'This Word template could not be read. It may be damaged or not a .docx or .dotx file. Nothing was changed.',
  noStyles: 'This Word file has no styles to use (it has no styles part). Nothing was changed.',
  partTooLarge: (what: string, limit: number) => `This Word template’s ${what} is larger than ${describeSize(limit)}, more than any template needs. Nothing was changed.`,
  zipTooLarge: (limit: number) =>
    `This Word template is too large to read: it would take more than ${describeSize(limit)} once unpacked, which happens only when a file is damaged or made to cause harm. Nothing was changed.`,
  zipTooManyParts: (limit: number) => `This Word template holds more than ${limit.toLocaleString('en-GB')} parts, far more than any template. Nothing was changed.`,
};
