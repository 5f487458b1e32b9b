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
  {
    version: 2,
    description: 'live meeting: start/close, item taken, attendance, movements, chair, declarations, known attendees',
    sql: `
      ALTER TABLE meeting ADD COLUMN started_at TEXT CHECK (started_at GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE meeting ADD COLUMN closed_at TEXT CHECK (closed_at GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE meeting ADD COLUMN current_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL;
      ALTER TABLE agenda_item ADD COLUMN kind TEXT NOT NULL DEFAULT 'business';
      ALTER TABLE agenda_item ADD COLUMN taken_at TEXT CHECK (taken_at GLOB '[0-2][0-9]:[0-5][0-9]');

      CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('member', 'officer', 'attendee', 'guest')),
        member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
        -- For members these stay empty: the member record is the source.
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        organisation TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
        remote INTEGER NOT NULL CHECK (remote IN (0, 1)),
        substitute_for_member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        CHECK ((category = 'member') = (member_id IS NOT NULL)),
        CHECK (category = 'member' OR length(name) >= 1),
        CHECK (substitute_for_member_id IS NULL OR (category = 'member' AND substitute_for_member_id <> member_id)),
        UNIQUE (meeting_id, member_id)
      ) STRICT;
      CREATE INDEX attendance_meeting ON attendance(meeting_id, position);
      CREATE UNIQUE INDEX attendance_one_substitute ON attendance(meeting_id, substitute_for_member_id) WHERE substitute_for_member_id IS NOT NULL;

      CREATE TABLE movement (
        id INTEGER PRIMARY KEY,
        attendance_id INTEGER NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('arrived', 'left')),
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX movement_attendance ON movement(attendance_id);

      CREATE TABLE chair_change (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        attendance_id INTEGER NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]')
      ) STRICT;
      CREATE INDEX chair_change_meeting ON chair_change(meeting_id);

      CREATE TABLE declaration (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        attendance_id INTEGER NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('dpi', 'other_registrable', 'non_registrable')),
        nature TEXT NOT NULL,
        sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
        dispensation TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('remained', 'spoke_then_left', 'left_no_part', 'did_not_vote')),
        left_at TEXT CHECK (left_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        returned_at TEXT CHECK (returned_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        CHECK (sensitive = 0 OR nature = '')
      ) STRICT;
      CREATE INDEX declaration_meeting ON declaration(meeting_id);

      CREATE TABLE known_attendee (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('officer', 'attendee', 'guest')),
        name TEXT NOT NULL CHECK (length(name) >= 1),
        role TEXT NOT NULL,
        organisation TEXT NOT NULL,
        UNIQUE (body_id, name COLLATE NOCASE)
      ) STRICT;
    `,
  },
  {
    version: 3,
    description: 'Minuting each item: order of business, opening sentences, entries, motions and votes, actions, phrase bank, minute numbering',
    sql: `
      ALTER TABLE meeting ADD COLUMN minute_number_start INTEGER CHECK (minute_number_start IS NULL OR minute_number_start >= 1);

      ALTER TABLE agenda_item ADD COLUMN business_order INTEGER NOT NULL DEFAULT 0;
      UPDATE agenda_item SET business_order = position;
      ALTER TABLE agenda_item ADD COLUMN outcome TEXT NOT NULL DEFAULT 'minuted' CHECK (outcome IN ('minuted', 'withdrawn', 'deferred'));
      ALTER TABLE agenda_item ADD COLUMN opening_kind TEXT NOT NULL DEFAULT 'none' CHECK (opening_kind IN ('report', 'presentation', 'verbal', 'none'));
      ALTER TABLE agenda_item ADD COLUMN author TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN topic TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN detail TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN points_intro TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN points_style TEXT NOT NULL DEFAULT 'roman' CHECK (points_style IN ('alpha', 'roman'));
      ALTER TABLE agenda_item ADD COLUMN decision_label TEXT CHECK (decision_label IN ('RESOLVED', 'AGREED', 'NOTED'));
      CREATE INDEX agenda_item_business ON agenda_item(meeting_id, business_order);

      CREATE TABLE minute_entry (
        id INTEGER PRIMARY KEY,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'point', 'resolution')),
        position INTEGER NOT NULL CHECK (position >= 0),
        text TEXT NOT NULL,
        recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        inquorate INTEGER NOT NULL DEFAULT 0 CHECK (inquorate IN (0, 1)),
        CHECK (kind = 'resolution' OR inquorate = 0)
      ) STRICT;
      CREATE INDEX minute_entry_item ON minute_entry(agenda_item_id, kind, position);

      CREATE TABLE motion (
        id INTEGER PRIMARY KEY,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('motion', 'amendment')),
        text TEXT NOT NULL,
        proposer_id INTEGER REFERENCES attendance(id) ON DELETE SET NULL,
        seconder_id INTEGER REFERENCES attendance(id) ON DELETE SET NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'carried', 'lost', 'withdrawn')),
        votes_for INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
        votes_against INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
        votes_abstained INTEGER CHECK (votes_abstained IS NULL OR votes_abstained >= 0),
        recorded INTEGER NOT NULL CHECK (recorded IN (0, 1)),
        recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        inquorate INTEGER NOT NULL DEFAULT 0 CHECK (inquorate IN (0, 1))
      ) STRICT;
      CREATE INDEX motion_item ON motion(agenda_item_id, position);

      CREATE TABLE vote_name (
        motion_id INTEGER NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
        attendance_id INTEGER NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
        choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstained')),
        PRIMARY KEY (motion_id, attendance_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        resolution_id INTEGER REFERENCES minute_entry(id) ON DELETE SET NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        text TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
      ) STRICT;
      CREATE INDEX action_item ON action(agenda_item_id, position);

      CREATE TABLE phrase (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        label TEXT NOT NULL CHECK (length(label) >= 1),
        text TEXT NOT NULL CHECK (length(text) >= 1)
      ) STRICT;
      CREATE INDEX phrase_body ON phrase(body_id, position);
      -- Bodies created before the phrase bank start with the standard phrases too.
      INSERT INTO phrase (body_id, position, label, text)
        SELECT b.id, p.position, p.label, p.text FROM body b CROSS JOIN (
          SELECT 0 AS position, 'noted' AS label, 'That the contents of the report be noted.' AS text
          UNION ALL SELECT 1, 'update noted', 'That the contents of the update be noted.'
          UNION ALL SELECT 2, 'approved', 'That the recommendations set out in the report be approved.'
          UNION ALL SELECT 3, 'circulate', 'That further information be circulated to members after the meeting.'
          UNION ALL SELECT 4, 'action log noted', 'That the status of the Action Log be noted.'
        ) p;
    `,
  },
  {
    version: 4,
    description: 'House style per body; action status for the action log',
    sql: `
      -- JSON validated by the house style schema on the way in; '{}' means the defaults.
      ALTER TABLE body ADD COLUMN house_style TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(house_style));
      ALTER TABLE action ADD COLUMN status TEXT NOT NULL DEFAULT 'Amber' CHECK (status IN ('Red', 'Amber', 'Green', 'Complete'));
    `,
  },
  {
    version: 5,
    description: 'Minutes status, versions and amendments; numbered action log with dated comments; full-text search',
    sql: `
      ALTER TABLE meeting ADD COLUMN minutes_status TEXT NOT NULL DEFAULT 'draft'
        CHECK (minutes_status IN ('draft', 'sent', 'approved', 'confirmed', 'published'));
      -- The reason of an amendment under way: approved minutes change only while one is open.
      ALTER TABLE meeting ADD COLUMN amendment_reason TEXT;

      CREATE TABLE minutes_version (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('status', 'amendment')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'approved', 'confirmed', 'published')),
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        exempt_text TEXT NOT NULL,
        UNIQUE (meeting_id, number)
      ) STRICT;

      ALTER TABLE action ADD COLUMN number INTEGER;
      UPDATE action SET number = (
        SELECT count(*) FROM action a2
          JOIN agenda_item i2 ON i2.id = a2.agenda_item_id JOIN meeting m2 ON m2.id = i2.meeting_id
          JOIN agenda_item i1 ON i1.id = action.agenda_item_id JOIN meeting m1 ON m1.id = i1.meeting_id
        WHERE m2.body_id = m1.body_id AND (m2.date, m2.start_time, a2.id) <= (m1.date, m1.start_time, action.id)
      );
      CREATE TABLE action_comment (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        text TEXT NOT NULL CHECK (length(text) >= 1)
      ) STRICT;
      CREATE INDEX action_comment_action ON action_comment(action_id, date, id);

      -- Full-text search over what the minutes say: item titles, topics and summaries, every entry and motion.
      -- Each index row's rowid is derived from its source row (items id*4+1, entries id*4+2, motions id*4+3),
      -- so the triggers find it by rowid instead of scanning the whole index on every save.
      CREATE VIRTUAL TABLE search_text USING fts5(text, item_id UNINDEXED, tokenize = 'porter unicode61');
      INSERT INTO search_text (rowid, text, item_id)
        SELECT id * 4 + 1, title || ' ' || topic || ' ' || author || ' ' || public_summary, id FROM agenda_item;
      INSERT INTO search_text (rowid, text, item_id) SELECT id * 4 + 2, text, agenda_item_id FROM minute_entry;
      INSERT INTO search_text (rowid, text, item_id) SELECT id * 4 + 3, text, agenda_item_id FROM motion;

      CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_item BEGIN
        INSERT INTO search_text (rowid, text, item_id)
          VALUES (new.id * 4 + 1, new.title || ' ' || new.topic || ' ' || new.author || ' ' || new.public_summary, new.id);
      END;
      CREATE TRIGGER search_item_update AFTER UPDATE OF title, topic, author, public_summary ON agenda_item BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
        INSERT INTO search_text (rowid, text, item_id)
          VALUES (new.id * 4 + 1, new.title || ' ' || new.topic || ' ' || new.author || ' ' || new.public_summary, new.id);
      END;
      CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
      END;
      CREATE TRIGGER search_entry_insert AFTER INSERT ON minute_entry BEGIN
        INSERT INTO search_text (rowid, text, item_id) VALUES (new.id * 4 + 2, new.text, new.agenda_item_id);
      END;
      CREATE TRIGGER search_entry_update AFTER UPDATE OF text ON minute_entry BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
        INSERT INTO search_text (rowid, text, item_id) VALUES (new.id * 4 + 2, new.text, new.agenda_item_id);
      END;
      CREATE TRIGGER search_entry_delete AFTER DELETE ON minute_entry BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
      END;
      CREATE TRIGGER search_motion_insert AFTER INSERT ON motion BEGIN
        INSERT INTO search_text (rowid, text, item_id) VALUES (new.id * 4 + 3, new.text, new.agenda_item_id);
      END;
      CREATE TRIGGER search_motion_update AFTER UPDATE OF text ON motion BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
        INSERT INTO search_text (rowid, text, item_id) VALUES (new.id * 4 + 3, new.text, new.agenda_item_id);
      END;
      CREATE TRIGGER search_motion_delete AFTER DELETE ON motion BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
      END;
    `,
  },
  {
    version: 6,
    description: 'Application settings (how many backups to keep)',
    sql: `
      CREATE TABLE app_setting (
        key TEXT PRIMARY KEY CHECK (key IN ('backupKeep')),
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },  /*
   * Version 7: each search-index row's rowid leads with its meeting's day, so ORDER BY rowid DESC walks
   * the index newest meeting first and a search stops as soon as its page is full:
   *   rowid = day * 2^30 + source id * 4 + kind   (kind 1 item, 2 entry, 3 motion)
   * where day is the meeting date's whole Julian day number. The triggers keep every key in step with
   * the meeting's date.
   */
  {
    version: 7,
    description: 'Search index keyed by meeting date, so searches walk the newest minutes first and stop once a page is full',
    // Written out in full: a shipped step never changes when code around it does.
    sql: `
      DROP TRIGGER search_item_insert;
      DROP TRIGGER search_item_update;
      DROP TRIGGER search_item_delete;
      DROP TRIGGER search_entry_insert;
      DROP TRIGGER search_entry_update;
      DROP TRIGGER search_entry_delete;
      DROP TRIGGER search_motion_insert;
      DROP TRIGGER search_motion_update;
      DROP TRIGGER search_motion_delete;
      DROP TABLE search_text;

      CREATE VIRTUAL TABLE search_text USING fts5(text, item_id UNINDEXED, tokenize = 'porter unicode61');
      INSERT INTO search_text (rowid, text, item_id)
        SELECT key, text, item_id FROM (
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = i.meeting_id)) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE 1
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = i.meeting_id)) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE 1
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = i.meeting_id)) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE 1);
      -- One merged index: left as the bulk load wrote it, the next saves would each pay to merge its segments (autosave p99 20 ms on a decade).
      INSERT INTO search_text (search_text) VALUES ('optimize');

      CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_item BEGIN
        INSERT INTO search_text (rowid, text, item_id)
          SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + new.id * 4 + 1, new.title || ' ' || new.topic || ' ' || new.author || ' ' || new.public_summary, new.id FROM meeting m WHERE m.id = new.meeting_id;
      END;
      CREATE TRIGGER search_item_update AFTER UPDATE OF title, topic, author, public_summary ON agenda_item BEGIN
        DELETE FROM search_text WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 1 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = old.id);
        INSERT INTO search_text (rowid, text, item_id)
          SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + new.id * 4 + 1, new.title || ' ' || new.topic || ' ' || new.author || ' ' || new.public_summary, new.id FROM meeting m WHERE m.id = new.meeting_id;
      END;
      CREATE TRIGGER search_item_move BEFORE UPDATE OF meeting_id ON agenda_item WHEN old.meeting_id IS NOT new.meeting_id BEGIN
        DELETE FROM search_text WHERE rowid IN (SELECT key FROM (
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = old.meeting_id)) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE i.id = old.id
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = old.meeting_id)) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE i.id = old.id
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = old.meeting_id)) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE i.id = old.id));
      END;
      CREATE TRIGGER search_item_moved AFTER UPDATE OF meeting_id ON agenda_item WHEN old.meeting_id IS NOT new.meeting_id BEGIN
        INSERT INTO search_text (rowid, text, item_id)
          SELECT key, text, item_id FROM (
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = new.meeting_id)) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE i.id = new.id
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = new.meeting_id)) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE i.id = new.id
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = new.meeting_id)) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE i.id = new.id);
      END;
      CREATE TRIGGER search_item_delete BEFORE DELETE ON agenda_item BEGIN
        DELETE FROM search_text WHERE rowid IN (SELECT key FROM (
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = old.meeting_id)) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE i.id = old.id
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = old.meeting_id)) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE i.id = old.id
        UNION ALL
        SELECT CAST(julianday((SELECT date FROM meeting WHERE id = old.meeting_id)) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE i.id = old.id));
      END;
      CREATE TRIGGER search_meeting_redate AFTER UPDATE OF date ON meeting WHEN old.date IS NOT new.date BEGIN
        DELETE FROM search_text WHERE rowid IN (SELECT key FROM (
        SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE i.meeting_id = old.id
        UNION ALL
        SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE i.meeting_id = old.id
        UNION ALL
        SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE i.meeting_id = old.id));
        INSERT INTO search_text (rowid, text, item_id) SELECT key, text, item_id FROM (
        SELECT CAST(julianday(new.date) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE i.meeting_id = new.id
        UNION ALL
        SELECT CAST(julianday(new.date) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE i.meeting_id = new.id
        UNION ALL
        SELECT CAST(julianday(new.date) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE i.meeting_id = new.id);
      END;
      CREATE TRIGGER search_meeting_delete BEFORE DELETE ON meeting BEGIN
        DELETE FROM search_text WHERE rowid IN (SELECT key FROM (
        SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item_id FROM agenda_item i WHERE i.meeting_id = old.id
        UNION ALL
        SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, e.agenda_item_id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE i.meeting_id = old.id
        UNION ALL
        SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, x.agenda_item_id FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id WHERE i.meeting_id = old.id));
      END;

      CREATE TRIGGER search_entry_insert AFTER INSERT ON minute_entry BEGIN
        INSERT INTO search_text (rowid, text, item_id) SELECT (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + new.id * 4 + 2 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = new.agenda_item_id), new.text, new.agenda_item_id;
      END;
      CREATE TRIGGER search_entry_update AFTER UPDATE OF text, agenda_item_id ON minute_entry BEGIN
        DELETE FROM search_text WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 2 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = old.agenda_item_id);
        INSERT INTO search_text (rowid, text, item_id) SELECT (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + new.id * 4 + 2 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = new.agenda_item_id), new.text, new.agenda_item_id;
      END;
      CREATE TRIGGER search_entry_delete AFTER DELETE ON minute_entry BEGIN
        DELETE FROM search_text WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 2 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = old.agenda_item_id);
      END;
      CREATE TRIGGER search_motion_insert AFTER INSERT ON motion BEGIN
        INSERT INTO search_text (rowid, text, item_id) SELECT (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + new.id * 4 + 3 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = new.agenda_item_id), new.text, new.agenda_item_id;
      END;
      CREATE TRIGGER search_motion_update AFTER UPDATE OF text, agenda_item_id ON motion BEGIN
        DELETE FROM search_text WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 3 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = old.agenda_item_id);
        INSERT INTO search_text (rowid, text, item_id) SELECT (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + new.id * 4 + 3 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = new.agenda_item_id), new.text, new.agenda_item_id;
      END;
      CREATE TRIGGER search_motion_delete AFTER DELETE ON motion BEGIN
        DELETE FROM search_text WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 3 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = old.agenda_item_id);
      END;
  `,
  },
  {
    version: 8,
    description: 'Approved minutes print from a record frozen at approval; every editable row carries a version, so a stale save is refused; items left out of the minutes; declarations minuted at their item',
    sql: `
      -- The MeetingRecord frozen when the chair approved the minutes (JSON); NULL for drafts. Minutes
      -- approved before this version are frozen by the app when it first opens the upgraded file.
      ALTER TABLE meeting ADD COLUMN frozen_record TEXT CHECK (frozen_record IS NULL OR json_valid(frozen_record));

      -- A row's version goes up by one at every change, whoever makes it (the triggers below), so a
      -- save based on an older copy can be told apart and refused.
      ALTER TABLE body ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE member ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE phrase ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE meeting ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE agenda_item ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE attendance ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE declaration ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE minute_entry ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE motion ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE action ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

      -- An item not minuted at all (never taken up, and the clerk chose to leave it out): it keeps its agenda number.
      ALTER TABLE agenda_item ADD COLUMN left_out INTEGER NOT NULL DEFAULT 0 CHECK (left_out IN (0, 1));
      -- A declaration minuted in the minute of the item it concerns, where it was made, instead of under Declarations.
      ALTER TABLE declaration ADD COLUMN at_item INTEGER NOT NULL DEFAULT 0 CHECK (at_item IN (0, 1));
      -- A second backup folder (a network drive or a synced folder) is an application setting too.
      CREATE TABLE app_setting_v8 (
        key TEXT PRIMARY KEY CHECK (key IN ('backupKeep', 'secondBackupFolder')),
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO app_setting_v8 (key, value) SELECT key, value FROM app_setting;
      DROP TABLE app_setting;
      ALTER TABLE app_setting_v8 RENAME TO app_setting;
      -- The names in the last Teams attendance report applied that the clerk neither matched nor added (JSON array).
      ALTER TABLE meeting ADD COLUMN teams_unmatched TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(teams_unmatched));
      -- A body's row is touched (updated_at) when its members change: only its own settings count as a change of it.
      CREATE TRIGGER version_body AFTER UPDATE OF name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum,
        year_start_month, decision_label, house_style ON body WHEN new.version = old.version BEGIN
        UPDATE body SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_member AFTER UPDATE ON member WHEN new.version = old.version BEGIN
        UPDATE member SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_phrase AFTER UPDATE ON phrase WHEN new.version = old.version BEGIN
        UPDATE phrase SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_meeting AFTER UPDATE OF date, start_time, venue, mode, contact_officer, minute_number_start ON meeting
        WHEN new.version = old.version BEGIN
        UPDATE meeting SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_agenda_item AFTER UPDATE ON agenda_item WHEN new.version = old.version BEGIN
        UPDATE agenda_item SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_attendance AFTER UPDATE ON attendance WHEN new.version = old.version BEGIN
        UPDATE attendance SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_declaration AFTER UPDATE ON declaration WHEN new.version = old.version BEGIN
        UPDATE declaration SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_minute_entry AFTER UPDATE ON minute_entry WHEN new.version = old.version BEGIN
        UPDATE minute_entry SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_motion AFTER UPDATE ON motion WHEN new.version = old.version BEGIN
        UPDATE motion SET version = old.version + 1 WHERE id = new.id;
      END;
      CREATE TRIGGER version_action AFTER UPDATE ON action WHEN new.version = old.version BEGIN
        UPDATE action SET version = old.version + 1 WHERE id = new.id;
      END;
    `,
  },
  {
    version: 9,
    description: 'Free structure within each minute: entries and motions share one order; point lists with their own style and introduction; decisions with their own label; the standard wording as an editable, movable block; more opening forms and the filed-document clause; next-meeting forms; declarations with optional item and category, and what the member did only when recorded; the date of a previous meeting not in the app',
    sql: `
      -- Entries and motions of an item share one order (the blocks of its minute, as printed). Minutes
      -- before this version printed paragraphs, then points, then motions, then resolutions: numbered so.
      -- Keyed by (tag, id), so each row's new place is found at once (unkeyed, a decade of minutes took hours).
      CREATE TEMP TABLE block_order_v9 (tag TEXT NOT NULL, id INTEGER NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (tag, id)) WITHOUT ROWID;
      INSERT INTO block_order_v9 (tag, id, pos)
        SELECT tag, id, ROW_NUMBER() OVER (PARTITION BY agenda_item_id ORDER BY rank, position, id) - 1 AS pos FROM (
          SELECT 'e' AS tag, id, agenda_item_id, CASE kind WHEN 'paragraph' THEN 0 WHEN 'point' THEN 1 ELSE 3 END AS rank, position FROM minute_entry
          UNION ALL
          SELECT 'm' AS tag, id, agenda_item_id, 2 AS rank, position FROM motion
        );
      UPDATE minute_entry SET position = (SELECT pos FROM block_order_v9 b WHERE b.tag = 'e' AND b.id = minute_entry.id);
      UPDATE motion SET position = (SELECT pos FROM block_order_v9 b WHERE b.tag = 'm' AND b.id = motion.id);
      DROP TABLE block_order_v9;
      DROP INDEX minute_entry_item;
      CREATE INDEX minute_entry_item ON minute_entry(agenda_item_id, position);

      -- A point's list style (NULL: the item's lettering); a point with an introduction (even an empty one) starts a new list.
      ALTER TABLE minute_entry ADD COLUMN style TEXT CHECK (style IS NULL OR style IN ('alpha', 'roman', 'number', 'bullet'));
      ALTER TABLE minute_entry ADD COLUMN intro TEXT;
      -- A resolution with a label starts a new decision with that label.
      ALTER TABLE minute_entry ADD COLUMN label TEXT CHECK (label IS NULL OR label IN ('RESOLVED', 'AGREED', 'NOTED'));

      -- The app's standard wording of the item, as the clerk edited it (NULL: it follows the record), and
      -- its place among the item's blocks (how many of the clerk's blocks come before it).
      ALTER TABLE agenda_item ADD COLUMN standard_text TEXT;
      ALTER TABLE agenda_item ADD COLUMN standard_at INTEGER NOT NULL DEFAULT 0 CHECK (standard_at >= 0);
      -- Opening forms beyond the first four ("<name> introduced a report", an oral update, a report and presentation).
      ALTER TABLE agenda_item ADD COLUMN opening_form TEXT CHECK (opening_form IS NULL OR opening_form IN ('introduced', 'report_presentation', 'oral', 'provided_oral'));
      -- The filed-document clause: NULL the standard one, '' none, else the document named.
      ALTER TABLE agenda_item ADD COLUMN filed TEXT;
      -- The next meeting minuted as NOTED or RESOLVED, "be held on" or "take place on".
      ALTER TABLE agenda_item ADD COLUMN next_form TEXT NOT NULL DEFAULT 'noted_held'
        CHECK (next_form IN ('noted_held', 'noted_take_place', 'resolved_held', 'resolved_take_place'));

      -- The date of the previous meeting when it is not in the app (a clerk's first meeting in it).
      ALTER TABLE meeting ADD COLUMN previous_date TEXT CHECK (previous_date IS NULL OR previous_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
      DROP TRIGGER version_meeting;
      CREATE TRIGGER version_meeting AFTER UPDATE OF date, start_time, venue, mode, contact_officer, minute_number_start, previous_date ON meeting
        WHEN new.version = old.version BEGIN
        UPDATE meeting SET version = old.version + 1 WHERE id = new.id;
      END;

      -- Declarations: the item and the category are optional, what the member did is printed only when recorded.
      CREATE TABLE declaration_v9 (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        attendance_id INTEGER NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
        category TEXT CHECK (category IS NULL OR category IN ('dpi', 'other_registrable', 'non_registrable')),
        nature TEXT NOT NULL,
        sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
        dispensation TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('not_recorded', 'remained', 'spoke_then_left', 'left_no_part', 'did_not_vote')),
        left_at TEXT CHECK (left_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        returned_at TEXT CHECK (returned_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        version INTEGER NOT NULL DEFAULT 1,
        at_item INTEGER NOT NULL DEFAULT 0 CHECK (at_item IN (0, 1)),
        CHECK (sensitive = 0 OR nature = '')
      ) STRICT;
      INSERT INTO declaration_v9 (id, meeting_id, attendance_id, agenda_item_id, category, nature, sensitive, dispensation, action, left_at, returned_at, version, at_item)
        SELECT id, meeting_id, attendance_id, agenda_item_id, category, nature, sensitive, dispensation, action, left_at, returned_at, version, at_item FROM declaration;
      DROP TABLE declaration;
      ALTER TABLE declaration_v9 RENAME TO declaration;
      CREATE INDEX declaration_meeting ON declaration(meeting_id);
      CREATE TRIGGER version_declaration AFTER UPDATE ON declaration WHEN new.version = old.version BEGIN
        UPDATE declaration SET version = old.version + 1 WHERE id = new.id;
      END;
    `,
  },
  {
    version: 10,
    description: "A council's own Word template per body, kept by its hash so approved minutes keep the one they were approved with",
    sql: `
      -- A council's own Word template (.docx or .dotx), as the clerk chose it and as read in the parsing worker:
      -- the parts the Word export uses (styles, theme, headers, footers and their pictures, page set-up) as JSON.
      -- Keyed by the SHA-256 of the file and never changed or deleted, so minutes approved with a template
      -- (their frozen record names its hash) print with that same template whatever the body chooses later.
      CREATE TABLE word_template (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        file_name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        kit TEXT NOT NULL CHECK (json_valid(kit)),
        created_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    description: 'The chair’s round trip: review copies sent (to whom, when, which version, each block’s words), the replies read (the file kept as evidence), chair’s corrections as versions, and who approved the minutes, when, on what evidence',
    // Written out in full: a shipped step never changes when code around it does.
    sql: `
      -- A review copy sent to the chair: the version sent, the chair's name and email, when, and the words
      -- of each marked block as sent (JSON {key: text}), so a reply can be compared with what was sent.
      CREATE TABLE review_send (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        version_number INTEGER NOT NULL CHECK (version_number >= 1),
        chair_name TEXT NOT NULL CHECK (length(trim(chair_name)) > 0),
        chair_email TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        blocks TEXT NOT NULL CHECK (json_valid(blocks))
      ) STRICT;
      CREATE INDEX review_send_meeting ON review_send (meeting_id);

      -- A reply read and acted on: the returned file itself is kept as evidence.
      CREATE TABLE review_reply (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        send_id INTEGER NOT NULL REFERENCES review_send(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        reply_date TEXT NOT NULL,
        read_at TEXT NOT NULL,
        accepted INTEGER NOT NULL CHECK (accepted >= 0),
        rejected INTEGER NOT NULL CHECK (rejected >= 0)
      ) STRICT;
      CREATE INDEX review_reply_meeting ON review_reply (meeting_id);

      -- Versions gain the kind 'corrections' (the chair's corrections applied) and, for approval, who
      -- approved, on what date (typed: the chair's email may be older than the click) and the evidence.
      -- SQLite cannot change a CHECK in place: the table is made again under a new name and renamed.
      CREATE TABLE minutes_version_v9 (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('status', 'amendment', 'corrections')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'approved', 'confirmed', 'published')),
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        exempt_text TEXT NOT NULL,
        approver TEXT NOT NULL DEFAULT '',
        approved_on TEXT CHECK (approved_on IS NULL OR approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        evidence TEXT NOT NULL DEFAULT '',
        reply_id INTEGER REFERENCES review_reply(id) ON DELETE SET NULL,
        UNIQUE (meeting_id, number)
      ) STRICT;
      INSERT INTO minutes_version_v9 (id, meeting_id, number, kind, status, reason, created_at, text, exempt_text)
        SELECT id, meeting_id, number, kind, status, reason, created_at, text, exempt_text FROM minutes_version;
      DROP TABLE minutes_version;
      ALTER TABLE minutes_version_v9 RENAME TO minutes_version;
    `,
  },
  {
    version: 12,
    description: 'Search finds people: who attended each meeting, who declared an interest at an item and who moved or seconded its motions',
    // Written out in full: a shipped step never changes when code around it does.
    sql: `
      -- What the people index should hold, worked out from the minutes: one row per meeting (the names of those
      -- present) and one per item (who declared, with the interest, and who moved and seconded). The keys lead with
      -- the meeting's day, as search_text's do (migration 7): day × 2^30 + meeting id × 4 + 1, or item id × 4 + 2.
      CREATE VIEW search_people_source AS
        SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + m.id * 4 + 1 AS key,
               coalesce((SELECT group_concat(coalesce(mb.name, a.name), ' · ') FROM attendance a LEFT JOIN member mb ON mb.id = a.member_id
                         WHERE a.meeting_id = m.id AND a.status = 'present'), '') AS text,
               NULL AS item_id, m.id AS meeting_id
        FROM meeting m
        UNION ALL
        SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + i.id * 4 + 2,
               trim(coalesce((SELECT group_concat(coalesce(mb.name, a.name) || ' ' || d.nature, ' · ') FROM declaration d JOIN attendance a ON a.id = d.attendance_id
                              LEFT JOIN member mb ON mb.id = a.member_id WHERE d.agenda_item_id = i.id), '') || ' ' ||
                    coalesce((SELECT group_concat(coalesce(mb.name, a.name), ' · ') FROM motion x JOIN attendance a ON a.id = x.proposer_id OR a.id = x.seconder_id
                              LEFT JOIN member mb ON mb.id = a.member_id WHERE x.agenda_item_id = i.id), '')),
               i.id, m.id
        FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id;

      CREATE VIRTUAL TABLE search_people USING fts5(text, item_id UNINDEXED, tokenize = 'porter unicode61');
      INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE text <> '';
      INSERT INTO search_people (search_people) VALUES ('optimize');

      -- Each change of who was there, who declared or who moved rebuilds the people rows of that meeting (a few rows).
      CREATE TRIGGER people_attendance_insert AFTER INSERT ON attendance BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.meeting_id AND text <> '';
      END;
      CREATE TRIGGER people_attendance_update AFTER UPDATE OF name, status, member_id ON attendance BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.meeting_id AND text <> '';
      END;
      CREATE TRIGGER people_attendance_delete AFTER DELETE ON attendance BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = old.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = old.meeting_id AND text <> '';
      END;
      CREATE TRIGGER people_member_rename AFTER UPDATE OF name ON member BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id IN (SELECT meeting_id FROM attendance WHERE member_id = new.id));
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source
          WHERE meeting_id IN (SELECT meeting_id FROM attendance WHERE member_id = new.id) AND text <> '';
      END;
      CREATE TRIGGER people_declaration_insert AFTER INSERT ON declaration BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.meeting_id AND text <> '';
      END;
      CREATE TRIGGER people_declaration_update AFTER UPDATE OF nature, attendance_id, agenda_item_id ON declaration BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.meeting_id AND text <> '';
      END;
      CREATE TRIGGER people_declaration_delete AFTER DELETE ON declaration BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = old.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = old.meeting_id AND text <> '';
      END;
      CREATE TRIGGER people_motion_insert AFTER INSERT ON motion BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = new.agenda_item_id));
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = new.agenda_item_id) AND text <> '';
      END;
      CREATE TRIGGER people_motion_update AFTER UPDATE OF proposer_id, seconder_id, agenda_item_id ON motion BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = new.agenda_item_id));
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = new.agenda_item_id) AND text <> '';
      END;
      CREATE TRIGGER people_motion_delete AFTER DELETE ON motion BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = old.agenda_item_id));
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = old.agenda_item_id) AND text <> '';
      END;
      -- An item leaving: its row goes (the view no longer names it); one arriving from another meeting is indexed there.
      CREATE TRIGGER people_item_delete BEFORE DELETE ON agenda_item BEGIN
        DELETE FROM search_people WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 2 FROM meeting m WHERE m.id = old.meeting_id);
      END;
      CREATE TRIGGER people_item_move BEFORE UPDATE OF meeting_id ON agenda_item WHEN old.meeting_id IS NOT new.meeting_id BEGIN
        DELETE FROM search_people WHERE rowid = (SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + old.id * 4 + 2 FROM meeting m WHERE m.id = old.meeting_id);
      END;
      CREATE TRIGGER people_item_moved AFTER UPDATE OF meeting_id ON agenda_item WHEN old.meeting_id IS NOT new.meeting_id BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.meeting_id AND text <> '';
      END;
      -- A new date re-keys the meeting's rows: the old keys are worked out from the old date.
      CREATE TRIGGER people_meeting_redate AFTER UPDATE OF date ON meeting WHEN old.date IS NOT new.date BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + old.id * 4 + 1 UNION ALL SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + i.id * 4 + 2 FROM agenda_item i WHERE i.meeting_id = old.id);
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.id AND text <> '';
      END;
      CREATE TRIGGER people_meeting_delete BEFORE DELETE ON meeting BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + old.id * 4 + 1 UNION ALL SELECT CAST(julianday(old.date) AS INTEGER) * 1073741824 + i.id * 4 + 2 FROM agenda_item i WHERE i.meeting_id = old.id);
      END;
    `,
  },
  {
    version: 13,
    description: 'Confirmation at the next meeting: which meeting and item confirmed the minutes of the one before, at what minute, and any amendment agreed there',
    // Written out in full: a shipped step never changes when code around it does.
    sql: `
      -- One row per confirmed meeting: the minutes are confirmed once. The confirming item and its minute
      -- number are kept, so a second call from the same item is answered without a second confirmation.
      CREATE TABLE minutes_confirmation (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
        confirming_meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        confirming_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        minute_number INTEGER NOT NULL CHECK (minute_number >= 1),
        outcome TEXT NOT NULL CHECK (outcome IN ('correct_record', 'subject_to_amendment')),
        amendment TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        CHECK ((outcome = 'correct_record') = (amendment = '')),
        CHECK (confirming_meeting_id <> meeting_id)
      ) STRICT;
      CREATE INDEX minutes_confirmation_item ON minutes_confirmation (confirming_item_id);
    `,
  },
  {
    version: 14,
    description: 'Search finds people by their role and organisation too ("Vice-Chair", "Wessex Police"): the people index names each one present with both',
    // Written out in full: a shipped step never changes when code around it does. Migration 12's keys, rows and
    // triggers stay as they were; only what a meeting's row says of each person present grows, and the two
    // triggers that watch a person's details now watch their role and organisation as well.
    sql: `
      DROP VIEW search_people_source;
      CREATE VIEW search_people_source AS
        SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + m.id * 4 + 1 AS key,
               coalesce((SELECT group_concat(p.who || CASE WHEN p.about <> '' THEN ' (' || p.about || ')' ELSE '' END, ' · ')
                         FROM (SELECT coalesce(mb.name, a.name) AS who,
                                      trim(coalesce(mb.role, a.role) || CASE WHEN coalesce(mb.role, a.role) <> '' AND coalesce(mb.organisation, a.organisation) <> '' THEN ', ' ELSE '' END
                                           || coalesce(mb.organisation, a.organisation)) AS about
                               FROM attendance a LEFT JOIN member mb ON mb.id = a.member_id
                               WHERE a.meeting_id = m.id AND a.status = 'present' ORDER BY a.position, a.id) p), '') AS text,
               NULL AS item_id, m.id AS meeting_id
        FROM meeting m
        UNION ALL
        SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + i.id * 4 + 2,
               trim(coalesce((SELECT group_concat(coalesce(mb.name, a.name) || ' ' || d.nature, ' · ') FROM declaration d JOIN attendance a ON a.id = d.attendance_id
                              LEFT JOIN member mb ON mb.id = a.member_id WHERE d.agenda_item_id = i.id), '') || ' ' ||
                    coalesce((SELECT group_concat(coalesce(mb.name, a.name), ' · ') FROM motion x JOIN attendance a ON a.id = x.proposer_id OR a.id = x.seconder_id
                              LEFT JOIN member mb ON mb.id = a.member_id WHERE x.agenda_item_id = i.id), '')),
               i.id, m.id
        FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id;

      DROP TRIGGER people_attendance_update;
      CREATE TRIGGER people_attendance_update AFTER UPDATE OF name, role, organisation, status, member_id ON attendance BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id = new.meeting_id);
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE meeting_id = new.meeting_id AND text <> '';
      END;
      DROP TRIGGER people_member_rename;
      CREATE TRIGGER people_member_rename AFTER UPDATE OF name, role, organisation ON member BEGIN
        DELETE FROM search_people WHERE rowid IN (SELECT key FROM search_people_source WHERE meeting_id IN (SELECT meeting_id FROM attendance WHERE member_id = new.id));
        INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source
          WHERE meeting_id IN (SELECT meeting_id FROM attendance WHERE member_id = new.id) AND text <> '';
      END;

      -- The meetings' rows say more now: the whole index is built again from the view (its keys are unchanged).
      DELETE FROM search_people;
      INSERT INTO search_people (rowid, text, item_id) SELECT key, text, item_id FROM search_people_source WHERE text <> '';
      INSERT INTO search_people (search_people) VALUES ('optimize');
    `,
  },
  {
    version: 15,
    description: 'Past minutes brought in (issue 18): a meeting says where it was imported from',
    // Written out in full: a shipped step never changes when code around it does.
    sql: `
      -- Where an imported meeting came from (a Word file's name, or "pasted text"); NULL for meetings minuted here.
      -- Imported meetings are stored as confirmed, with the record frozen as read, so they print as they were published.
      ALTER TABLE meeting ADD COLUMN imported_from TEXT CHECK (imported_from IS NULL OR length(imported_from) BETWEEN 1 AND 200);
    `,
  },
  {
    version: 16,
    description: 'Every sentence the app writes editable: the meeting’s own sentences (order of business, exclusion of the public, arrivals and departures, changes of chair, the closing line) as the clerk edited them; a default opening form per body',
    sql: `
      -- The meeting's own sentences as the clerk edited them, by sentence ('orderOfBusiness', 'closing',
      -- 'exclusion:<item id>', 'movement:<id>', 'chair:<id>'); a sentence not here follows the record.
      ALTER TABLE meeting ADD COLUMN wording TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(wording) AND json_type(wording) = 'object');
      DROP TRIGGER version_meeting;
      CREATE TRIGGER version_meeting AFTER UPDATE OF date, start_time, venue, mode, contact_officer, minute_number_start, previous_date, wording ON meeting
        WHEN new.version = old.version BEGIN
        UPDATE meeting SET version = old.version + 1 WHERE id = new.id;
      END;
      -- A sentence's edit goes with its movement, change of chair or item: a later row given the same id never inherits it.
      CREATE TRIGGER wording_movement_delete AFTER DELETE ON movement BEGIN
        UPDATE meeting SET wording = json_remove(wording, '$."movement:' || old.id || '"') WHERE json_type(wording, '$."movement:' || old.id || '"') IS NOT NULL;
      END;
      CREATE TRIGGER wording_chair_delete AFTER DELETE ON chair_change BEGIN
        UPDATE meeting SET wording = json_remove(wording, '$."chair:' || old.id || '"') WHERE id = old.meeting_id;
      END;
      CREATE TRIGGER wording_item_delete AFTER DELETE ON agenda_item BEGIN
        UPDATE meeting SET wording = json_remove(wording, '$."exclusion:' || old.id || '"') WHERE id = old.meeting_id;
      END;
      -- The opening form a new item of the body's business takes ("considered a report of", "received a presentation from" …).
      ALTER TABLE body ADD COLUMN opening_kind TEXT NOT NULL DEFAULT 'report'
        CHECK (opening_kind IN ('report', 'introduced', 'presentation', 'report_presentation', 'verbal', 'oral', 'provided_oral', 'none'));
    `,
  },
  {
    version: 17,
    description: 'Past minutes’ action logs and numbering brought in (issue 18): an action says when it was raised, where that was before the meeting it is kept with; a body prints its minute numbers as its past minutes did (21.44, 2021/44, 44/21)',
    sql: `
      -- The date of the meeting that raised an imported action, where the action log printed an earlier one than the
      -- meeting imported; NULL (every action raised here) means the date of its item's meeting.
      ALTER TABLE action ADD COLUMN raised_on TEXT CHECK (raised_on IS NULL OR raised_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
      -- How the body prints a minute's number: '{n}.' (44.), or within the municipal year it runs through
      -- ('{yy}.{n}' 21.44, '{yyyy}/{n}' 2021/44, '{n}/{yy}' 44/21 …), as its past minutes were numbered.
      ALTER TABLE body ADD COLUMN minute_number_form TEXT NOT NULL DEFAULT '{n}.'
        CHECK (minute_number_form IN ('{n}.', '{yy}.{n}', '{yyyy}.{n}', '{yy}/{n}', '{yyyy}/{n}', '{n}/{yy}', '{n}/{yyyy}'));
    `,
  },
  {
    version: 18,
    description: 'Frozen records in a table of their own: a meeting row stays small, so lists, searches and look-ups of meetings do not read every approved meeting’s whole record',
    sql: `
      -- The MeetingRecord frozen when the minutes were approved (or imported), one row per meeting. In the
      -- meeting row itself (migration 8) each approved meeting carried some 40 KB of JSON: a body's list of
      -- meetings read 250 of them (10 MB), and every look-up of a meeting by id crossed overflow pages.
      CREATE TABLE frozen_record (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
        -- The record's first minute number, kept beside it: the numbering of later meetings reads it without
        -- parsing the record. Before the record: a column after a long one is read by crossing its overflow pages.
        first_minute_number INTEGER,
        record TEXT NOT NULL CHECK (json_valid(record))
      ) STRICT;
      INSERT INTO frozen_record (meeting_id, first_minute_number, record)
        SELECT id, json_extract(frozen_record, '$.firstMinuteNumber'), frozen_record FROM meeting WHERE frozen_record IS NOT NULL;
      ALTER TABLE meeting DROP COLUMN frozen_record;
      -- The ids alone, apart from the records: "which approved minutes have no frozen record?" is asked at every start,
      -- and answered from this small index in some 20 ms on a decade, where the table's own pages (the records' first
      -- kilobytes on each) took 80 to 200 ms.
      CREATE INDEX frozen_record_meeting ON frozen_record(meeting_id);
    `,
  },
  {
    version: 19,
    description: 'A gap in imported minutes’ numbers is kept (issue 18): an item says how many minute numbers were skipped before its minute, as published minutes skip one left out of the public version',
    sql: `
      -- How many minute numbers the published minutes skipped before this item's minute ("7." then "9."): set only
      -- by the import of past minutes; 0 (every item made here) means the minute follows the one before.
      ALTER TABLE agenda_item ADD COLUMN numbers_skipped INTEGER NOT NULL DEFAULT 0 CHECK (numbers_skipped >= 0);
    `,
  },
  {
    version: 20,
    description: 'What the numbering reads of each approved meeting is kept beside its frozen record, so a search citing many approved minutes does not parse each whole record',
    sql: `
      -- Written with the frozen record (freezeRecord), never changed otherwise: the record's first minute number and,
      -- for each item, what the numbering reads (id, position, businessOrder, leftOut, exempt, kind, numbersSkipped).
      CREATE TABLE frozen_numbering (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
        first_minute_number INTEGER NOT NULL,
        items TEXT NOT NULL CHECK (json_valid(items))
      ) STRICT;
      INSERT INTO frozen_numbering (meeting_id, first_minute_number, items)
        SELECT f.meeting_id, coalesce(f.first_minute_number, f.record ->> '$.firstMinuteNumber', 1),
               (SELECT json_group_array(json_object('id', j.value->'id', 'position', j.value->'position', 'businessOrder', j.value->'businessOrder',
                                                    'leftOut', j.value->'leftOut', 'exempt', j.value->'exempt', 'kind', j.value->'kind',
                                                    'numbersSkipped', j.value->'numbersSkipped'))
                FROM json_each(f.record, '$.items') j)
        FROM frozen_record f;
    `,
  },
  {
    version: 21,
    description: 'Minute numbers as parish and town councils print them (issue 18): a body’s form of minute numbers may carry a prefix of its own (Cou/285/07-08, PC/23/045, FC 12/24), and an imported minute printed with no number keeps none',
    sql: `
      -- The body's form of minute numbers was one of seven (migration 17); it is now any form of an optional prefix of
      -- letters, one number part and year parts ('Cou/{n}/{yy}-{yy+1}', 'PC/{yy}/{nnn}', 'FC {n}/{yy}'), checked in full
      -- by the app (shared/rules/numbering.ts isMinuteNumberForm) and in outline here. SQLite cannot change a column's
      -- CHECK, so the column is made again under the same name, its values kept.
      ALTER TABLE body ADD COLUMN minute_number_form_new TEXT NOT NULL DEFAULT '{n}.'
        CHECK (length(minute_number_form_new) BETWEEN 3 AND 40 AND minute_number_form_new GLOB '*{n*}*');
      UPDATE body SET minute_number_form_new = minute_number_form;
      ALTER TABLE body DROP COLUMN minute_number_form;
      ALTER TABLE body RENAME COLUMN minute_number_form_new TO minute_number_form;
      -- An imported minute printed as a heading with no number before the numbered ones ("Chair's announcements"
      -- above "1. Apologies"): 1 = it takes no minute number; 0 (every item made here) = numbered as usual.
      -- It is one of the keys the numbering reads (NUMBERING_KEYS), so frozen_numbering's items carry it from now on;
      -- the rows written before have no item printed without a number, and a key absent reads as numbered.
      ALTER TABLE agenda_item ADD COLUMN unnumbered INTEGER NOT NULL DEFAULT 0 CHECK (unnumbered IN (0, 1));
    `,
  },
  {
    version: 22,
    description: 'A decision read from past minutes keeps the bracket form of its resolutions’ markers (issue 18): “1)”, “i)” as printed, not “(1)”, “(i)”',
    sql: `
      -- How a resolution's marker is bracketed where imported minutes printed it with a closing bracket alone ("1)",
      -- "i)", "a)"): 'close'. NULL (every resolution typed here, and those printed "(1)") is bracketed both sides.
      -- The marker's style (lettered, roman, numbered) is in the style column (migration 9), as for points.
      ALTER TABLE minute_entry ADD COLUMN marker_form TEXT CHECK (marker_form IS NULL OR marker_form = 'close');
    `,
  },
  {
    version: 23,
    description: 'A decision read from past minutes printed on one line with its label (“RESOLVED – That the report be noted.”) prints on one line again (issue 18)',
    sql: `
      -- On a decision's first resolution: 1 = imported minutes printed the label's line and this, its only resolution,
      -- as one line ("RESOLVED – That …"), and the minutes print them so; 0 (every resolution typed here) = the label on
      -- a line of its own.
      ALTER TABLE minute_entry ADD COLUMN run_on INTEGER NOT NULL DEFAULT 0 CHECK (run_on IN (0, 1));
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
