/**
 * Numbered schema steps. The store runs every pending step in one
 * transaction and records the result in PRAGMA user_version. Never edit a
 * shipped step: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'bodies, members, meetings and agenda items',
    sql: `
      CREATE TABLE body (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind TEXT NOT NULL,
        quorum_min_voting INTEGER NOT NULL CHECK (quorum_min_voting >= 0),
        quorum_min_organisations INTEGER NOT NULL CHECK (quorum_min_organisations >= 0),
        remote_counts_for_quorum INTEGER NOT NULL CHECK (remote_counts_for_quorum IN (0, 1)),
        year_start_month INTEGER NOT NULL CHECK (year_start_month BETWEEN 1 AND 12),
        decision_label TEXT NOT NULL CHECK (decision_label IN ('RESOLVED', 'AGREED', 'NOTED')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role TEXT NOT NULL,
        organisation TEXT NOT NULL,
        email TEXT NOT NULL,
        voting INTEGER NOT NULL CHECK (voting IN (0, 1)),
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX member_body ON member(body_id, position);

      CREATE TABLE member_substitution (
        member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        for_member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        PRIMARY KEY (member_id, for_member_id),
        CHECK (member_id <> for_member_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE RESTRICT,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        venue TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('in_room', 'teams', 'hybrid')),
        contact_officer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_body_date ON meeting(body_id, date DESC, start_time DESC);

      CREATE TABLE agenda_item (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        title TEXT NOT NULL CHECK (length(title) >= 1),
        presenter TEXT NOT NULL,
        papers TEXT NOT NULL,
        exempt INTEGER NOT NULL CHECK (exempt IN (0, 1)),
        exempt_paragraph INTEGER CHECK (exempt_paragraph BETWEEN 1 AND 7),
        CHECK (exempt = 0 OR exempt_paragraph IS NOT NULL)
      ) STRICT;
      CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
