/* rapport-demo-data.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Word lists for the sample community (rapport-demo.c). All of it is
 * invented or common; organisations and domains do not exist (*.test). */

typedef struct
{
  const char *city;
  const char *timezone;
} RapportDemoPlace;

/* A naming tradition. A family name written "Ivanov|Ivanova" has a
 * masculine and a feminine form. */
typedef struct
{
  const char              *label;
  guint                    weight;
  guint                    two_family_names_percent;
  const char * const      *female;
  guint                    n_female;
  const char * const      *male;
  guint                    n_male;
  const char * const      *family;
  guint                    n_family;
  const RapportDemoPlace  *places;
  guint                    n_places;
} RapportDemoCulture;

typedef struct
{
  const char *name;
  const char *domain;
} RapportDemoOrganization;

typedef struct
{
  const char * const *items;
  guint               n_items;
} RapportDemoList;

extern const RapportDemoCulture       rapport_demo_cultures[];
extern const guint                    rapport_demo_n_cultures;
extern const RapportDemoOrganization  rapport_demo_organizations[];
extern const guint                    rapport_demo_n_organizations;

extern const RapportDemoList rapport_demo_job_titles;
extern const RapportDemoList rapport_demo_bios;
extern const RapportDemoList rapport_demo_personal_domains;
extern const RapportDemoList rapport_demo_pull_requests;
extern const RapportDemoList rapport_demo_issues;
extern const RapportDemoList rapport_demo_topics;
extern const RapportDemoList rapport_demo_chat_messages;
extern const RapportDemoList rapport_demo_toots;
extern const RapportDemoList rapport_demo_events;
extern const RapportDemoList rapport_demo_repositories;
extern const RapportDemoList rapport_demo_forum_categories;
extern const RapportDemoList rapport_demo_slack_channels;
extern const RapportDemoList rapport_demo_discord_channels;

G_END_DECLS
