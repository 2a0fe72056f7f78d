/* rapport-types.h
 *
 * Copyright 2026 The Rapport authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every type of librapport-core, so a header can name one without
 * including its definition. */
typedef struct _RapportAccount            RapportAccount;
typedef struct _RapportActivity           RapportActivity;
typedef struct _RapportCaldavConflict     RapportCaldavConflict;
typedef struct _RapportClock              RapportClock;
typedef struct _RapportConnector          RapportConnector;
typedef struct _RapportContentItem        RapportContentItem;
typedef struct _RapportContentOccurrence  RapportContentOccurrence;
typedef struct _RapportContentRange       RapportContentRange;
typedef struct _RapportContext            RapportContext;
typedef struct _RapportCsvReader          RapportCsvReader;
typedef struct _RapportCsvWriter          RapportCsvWriter;
typedef struct _RapportEvent              RapportEvent;
typedef struct _RapportEventList          RapportEventList;
typedef struct _RapportHttp               RapportHttp;
typedef struct _RapportHubspot            RapportHubspot;
typedef struct _RapportIdentity           RapportIdentity;
typedef struct _RapportMember             RapportMember;
typedef struct _RapportMemberList         RapportMemberList;
typedef struct _RapportNote               RapportNote;
typedef struct _RapportOperation          RapportOperation;
typedef struct _RapportDuplicate          RapportDuplicate;
typedef struct _RapportPipeline           RapportPipeline;
typedef struct _RapportPlatform           RapportPlatform;
typedef struct _RapportRecognition        RapportRecognition;
typedef struct _RapportRsvp               RapportRsvp;
typedef struct _RapportRsvpList           RapportRsvpList;
typedef struct _RapportScoreExplanation   RapportScoreExplanation;
typedef struct _RapportScoreTerm          RapportScoreTerm;
typedef struct _RapportScoreWeights       RapportScoreWeights;
typedef struct _RapportScoring            RapportScoring;
typedef struct _RapportStage              RapportStage;
typedef struct _RapportStageChange        RapportStageChange;
typedef struct _RapportStore              RapportStore;
typedef struct _RapportSuggestion         RapportSuggestion;
typedef struct _RapportSyncEngine         RapportSyncEngine;
typedef struct _RapportSyncLogEntry       RapportSyncLogEntry;
typedef struct _RapportSyncScheduler      RapportSyncScheduler;

/**
 * RapportMemberSort:
 *
 * The orders a member list can be sorted in.
 */
typedef enum
{
  RAPPORT_MEMBER_SORT_NAME,
  RAPPORT_MEMBER_SORT_ORGANIZATION,
  RAPPORT_MEMBER_SORT_STAGE,
  RAPPORT_MEMBER_SORT_LAST_ACTIVE,
  RAPPORT_MEMBER_SORT_ACTIVITIES,
  RAPPORT_MEMBER_SORT_SCORE,
} RapportMemberSort;

/**
 * RapportChangeKind:
 * @RAPPORT_CHANGE_INSERTED: a row was added
 * @RAPPORT_CHANGE_UPDATED: a row changed
 * @RAPPORT_CHANGE_DELETED: a row was removed
 * @RAPPORT_CHANGE_RELOAD: many rows may have changed (a bulk import); the row id is 0
 */
typedef enum
{
  RAPPORT_CHANGE_INSERTED,
  RAPPORT_CHANGE_UPDATED,
  RAPPORT_CHANGE_DELETED,
  RAPPORT_CHANGE_RELOAD,
} RapportChangeKind;

/**
 * RapportMemberChanges:
 * @RAPPORT_MEMBER_CHANGED_NAME: the name (and how it sorts)
 * @RAPPORT_MEMBER_CHANGED_CONTACT: emails, organization, title, location,
 *   phone, time zone, bio or custom fields
 * @RAPPORT_MEMBER_CHANGED_IDENTITIES: platform identities
 * @RAPPORT_MEMBER_CHANGED_TAGS: tags
 * @RAPPORT_MEMBER_CHANGED_NOTES: notes, interactions or follow-ups
 * @RAPPORT_MEMBER_CHANGED_ACTIVITY: activities, attendance and their counts
 * @RAPPORT_MEMBER_CHANGED_SCORE: score or level
 * @RAPPORT_MEMBER_CHANGED_STAGE: pipeline stage
 * @RAPPORT_MEMBER_CHANGED_ALL: anything (the change was not told apart)
 *
 * What changed about a member, in #RapportStore::member-changed, so a view
 * reloads only for what it shows.
 */
typedef enum /*< flags >*/
{
  RAPPORT_MEMBER_CHANGED_NAME       = 1 << 0,
  RAPPORT_MEMBER_CHANGED_CONTACT    = 1 << 1,
  RAPPORT_MEMBER_CHANGED_IDENTITIES = 1 << 2,
  RAPPORT_MEMBER_CHANGED_TAGS       = 1 << 3,
  RAPPORT_MEMBER_CHANGED_NOTES      = 1 << 4,
  RAPPORT_MEMBER_CHANGED_ACTIVITY   = 1 << 5,
  RAPPORT_MEMBER_CHANGED_SCORE      = 1 << 6,
  RAPPORT_MEMBER_CHANGED_STAGE      = 1 << 7,
  RAPPORT_MEMBER_CHANGED_ALL        = 0xff,
} RapportMemberChanges;

/**
 * RapportProgressFunc:
 * @done: how much of the work is done
 * @total: how much work there is, or 0 if unknown
 * @user_data: closure
 *
 * Reports progress of long work. May be called from a worker thread.
 */
typedef void (*RapportProgressFunc) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

G_END_DECLS
