/**
 * The API contract: the one list of every call the renderer may make.
 * Adding a call = an entry here + a service method; the transports (Electron
 * IPC, browser host HTTP) need no edit.
 */
import type { z } from 'zod';
import * as s from './schemas';
import type {
  AgendaItem,
  AppInfo,
  BodyDetail,
  BodySummary,
  Meeting,
  MeetingDetail,
  MeetingSummary,
  KnownAttendee,
  MeetingRecord,
  Member,
  Phrase,
  MinuteEntry,
  Motion,
  Action,
  ActionLogEntry,
  MinutesVersion,
  SearchHit,
  AppSettings,
  BackupSummary,
  BackupComparison,
  RecoveryStatus,
  ReviewReplySummary,
  ReviewSend,
  PreviousConfirmation,
  MinutesConfirmation,
} from './model';
import type { ReviewReading } from './review/reply';
import type { Result } from './result';
import type { ParsedAgenda } from './import/agenda-text';
import type { PastMeeting } from './import/past-minutes';
import type { TeamsReport } from './import/teams-report';

interface CallSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}
const call = <O>() => <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

export const contract = {
  'app.info': call<AppInfo>()(s.empty),

  'bodies.list': call<BodySummary[]>()(s.empty),
  'bodies.get': call<BodyDetail>()(s.bodyRef),
  'bodies.create': call<BodyDetail>()(s.bodyCreate),
  'bodies.update': call<BodyDetail>()(s.bodyUpdate),
  'bodies.delete': call<{ deleted: true }>()(s.bodyRef),
  // The council's own Word template as the body's house style (read in the parsing worker, so answered asynchronously), or null for the built-in one.
  'bodies.setWordTemplate': call<BodyDetail>()(s.bodySetWordTemplate),

  'members.create': call<Member>()(s.memberCreate),
  'members.update': call<Member>()(s.memberUpdate),
  'members.move': call<Member[]>()(s.memberMove),
  'members.delete': call<{ deleted: true }>()(s.memberRef),

  'meetings.list': call<MeetingSummary[]>()(s.bodyRef),
  'meetings.get': call<MeetingRecord>()(s.meetingRef),
  'meetings.create': call<MeetingDetail>()(s.meetingCreate),
  'meetings.update': call<Meeting>()(s.meetingUpdate),
  'meetings.delete': call<{ deleted: true }>()(s.meetingRef),

  'agendaItems.create': call<AgendaItem[]>()(s.agendaItemCreate),
  'agendaItems.update': call<AgendaItem>()(s.agendaItemUpdate),
  'agendaItems.move': call<AgendaItem[]>()(s.agendaItemMove),
  'agendaItems.delete': call<AgendaItem[]>()(s.agendaItemRef),
  'agendaItems.reorderBusiness': call<MeetingRecord>()(s.agendaItemReorderBusiness),

  // Live meeting: each answers with the whole record, so the screen redraws from one source.
  'meetings.start': call<MeetingRecord>()(s.meetingStamp),
  'meetings.close': call<MeetingRecord>()(s.meetingStamp),
  'meetings.takeItem': call<MeetingRecord>()(s.meetingTakeItem),
  'attendance.setMember': call<MeetingRecord>()(s.attendanceSetMember),
  'attendance.addPerson': call<MeetingRecord>()(s.attendanceAddPerson),
  'attendance.updatePerson': call<MeetingRecord>()(s.attendanceUpdatePerson),
  'attendance.remove': call<MeetingRecord>()(s.attendanceRef),
  'attendance.recordMovement': call<MeetingRecord>()(s.attendanceMovement),
  'attendance.updateMovement': call<MeetingRecord>()(s.attendanceUpdateMovement),
  'attendance.deleteMovement': call<MeetingRecord>()(s.movementRef),
  'attendance.setChair': call<MeetingRecord>()(s.attendanceSetChair),
  'declarations.create': call<MeetingRecord>()(s.declarationCreate),
  'declarations.update': call<MeetingRecord>()(s.declarationUpdate),
  'declarations.delete': call<MeetingRecord>()(s.declarationRef),
  'knownAttendees.list': call<KnownAttendee[]>()(s.bodyRef),

  // Minuting each item. Typing (update) answers with the one row, cheaply; structural changes with the whole record.
  'entries.create': call<MeetingRecord>()(s.entryCreate),
  'entries.update': call<MinuteEntry>()(s.entryUpdate),
  'entries.move': call<MeetingRecord>()(s.entryMove),
  'entries.delete': call<MeetingRecord>()(s.entryRef),
  'entries.restore': call<MeetingRecord>()(s.entryRestore),
  'motions.create': call<MeetingRecord>()(s.motionCreate),
  'motions.update': call<Motion>()(s.motionUpdate),
  'motions.delete': call<MeetingRecord>()(s.motionRef),
  'motions.move': call<MeetingRecord>()(s.motionMove),
  'actions.create': call<MeetingRecord>()(s.actionCreate),
  'actions.update': call<Action>()(s.actionUpdate),
  'actions.delete': call<MeetingRecord>()(s.actionRef),

  // The phrase bank: standard wording per body.
  'phrases.list': call<Phrase[]>()(s.bodyRef),
  'phrases.create': call<Phrase[]>()(s.phraseCreate),
  'phrases.update': call<Phrase[]>()(s.phraseUpdate),
  'phrases.delete': call<Phrase[]>()(s.phraseRef),

  // Approval, versions and amendments.
  'minutes.setStatus': call<MeetingRecord>()(s.minutesSetStatus),
  'minutes.versions': call<MinutesVersion[]>()(s.meetingRef),
  'minutes.beginAmendment': call<MeetingRecord>()(s.minutesBeginAmendment),
  'minutes.finishAmendment': call<MeetingRecord>()(s.meetingRef),
  // At the next meeting's "Minutes of the previous meeting": the earlier minutes confirmed, an amendment agreed there opened on them.
  'minutes.confirmPrevious': call<PreviousConfirmation>()(s.minutesConfirmPrevious),
  // How a meeting's minutes were confirmed (where, at which minute, any amendment agreed), or null while they are not.
  'minutes.getConfirmation': call<{ confirmation: MinutesConfirmation | null }>()(s.meetingRef),

  // The chair's round trip in Word: a review copy sent (answered once the file is written), the reply
  // read in the parsing worker and placed against the copy sent (nothing saved), the accepted
  // corrections applied as a version, and what was sent and read.
  'review.send': call<ReviewSent>()(s.reviewSend),
  'review.readReply': call<ReviewReading>()(s.reviewReadReply),
  'review.apply': call<MeetingRecord>()(s.reviewApply),
  'review.list': call<ReviewHistory>()(s.meetingRef),
  // The chair's reply kept as evidence, as it was received.
  'review.replyFile': call<ExportedFile>()(s.reviewReplyRef),

  // The body's action log across meetings, and search across all minutes.
  'actions.log': call<ActionLogEntry[]>()(s.actionLog),
  'actions.comment': call<ActionLogEntry>()(s.actionComment),
  'search.minutes': call<SearchHit[]>()(s.searchMinutes),

  // A fictional demo board and meeting, to see the app and its output at once.
  'demo.load': call<{ bodyId: number; meetingId: number }>()(s.empty),

  // Bringing the meeting in: read (preview, nothing saved), then apply what the clerk confirmed.
  'import.readAgenda': call<ParsedAgenda>()(s.importReadAgenda),
  'import.applyAgenda': call<AgendaItem[]>()(s.importApplyAgenda),
  'import.readTeams': call<TeamsPreview>()(s.importReadTeams),
  'import.applyTeams': call<MeetingRecord>()(s.importApplyTeams),
  // A body's past minutes (Word files, a web page or printed minutes as text): read in the parsing worker
  // (preview, nothing saved), then the confirmed meetings saved as confirmed, locked and marked imported.
  'import.readPastMinutes': call<PastMinutesPreview>()(s.importReadPastMinutes),
  'import.savePastMinutes': call<PastMinutesSaved>()(s.importSavePastMinutes),

  // Settings, backups and recovery. The backups and recovery calls are answered by the running app
  // (desktop or browser host), which owns the database file; see electron/runtime.ts.
  'settings.get': call<AppSettings>()(s.empty),
  'settings.update': call<AppSettings>()(s.settingsUpdate),
  'recovery.status': call<RecoveryStatus>()(s.empty),
  'backups.list': call<BackupSummary[]>()(s.empty),
  'backups.create': call<BackupSummary>()(s.empty),
  'backups.compare': call<BackupComparison>()(s.backupRef),
  'backups.restore': call<{ restored: BackupSummary; keptAsideAs: string | null }>()(s.backupRestore),

  // The desktop window: stay on top of a Teams window (the browser host cannot).
  'app.setAlwaysOnTop': call<{ on: boolean }>()(s.alwaysOnTop),

  // Word documents: written after the data is read, so this call is answered asynchronously.
  'exports.build': call<ExportedFile>()(s.exportBuild),
  // The publication folder (public minutes as Word, PDF and a web page, decisions, action log; exempt minutes apart).
  'exports.publish': call<PublishedMeeting>()(s.exportPublish),
} as const;

/** What publishing wrote, and where. */
export interface PublishedMeeting {
  folder: string;
  exemptFolder: string | null;
  files: string[];
  exemptFiles: string[];
  draft: boolean;
  /** What made the PDF: LibreOffice, Chromium or Electron. */
  pdfMadeBy: 'LibreOffice' | 'Chromium' | 'Electron';
}

/** A review copy sent: what was recorded, the file to save, and the covering note for the email. */
export interface ReviewSent {
  send: ReviewSend;
  file: ExportedFile;
  note: { to: string; subject: string; body: string; mailto: string };
  record: MeetingRecord;
}

/** The review copies sent for a meeting and the replies read, oldest first. */
export interface ReviewHistory {
  sends: ReviewSend[];
  replies: ReviewReplySummary[];
}

/** A document ready to save: its suggested file name and its bytes, base64 encoded (JSON carries it over either transport). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** A Teams attendance report read and matched to the body's members and known attendees, for the clerk to confirm. */
/** Past minutes as read, for the clerk to check before anything is saved. */
export interface PastMinutesPreview {
  meeting: PastMeeting;
  /** Where the numbering would start when the source shows no numbers: on from the body's meetings before it. */
  suggestedFirstMinuteNumber: number;
  /** A meeting of the body already on that date (importing it again would be refused). */
  existingMeetingId: number | null;
}

export interface PastMinutesSaved {
  meetingIds: number[];
}

export interface TeamsPreview {
  report: TeamsReport;
  rows: {
    participant: TeamsReport['participants'][number];
    /** The member or known attendee it matches, if any. */
    match: { kind: 'member' | 'known'; id: number; name: string } | null;
    confidence: 'exact' | 'likely' | 'none';
    reason: string;
  }[];
}

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['output']>;

/** The whole API as seen by a caller: one function per call. */
export type Api = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

/** What the preload exposes as window.clerk, and what the HTTP client mimics. */
export interface ClerkBridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
}

export const CALL_NAMES = Object.keys(contract) as CallName[];
export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
