/* rapport-cli.h
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

#include "rapport-store.h"

G_BEGIN_DECLS

/* A progress line on stderr that rewrites itself. */
typedef struct
{
  guint width;
} RapportCliProgress;

void rapport_cli_progress_show  (RapportCliProgress *line,
                                 const char         *text);
void rapport_cli_progress_clear (RapportCliProgress *line);

/* Each command gets the open store and its own arguments (argv[0] is the
 * command name) and returns the process exit status. Errors go to stderr. */
int rapport_cli_duplicates (RapportStore *store,
                            int           argc,
                            char        **argv);
int rapport_cli_merge      (RapportStore *store,
                            int           argc,
                            char        **argv);
int rapport_cli_unmerge    (RapportStore *store,
                            int           argc,
                            char        **argv);
int rapport_cli_demo   (RapportStore *store,
                        int           argc,
                        char        **argv);
int rapport_cli_import (RapportStore *store,
                        int           argc,
                        char        **argv);
int rapport_cli_export (RapportStore *store,
                        int           argc,
                        char        **argv);
int rapport_cli_score  (RapportStore *store,
                        int           argc,
                        char        **argv);
int rapport_cli_pipeline (RapportStore *store,
                          int           argc,
                          char        **argv);
int rapport_cli_accounts (RapportStore *store,
                          int           argc,
                          char        **argv);
int rapport_cli_sync     (RapportStore *store,
                          int           argc,
                          char        **argv);
int rapport_cli_events (RapportStore *store,
                        int           argc,
                        char        **argv);
int rapport_cli_content (RapportStore *store,
                         int           argc,
                         char        **argv);
int rapport_cli_undo    (RapportStore *store,
                         int           argc,
                         char        **argv);

G_END_DECLS
