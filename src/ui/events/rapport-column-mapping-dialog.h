/* rapport-column-mapping-dialog.h
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

#include <adwaita.h>

#include "rapport-event-io.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_COLUMN_MAPPING_DIALOG (rapport_column_mapping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportColumnMappingDialog, rapport_column_mapping_dialog, RAPPORT, COLUMN_MAPPING_DIALOG, AdwWindow)

GtkWidget  *rapport_column_mapping_dialog_new         (GtkWindow                  *parent,
                                                       GFile                      *file,
                                                       const char * const         *header);
GFile      *rapport_column_mapping_dialog_get_file    (RapportColumnMappingDialog *self);
const char *rapport_column_mapping_dialog_get_column  (RapportColumnMappingDialog *self,
                                                       RapportEventField           field);
gboolean    rapport_column_mapping_dialog_set_column  (RapportColumnMappingDialog *self,
                                                       RapportEventField           field,
                                                       const char                 *column);
void        rapport_column_mapping_dialog_get_mapping (RapportColumnMappingDialog *self,
                                                       RapportEventMapping        *mapping);
gboolean    rapport_column_mapping_dialog_get_can_import (RapportColumnMappingDialog *self);

G_END_DECLS
