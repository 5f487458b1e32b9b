/**
 * Every size limit in one place: files, images, text fields and the
 * requests that carry them. The schemas (shared/schemas.ts and
 * shared/minutes/house-style.ts), the import readers, the renderer's file
 * pickers and the browser host all take their numbers from here, and the
 * host's request limit is worked out from the others, so a file or a text
 * the app accepts always reaches it.
 *
 * Pure numbers: no Node or DOM imports.
 */

const MiB = 1024 * 1024;

/* ---------- Files ---------- */

/** A file to import (an agenda .docx or text file, a Teams report) as chosen and sent: "20 MB". */
export const MAX_IMPORT_FILE_BYTES = 20 * MiB;
/** A text file to import (a Teams attendance report, a saved agenda) once sent: a few KB in practice. */
export const MAX_TEXT_FILE_BYTES = 5 * MiB;
/** A logo is printed small; 1 MB of image is plenty. */
export const MAX_LOGO_BYTES = 1 * MiB;
/** A council's Word template (.docx or .dotx): styles, a header and footer with a logo; a few hundred KB in practice. */
export const MAX_TEMPLATE_BYTES = 5 * MiB;

/** Characters of base64 that carry `bytes` bytes (with padding). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export const MAX_IMPORT_FILE_BASE64 = base64Length(MAX_IMPORT_FILE_BYTES);
export const MAX_LOGO_BASE64 = base64Length(MAX_LOGO_BYTES);
export const MAX_TEMPLATE_BASE64 = base64Length(MAX_TEMPLATE_BYTES);

/* ---------- Text fields (characters, after trimming) ---------- */

export const TEXT_CHARS = {
  /** Names, titles of bodies, venues, search words: a line. */
  name: 200,
  /** Roles, organisations, presenters, agenda item titles. */
  line: 500,
  /** An email address (RFC 5321's longest path). */
  email: 320,
  /** A responsible officer (often several names). */
  officer: 300,
  /** A phrase's short name in the phrase bank. */
  phraseLabel: 80,
  /** Topic, detail, nature of an interest. */
  detail: 1_000,
  /** A note on a version of the minutes, the reason for amending approved minutes. */
  note: 2_000,
  /** A phrase in the phrase bank, a comment on an action. */
  phrase: 5_000,
  /** An exempt item's public summary. */
  summary: 10_000,
  /** One paragraph, point, resolution, motion or action of the minutes. */
  entry: 20_000,
  /** The council name in the house style. */
  councilName: 200,
  /** A font name in the house style. */
  fontFamily: 100,
  /** An agenda pasted as text. */
  pastedAgenda: 1_000_000,
  /** Past minutes pasted as text, and all the words of the past meetings saved by one call. */
  pastMinutes: 1_000_000,
} as const;

/* ---------- Lists one call may carry ---------- */

export const MAX_ITEMS = {
  /** Agenda items added by one import. */
  importedAgendaItems: 200,
  /** Past meetings saved by one call, and minutes, blocks and people in each. */
  pastMeetings: 20,
  pastMinutes: 300,
  pastBlocks: 200,
  pastPeople: 300,
  /** Rows of the action log tables read with one meeting. */
  pastActions: 500,
  /** Texts (titles, paragraphs, points, names) in one call, each with its JSON punctuation and field name. */
  pastStrings: 50_000,
  /** Rows of a Teams report applied at once. */
  teamsRows: 1_000,
} as const;

/* ---------- Requests ---------- */

/**
 * The most bytes a string of `chars` UTF-16 code units can take as JSON:
 * a control character is written as a six-byte escape (\u0001).
 */
export const jsonStringBytes = (chars: number): number => 6 * chars + 2;

/** Room for a call's names, numbers and punctuation around its large fields. */
export const JSON_OVERHEAD_BYTES = 64 * 1024;

/** The largest fields the schemas allow one call to carry, as JSON bytes. */
export const LARGEST_PAYLOADS = {
  /** import.readAgenda / import.readTeams with a file of the largest size. */
  importFile: MAX_IMPORT_FILE_BASE64 + 2,
  /** import.readAgenda with the longest pasted agenda, every character escaped. */
  pastedAgenda: jsonStringBytes(TEXT_CHARS.pastedAgenda),
  /** import.savePastMinutes: every word of the meetings (at most TEXT_CHARS.pastMinutes), each character escaped. */
  pastMinutes: jsonStringBytes(TEXT_CHARS.pastMinutes) + MAX_ITEMS.pastStrings * 64,
  /** bodies.create / bodies.update with the largest logo. */
  logo: MAX_LOGO_BASE64 + 2,
  /** bodies.setWordTemplate with a template of the largest size, and its file name. */
  wordTemplate: MAX_TEMPLATE_BASE64 + 2 + jsonStringBytes(TEXT_CHARS.name),
  /** import.applyAgenda: the most items, each with the longest title, presenter, author and papers, and as many items removed. */
  agendaItems: MAX_ITEMS.importedAgendaItems * (3 * jsonStringBytes(TEXT_CHARS.line) + jsonStringBytes(TEXT_CHARS.name) + 200 + 17),
  /** import.applyTeams: the most rows, each with the longest name. */
  teamsRows: MAX_ITEMS.teamsRows * (jsonStringBytes(TEXT_CHARS.name) + 200),
} as const;

/**
 * The largest request body the browser host reads: the largest payload the
 * schemas allow plus room for the rest of the call. Anything bigger could
 * not be a valid call.
 */
export const MAX_REQUEST_BODY_BYTES = Math.max(...Object.values(LARGEST_PAYLOADS)) + JSON_OVERHEAD_BYTES;

/**
 * Chromium refuses fetch(…, { keepalive: true }) with a body of 64 KB or
 * more ("Failed to fetch"). Saves sent as the page closes use keepalive only
 * up to this, with a margin; every other call is sent without it.
 */
export const MAX_KEEPALIVE_BODY_BYTES = 60_000;

/** "5 MB", "26.7 MB", "812 KB", as a clerk reads sizes (1 MB = 1024 × 1024 bytes). */
export function describeSize(bytes: number): string {
  if (bytes >= MiB) {
    const mb = bytes / MiB;
    return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
