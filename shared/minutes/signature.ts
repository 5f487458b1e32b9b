/**
 * The chair's signature lines as minutes print them after the close ("Signed ……… Chairman", "Chairman", "Date ……", a
 * line of dots). Where the meeting's words after the close carry them (imported minutes keep theirs as printed), the
 * app prints no signature block of its own, so the minutes are not signed twice.
 */
export const isSignatureLine = (line: string): boolean =>
  /^(?:signed\b|signature\b|(?:the\s+)?(?:chair(?:man|woman|person)?|mayor)\b|date\b)|[_.…]{3,}|\bchair(?:man|woman|person)?\s*[:.]?$/i.test(line.trim());
