/** The three meetings of the fidelity tests, in date order. */
import type { ClerkNotes } from '../fixtures/reference/notes';
import { NOTES_2020_12_11 } from '../fixtures/reference/notes-2020-12-11';
import { NOTES_2021_09_24 } from '../fixtures/reference/notes-2021-09-24';
import { NOTES_2022_06_17 } from '../fixtures/reference/notes-2022-06-17';

export const NOTES: readonly ClerkNotes[] = [NOTES_2020_12_11, NOTES_2021_09_24, NOTES_2022_06_17];
