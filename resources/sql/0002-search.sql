-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 2: full-text search over members.
-- One document per member (rowid = members.id) gathering name, handles, emails,
-- organization, tags and notes. Triggers keep it in step with every table that
-- feeds it. A child row inserted before its member (bulk import defers foreign
-- keys) is skipped: the member's own insert trigger indexes everything at once.

CREATE VIRTUAL TABLE member_search USING fts5 (
  name, handles, emails, organization, tags, notes,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3',
  detail = column
);

CREATE VIEW member_search_source AS
  SELECT m.id AS member_id, m.organization_id AS organization_id, m.name AS name,
         (SELECT group_concat (handle, ' ') FROM identities WHERE member_id = m.id) AS handles,
         (SELECT group_concat (address, ' ') FROM emails WHERE member_id = m.id) AS emails,
         (SELECT name FROM organizations WHERE id = m.organization_id) AS organization,
         (SELECT group_concat (t.name, ' ') FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
           WHERE mt.member_id = m.id) AS tags,
         (SELECT group_concat (body, ' ') FROM notes WHERE member_id = m.id) AS notes
    FROM members m;

INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
  SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source;

CREATE TRIGGER members_search_insert AFTER INSERT ON members
BEGIN
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.id;
END;

CREATE TRIGGER members_search_update AFTER UPDATE OF name, organization_id ON members
BEGIN
  DELETE FROM member_search WHERE rowid = OLD.id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.id;
END;

CREATE TRIGGER members_search_delete AFTER DELETE ON members
BEGIN
  DELETE FROM member_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER identities_search_insert AFTER INSERT ON identities
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER identities_search_delete AFTER DELETE ON identities
  WHEN EXISTS (SELECT 1 FROM members WHERE id = OLD.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = OLD.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = OLD.member_id;
END;

CREATE TRIGGER identities_search_update AFTER UPDATE OF handle ON identities
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER emails_search_insert AFTER INSERT ON emails
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER emails_search_delete AFTER DELETE ON emails
  WHEN EXISTS (SELECT 1 FROM members WHERE id = OLD.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = OLD.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = OLD.member_id;
END;

CREATE TRIGGER emails_search_update AFTER UPDATE OF address ON emails
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER member_tags_search_insert AFTER INSERT ON member_tags
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER member_tags_search_delete AFTER DELETE ON member_tags
  WHEN EXISTS (SELECT 1 FROM members WHERE id = OLD.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = OLD.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = OLD.member_id;
END;

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER notes_search_delete AFTER DELETE ON notes
  WHEN EXISTS (SELECT 1 FROM members WHERE id = OLD.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = OLD.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = OLD.member_id;
END;

CREATE TRIGGER notes_search_update AFTER UPDATE OF body ON notes
  WHEN EXISTS (SELECT 1 FROM members WHERE id = NEW.member_id)
BEGIN
  DELETE FROM member_search WHERE rowid = NEW.member_id;
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER organizations_search_update AFTER UPDATE OF name ON organizations
BEGIN
  DELETE FROM member_search
   WHERE rowid IN (SELECT id FROM members WHERE organization_id = NEW.id);
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE organization_id = NEW.id;
END;

CREATE TRIGGER tags_search_update AFTER UPDATE OF name ON tags
BEGIN
  DELETE FROM member_search
   WHERE rowid IN (SELECT member_id FROM member_tags WHERE tag_id = NEW.id);
  INSERT INTO member_search (rowid, name, handles, emails, organization, tags, notes)
    SELECT member_id, name, handles, emails, organization, tags, notes FROM member_search_source
     WHERE member_id IN (SELECT member_id FROM member_tags WHERE tag_id = NEW.id);
END;
