/* rapport-recognition.h
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

/* The kinds of recognition the pipeline knows a label for; others are kept
 * as they are written. */
#define RAPPORT_RECOGNITION_KUDOS         "kudos"
#define RAPPORT_RECOGNITION_SWAG          "swag"
#define RAPPORT_RECOGNITION_SPEAKING_SLOT "speaking-slot"
#define RAPPORT_RECOGNITION_SPOTLIGHT     "spotlight"

#define RAPPORT_TYPE_RECOGNITION (rapport_recognition_get_type ())

G_DECLARE_FINAL_TYPE (RapportRecognition, rapport_recognition, RAPPORT, RECOGNITION, GObject)

gint64      rapport_recognition_get_id                (RapportRecognition *self);
gint64      rapport_recognition_get_member_id         (RapportRecognition *self);
const char *rapport_recognition_get_kind              (RapportRecognition *self);
const char *rapport_recognition_get_description       (RapportRecognition *self);
gint64      rapport_recognition_get_given_at          (RapportRecognition *self);
const char *rapport_recognition_get_given_by          (RapportRecognition *self);
gint64      rapport_recognition_get_activities_before (RapportRecognition *self);
gint64      rapport_recognition_get_activities_after  (RapportRecognition *self);
gboolean    rapport_recognition_get_impact_complete   (RapportRecognition *self);
gboolean    rapport_recognition_get_impact_percent    (RapportRecognition *self,
                                                       double             *percent);
char       *rapport_recognition_dup_impact_text       (RapportRecognition *self);
const char *rapport_recognition_kind_get_label        (const char         *kind);

G_END_DECLS
