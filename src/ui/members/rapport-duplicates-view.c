/* rapport-duplicates-view.c
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

#define G_LOG_DOMAIN "rapport-duplicates-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-duplicates.h"
#include "rapport-duplicates-view-private.h"
#include "rapport-identity.h"
#include "rapport-member.h"
#include "rapport-member-util.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* Duplicates: the merge queue. The pairs the duplicates engine suggests,
 * the surest first, beside the selected pair side by side: every field of
 * both, the ones that differ marked with a choice of which value stays, the
 * reasons and the confidence. Merge, Not the Same Person and Skip (M, N,
 * S) each lead to the next pair. "Merge by Hand" compares any two members
 * the same way. The actions live in rapport-duplicates-view-actions.c. */

/* The queue shows this many pairs at a time; deciding brings in more. */
#define MAX_PAIRS    500
/* The leaflet folds below sidebar + separator + the compare pane's 360. */
#define SIDEBAR_WIDTH 280
#define FOLD_WIDTH    (SIDEBAR_WIDTH + 1 + 360)
/* Narrower than this, the compare pane shows one member above the other. */
#define STACK_BELOW   600

G_DEFINE_FINAL_TYPE (RapportDuplicatesView, rapport_duplicates_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_PAIRS,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The rows of the comparison, in the order a person reads them. */
typedef enum
{
  ROW_NAME,
  ROW_EMAIL,
  ROW_ORGANIZATION,
  ROW_TITLE,
  ROW_LOCATION,
  ROW_PHONE,
  ROW_TIMEZONE,
  ROW_STAGE,
  ROW_BIO,
  ROW_IDENTITIES,
  ROW_LAST_ACTIVE,
  ROW_ACTIVITIES,
  ROW_NOTES,
  N_ROWS
} RowKind;

static const struct
{
  int         field;
  const char *label;
} row_info[N_ROWS] = {
  [ROW_NAME] = { RAPPORT_MERGE_FIELD_NAME, N_("Name") },
  [ROW_EMAIL] = { RAPPORT_MERGE_FIELD_EMAIL, N_("Email") },
  [ROW_ORGANIZATION] = { RAPPORT_MERGE_FIELD_ORGANIZATION, N_("Organization") },
  [ROW_TITLE] = { RAPPORT_MERGE_FIELD_TITLE, N_("Title") },
  [ROW_LOCATION] = { RAPPORT_MERGE_FIELD_LOCATION, N_("Location") },
  [ROW_PHONE] = { RAPPORT_MERGE_FIELD_PHONE, N_("Phone") },
  [ROW_TIMEZONE] = { RAPPORT_MERGE_FIELD_TIMEZONE, N_("Time Zone") },
  [ROW_STAGE] = { RAPPORT_MERGE_FIELD_STAGE, N_("Stage") },
  [ROW_BIO] = { RAPPORT_MERGE_FIELD_BIO, N_("Bio") },
  [ROW_IDENTITIES] = { -1, N_("Identities") },
  [ROW_LAST_ACTIVE] = { -1, N_("Last Active") },
  [ROW_ACTIVITIES] = { -1, N_("Activities") },
  [ROW_NOTES] = { -1, N_("Notes") },
};
void
_rapport_duplicates_ensure_style (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/duplicates.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
side_clear (RapportDuplicatesSide *side)
{
  side->id = 0;
  g_clear_object (&side->member);
  g_clear_pointer (&side->emails, g_strfreev);
  g_clear_pointer (&side->identities, g_ptr_array_unref);
  side->n_notes = 0;
  side->search_entry = NULL;
  side->results = NULL;
}

static gboolean
side_load (RapportDuplicatesView *self,
           RapportDuplicatesSide *side,
           gint64                 member_id)
{
  g_autoptr(RapportMember) member = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const char *primary;
  GStrvBuilder *builder;
  g_auto(GStrv) emails = NULL;

  side_clear (side);
  if (member_id <= 0)
    return FALSE;

  member = rapport_store_get_member (self->store, member_id, NULL);
  if (member == NULL)
    return FALSE;

  /* The primary address first, as the member page lists them. */
  primary = rapport_member_get_email (member);
  emails = rapport_store_list_emails (self->store, member_id);
  builder = g_strv_builder_new ();
  if (primary != NULL && primary[0] != '\0')
    g_strv_builder_add (builder, primary);
  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    {
      if (primary == NULL || g_ascii_strcasecmp (emails[i], primary) != 0)
        g_strv_builder_add (builder, emails[i]);
    }
  side->emails = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  notes = rapport_store_list_notes (self->store, member_id);
  side->id = member_id;
  side->member = g_steal_pointer (&member);
  side->identities = rapport_store_list_identities (self->store, member_id);
  side->n_notes = notes != NULL ? notes->len : 0;

  return TRUE;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* What a row says of one side, or NULL when they have nothing there. */
static char *
side_dup_value (RapportDuplicatesView *self,
                RapportDuplicatesSide *side,
                RowKind                kind)
{
  RapportMember *member = side->member;
  gint64 now = rapport_clock_get_unix (rapport_context_get_clock (self->context));

  switch (kind)
    {
    case ROW_NAME:
      return g_strdup (nonempty (rapport_member_get_name (member)));
    case ROW_EMAIL:
      return side->emails != NULL && side->emails[0] != NULL ? g_strjoinv ("\n", side->emails) : NULL;
    case ROW_ORGANIZATION:
      return g_strdup (nonempty (rapport_member_get_organization (member)));
    case ROW_TITLE:
      return g_strdup (nonempty (rapport_member_get_title (member)));
    case ROW_LOCATION:
      return g_strdup (nonempty (rapport_member_get_location (member)));
    case ROW_PHONE:
      return g_strdup (nonempty (rapport_member_get_phone (member)));
    case ROW_TIMEZONE:
      return g_strdup (nonempty (rapport_member_get_timezone (member)));
    case ROW_STAGE:
      return g_strdup (nonempty (rapport_member_get_stage (member)));
    case ROW_BIO:
      return g_strdup (nonempty (rapport_member_get_bio (member)));

    case ROW_IDENTITIES:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; side->identities != NULL && i < side->identities->len; i++)
          {
            RapportIdentity *identity = g_ptr_array_index (side->identities, i);
            const char *handle = rapport_identity_get_handle (identity);
            const char *platform = rapport_identity_get_platform (identity);

            if (handle == NULL)
              handle = rapport_identity_get_external_id (identity);
            if (text->len > 0)
              g_string_append_c (text, '\n');
            /* Translators: an identity, "GitHub · amara-o" */
            g_string_append_printf (text, _("%s · %s"),
                                    rapport_member_platform_get_name (platform), handle);
          }
        return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
      }

    case ROW_LAST_ACTIVE:
      return rapport_format_relative_time (rapport_member_get_last_active_at (member), now);

    case ROW_ACTIVITIES:
      {
        gint64 n = MAX (0, rapport_member_get_activity_count (member));
        g_autofree char *count = rapport_format_count (n);

        /* Translators: how many activities a member has, "1,204 activities" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s activity", "%s activities", n),
                                count);
      }

    case ROW_NOTES:
      if (side->n_notes == 0)
        return NULL;
      /* Translators: how many notes a member has, "3 notes" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", side->n_notes),
                              side->n_notes);

    case N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

/* Whether the two values are a choice: both there, and not the same. */
static gboolean
values_differ (RowKind     kind,
               const char *a,
               const char *b)
{
  if (a == NULL || b == NULL || row_info[kind].field < 0)
    return FALSE;

  /* The primary addresses (the first lines) are the choice. */
  if (kind == ROW_EMAIL)
    {
      const char *end_a = strchr (a, '\n');
      const char *end_b = strchr (b, '\n');
      gsize len_a = end_a != NULL ? (gsize) (end_a - a) : strlen (a);
      gsize len_b = end_b != NULL ? (gsize) (end_b - b) : strlen (b);

      return len_a != len_b || g_ascii_strncasecmp (a, b, len_a) != 0;
    }

  return g_strcmp0 (a, b) != 0;
}

/* The member whose record stays: the one with the more activity, the
 * first of the pair when they have as much. */
static guint
survivor_side (RapportDuplicatesView *self)
{
  RapportMember *a = self->sides[0].member;
  RapportMember *b = self->sides[1].member;

  if (a == NULL || b == NULL)
    return 0;

  return rapport_member_get_activity_count (b) > rapport_member_get_activity_count (a) ? 1 : 0;
}

static void
update_pick_rows (RapportDuplicatesView *self,
                  guint                  field)
{
  for (guint s = 0; s < 2; s++)
    {
      GtkCheckButton *check = self->picks[field][s];
      GtkWidget *row = self->pick_rows[field][s];

      if (check == NULL || row == NULL)
        continue;

      /* Every address stays; the choice is only which one is primary. */
      if (gtk_check_button_get_active (check) || field == RAPPORT_MERGE_FIELD_EMAIL)
        gtk_widget_remove_css_class (row, "duplicate-loses");
      else
        gtk_widget_add_css_class (row, "duplicate-loses");
    }
}

static void
on_pick_toggled_cb (GtkCheckButton        *check,
                    RapportDuplicatesView *self)
{
  update_pick_rows (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "rapport-field")));
}

static GtkWidget *
create_field_row (RapportDuplicatesView *self,
                  guint                  side,
                  RowKind                kind,
                  const char            *value,
                  gboolean               differs)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value != NULL ? value : _("None"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind == ROW_EMAIL && differs
                                                     ? _("Primary Email")
                                                     : _(row_info[kind].label));
  if (kind == ROW_BIO)
    adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (row, "duplicate-field");
  if (value == NULL)
    gtk_widget_add_css_class (row, "duplicate-missing");

  if (differs)
    {
      RapportMergeField field = row_info[kind].field;
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *what = g_utf8_strdown (_(row_info[kind].label), -1);
      g_autofree char *label = NULL;

      /* Translators: the accessible name of a choice, "Keep “Ana Silva” as the name" */
      label = g_strdup_printf (_("Keep “%s” as the %s"), value, what);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, kind == ROW_EMAIL ? _("Make this the primary address")
                                                            : _("Keep this value"));
      g_object_set_data (G_OBJECT (check), "rapport-field", GUINT_TO_POINTER (field));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_add_css_class (row, "duplicate-differs");

      self->picks[field][side] = GTK_CHECK_BUTTON (check);
      self->pick_rows[field][side] = row;
    }

  return row;
}

static GtkWidget *
create_header (RapportDuplicatesView *self,
               guint                  side)
{
  RapportMember *member = self->sides[side].member;
  const char *name = rapport_member_get_name (member);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *avatar = adw_avatar_new (64, name, TRUE);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *caption;

  gtk_widget_set_margin_bottom (avatar, 3);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), label);

  if (self->sides[1 - side].member == NULL)
    caption = NULL;
  else if (side == survivor_side (self))
    {
      caption = gtk_label_new (_("Primary"));
      gtk_widget_add_css_class (caption, "duplicate-primary");
      gtk_widget_set_tooltip_text (caption, _("Their record stays; the other one joins it"));
    }
  else
    {
      caption = gtk_label_new (_("Joins the primary"));
      gtk_widget_add_css_class (caption, "dim-label");
    }
  if (caption != NULL)
    {
      gtk_widget_add_css_class (caption, "caption-heading");
      gtk_widget_set_halign (caption, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), caption);
    }

  if (self->by_hand)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Choose Someone _Else"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "duplicates.choose-again");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", side);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
clear_compare (RapportDuplicatesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  rapport_list_box_remove_rows (self->reasons_list);
  memset (self->picks, 0, sizeof self->picks);
  memset (self->pick_rows, 0, sizeof self->pick_rows);
}

static void
show_summary (RapportDuplicatesView *self,
              guint                  n_differ)
{
  gboolean both = self->sides[0].member != NULL && self->sides[1].member != NULL;

  if (self->pair != NULL)
    {
      double confidence = rapport_duplicate_get_confidence (self->pair);
      const char * const *reasons = rapport_duplicate_get_reasons (self->pair);
      g_autofree char *percent = NULL;
      const char *verdict;

      /* Translators: a match confidence, "97%" */
      percent = g_strdup_printf (_("%d%%"), (int) lround (confidence * 100));
      gtk_label_set_label (self->confidence_label, percent);
      gtk_widget_set_visible (GTK_WIDGET (self->confidence_label), TRUE);

      if (confidence >= 0.9)
        verdict = _("Very likely the same person");
      else if (confidence >= 0.7)
        verdict = _("Likely the same person");
      else
        verdict = _("Possibly the same person");
      gtk_label_set_label (self->verdict_label, verdict);

      for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reasons[i]);
          gtk_widget_add_css_class (icon, "accent");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_list_box_append (self->reasons_list, row);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->reasons_list), reasons != NULL && reasons[0] != NULL);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->confidence_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reasons_list), FALSE);
      gtk_label_set_label (self->verdict_label, _("Merge Two Members"));
    }

  if (!both)
    gtk_label_set_label (self->hint_label, _("Choose the two people who are one."));
  else if (n_differ > 0)
    gtk_label_set_label (self->hint_label, _("Where they differ, choose what to keep."));
  else
    gtk_label_set_label (self->hint_label, _("Their details do not conflict."));

  gtk_widget_set_visible (self->footnote_label, both);
}

static void
update_titles (RapportDuplicatesView *self)
{
  guint n = self->pairs != NULL ? self->pairs->len : 0;
  g_autofree char *count = rapport_format_count (n);
  g_autofree char *subtitle = NULL;

  if (n > 0)
    /* Translators: the pairs waiting for a decision, "12 to review" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to review", "%s to review", n), count);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle != NULL ? subtitle : "");

  if (self->by_hand)
    {
      adw_window_title_set_title (self->compare_title, _("Merge by Hand"));
      adw_window_title_set_subtitle (self->compare_title, "");
    }
  else if (self->pair != NULL)
    {
      g_autofree char *position = NULL;
      g_autofree char *index = rapport_format_count (_rapport_duplicates_view_get_index (self) + 1);

      /* Translators: where the pair on show is in the queue, "3 of 12" */
      position = g_strdup_printf (_("%s of %s"), index, count);
      adw_window_title_set_title (self->compare_title, _("Possible Duplicate"));
      adw_window_title_set_subtitle (self->compare_title, position);
    }
  else
    {
      adw_window_title_set_title (self->compare_title, "");
      adw_window_title_set_subtitle (self->compare_title, "");
    }
}

/**
 * _rapport_duplicates_view_show_compare:
 *
 * Builds the compare pane for the pair (or the two members chosen by
 * hand). A pick made before stays when the same two members show again.
 */
void
_rapport_duplicates_view_show_compare (RapportDuplicatesView *self)
{
  gint64 kept[RAPPORT_MERGE_N_FIELDS] = { 0 };
  gint64 before[2] = { self->shown_ids[0], self->shown_ids[1] };
  gint64 ids[2] = { 0, 0 };
  g_autoptr(GtkSizeGroup) header_group = NULL;
  GtkWidget *columns[2] = { NULL, NULL };
  GtkWidget *lists[2] = { NULL, NULL };
  guint n_differ = 0;

  for (guint f = 0; f < RAPPORT_MERGE_N_FIELDS; f++)
    {
      for (guint s = 0; s < 2; s++)
        {
          if (self->picks[f][s] != NULL && gtk_check_button_get_active (self->picks[f][s]))
            kept[f] = before[s];
        }
    }

  if (self->pair != NULL)
    {
      ids[0] = rapport_duplicate_get_member_a (self->pair);
      ids[1] = rapport_duplicate_get_member_b (self->pair);
    }
  else if (self->by_hand)
    {
      ids[0] = self->sides[0].id;
      ids[1] = self->sides[1].id;
    }

  clear_compare (self);
  for (guint s = 0; s < 2; s++)
    {
      side_load (self, &self->sides[s], ids[s]);
      /* By hand, an unknown member is one still to choose. */
      self->shown_ids[s] = self->sides[s].id;
    }

  /* A member of the pair just went (deleted elsewhere): its suggestion
   * goes with them at the reload their notice brings. */
  if ((self->pair == NULL && !self->by_hand) ||
      (self->pair != NULL && (self->sides[0].member == NULL || self->sides[1].member == NULL)))
    {
      gtk_stack_set_visible_child_name (self->compare_stack, "none");
      update_titles (self);
      _rapport_duplicates_view_update_actions (self);
      return;
    }

  header_group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  for (guint s = 0; s < 2; s++)
    {
      columns[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      gtk_widget_add_css_class (columns[s], "duplicate-column");
      gtk_box_append (self->columns_box, columns[s]);

      if (self->sides[s].member == NULL)
        {
          _rapport_duplicates_view_build_picker (self, s, GTK_BOX (columns[s]));
          continue;
        }

      {
        GtkWidget *header = create_header (self, s);

        gtk_size_group_add_widget (header_group, header);
        gtk_box_append (GTK_BOX (columns[s]), header);
      }
      lists[s] = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (lists[s]), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (lists[s], "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (lists[s]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rapport_member_get_name (self->sides[s].member),
                                      -1);
      gtk_box_append (GTK_BOX (columns[s]), lists[s]);
    }

  if ((lists[0] != NULL) != (lists[1] != NULL))
    {
      guint s = lists[0] != NULL ? 0 : 1;

      /* By hand, the one chosen so far: who they are, to be sure. */
      for (guint k = 0; k < N_ROWS; k++)
        {
          g_autofree char *value = side_dup_value (self, &self->sides[s], k);

          if (value != NULL)
            gtk_list_box_append (GTK_LIST_BOX (lists[s]), create_field_row (self, s, k, value, FALSE));
        }
    }
  else if (lists[0] != NULL && lists[1] != NULL)
    {
      guint survivor = survivor_side (self);

      for (guint k = 0; k < N_ROWS; k++)
        {
          g_autofree char *a = side_dup_value (self, &self->sides[0], k);
          g_autofree char *b = side_dup_value (self, &self->sides[1], k);
          g_autoptr(GtkSizeGroup) group = NULL;
          gboolean differs;
          GtkWidget *row_a, *row_b;

          if (a == NULL && b == NULL)
            continue;

          differs = values_differ (k, a, b);
          row_a = create_field_row (self, 0, k, a, differs);
          row_b = create_field_row (self, 1, k, b, differs);
          gtk_list_box_append (GTK_LIST_BOX (lists[0]), row_a);
          gtk_list_box_append (GTK_LIST_BOX (lists[1]), row_b);

          /* Side by side, a field's two rows line up however they wrap. */
          group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
          gtk_size_group_add_widget (group, row_a);
          gtk_size_group_add_widget (group, row_b);

          if (differs)
            {
              RapportMergeField field = row_info[k].field;
              guint pick = survivor;

              n_differ++;
              gtk_check_button_set_group (self->picks[field][1], self->picks[field][0]);
              /* The same two members again: the same pick. */
              if (before[0] == ids[0] && before[1] == ids[1] && kept[field] != 0)
                pick = kept[field] == ids[1] ? 1 : 0;
              gtk_check_button_set_active (self->picks[field][pick], TRUE);
              for (guint s = 0; s < 2; s++)
                g_signal_connect_object (self->picks[field][s], "toggled",
                                         G_CALLBACK (on_pick_toggled_cb), self, 0);
              update_pick_rows (self, field);
            }
        }
    }

  show_summary (self, n_differ);
  gtk_stack_set_visible_child_name (self->compare_stack, "compare");
  update_titles (self);
  _rapport_duplicates_view_update_actions (self);
}

/* The list */

static GtkWidget *
create_pair_row (RapportDuplicate *pair)
{
  const char * const *reasons = rapport_duplicate_get_reasons (pair);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names;
  GtkWidget *confidence;
  GtkWidget *reason;
  g_autofree char *text = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: a pair of members who may be one, "Ana Silva ↔ Ana S. Costa" */
  text = g_strdup_printf (_("%s ↔ %s"), rapport_duplicate_get_name_a (pair),
                          rapport_duplicate_get_name_b (pair));
  names = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (names), 0);
  gtk_label_set_wrap (GTK_LABEL (names), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (names), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (names), 2);
  gtk_label_set_ellipsize (GTK_LABEL (names), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (names, TRUE);

  percent = g_strdup_printf (_("%d%%"), (int) lround (rapport_duplicate_get_confidence (pair) * 100));
  confidence = gtk_label_new (percent);
  gtk_widget_set_valign (confidence, GTK_ALIGN_START);
  gtk_widget_add_css_class (confidence, "numeric");
  gtk_widget_add_css_class (confidence, "duplicate-confidence");

  reason = gtk_label_new (reasons != NULL && reasons[0] != NULL ? reasons[0] : "");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_ellipsize (GTK_LABEL (reason), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "dim-label");
  if (reasons != NULL && reasons[0] != NULL)
    gtk_widget_set_tooltip_text (reason, reasons[0]);

  gtk_box_append (GTK_BOX (top), names);
  gtk_box_append (GTK_BOX (top), confidence);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a pair in the list for screen readers, "Ana Silva and Ana Costa, 97% alike" */
  accessible = g_strdup_printf (_("%s and %s, %s alike"), rapport_duplicate_get_name_a (pair),
                                rapport_duplicate_get_name_b (pair), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static gboolean
same_pair (RapportDuplicate *a,
           RapportDuplicate *b)
{
  return a != NULL && b != NULL &&
         rapport_duplicate_get_id (a) == rapport_duplicate_get_id (b) &&
         rapport_duplicate_get_member_a (a) == rapport_duplicate_get_member_a (b) &&
         rapport_duplicate_get_member_b (a) == rapport_duplicate_get_member_b (b);
}

static gboolean
find_pair (RapportDuplicatesView *self,
           gint64                 pair_id,
           guint                 *index)
{
  for (guint i = 0; self->pairs != NULL && i < self->pairs->len; i++)
    {
      if (rapport_duplicate_get_id (g_ptr_array_index (self->pairs, i)) == pair_id)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

guint
_rapport_duplicates_view_get_index (RapportDuplicatesView *self)
{
  guint index = GTK_INVALID_LIST_POSITION;

  if (self->pair == NULL || !find_pair (self, rapport_duplicate_get_id (self->pair), &index))
    return GTK_INVALID_LIST_POSITION;

  return index;
}

static void
update_stack (RapportDuplicatesView *self)
{
  gboolean empty = (self->pairs == NULL || self->pairs->len == 0) && !self->by_hand;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "pairs");
}

/**
 * _rapport_duplicates_view_select_index:
 * @focus: also move the keyboard focus to the pair's row
 *
 * Shows the pair at @index, leaving "Merge by Hand"; past the end, the last.
 */
void
_rapport_duplicates_view_select_index (RapportDuplicatesView *self,
                                       guint                  index,
                                       gboolean               focus)
{
  GtkListBoxRow *row;

  if (self->pairs == NULL || self->pairs->len == 0)
    {
      g_clear_pointer (&self->pair, rapport_duplicate_free);
      self->by_hand = FALSE;
      _rapport_duplicates_view_show_compare (self);
      update_stack (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
      return;
    }

  index = MIN (index, self->pairs->len - 1);
  row = gtk_list_box_get_row_at_index (self->pairs_list, (int) index);
  /* Through on_pairs_list_row_selected_cb (); the same row again does
   * not emit. */
  if (gtk_list_box_get_selected_row (self->pairs_list) == row && !self->by_hand)
    {
      if (!same_pair (self->pair, g_ptr_array_index (self->pairs, index)))
        {
          g_clear_pointer (&self->pair, rapport_duplicate_free);
          self->pair = rapport_duplicate_copy (g_ptr_array_index (self->pairs, index));
          _rapport_duplicates_view_show_compare (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
        }
    }
  else
    {
      if (gtk_list_box_get_selected_row (self->pairs_list) == row)
        gtk_list_box_unselect_all (self->pairs_list);
      gtk_list_box_select_row (self->pairs_list, row);
    }

  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_pairs_list_row_selected_cb (RapportDuplicatesView *self,
                               GtkListBoxRow         *row,
                               GtkListBox            *list)
{
  int index;

  if (self->reloading || row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (index < 0 || self->pairs == NULL || (guint) index >= self->pairs->len)
    return;

  g_clear_pointer (&self->pair, rapport_duplicate_free);
  self->pair = rapport_duplicate_copy (g_ptr_array_index (self->pairs, index));
  self->by_hand = FALSE;
  _rapport_duplicates_view_show_compare (self);
  update_stack (self);
  /* Back to the pair's fields from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->compare_scroller)),
                            0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
}

static void
on_pairs_list_row_activated_cb (RapportDuplicatesView *self,
                                GtkListBoxRow         *row,
                                GtkListBox            *list)
{
  /* Folded, a tap opens the pair, as in a list of messages. */
  on_pairs_list_row_selected_cb (self, row, list);
  adw_leaflet_set_visible_child (self->leaflet, self->compare_pane);
}

static void
on_back_button_clicked_cb (RapportDuplicatesView *self,
                           GtkButton             *button)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
on_leaflet_folded_changed_cb (RapportDuplicatesView *self,
                              GParamSpec            *pspec,
                              AdwLeaflet            *leaflet)
{
  /* One tap opens a pair when the list is all there is. */
  gtk_list_box_set_activate_on_single_click (self->pairs_list, adw_leaflet_get_folded (leaflet));
}

/**
 * _rapport_duplicates_view_reload:
 *
 * Reads the open pairs again. The pair on show stays if it is still open;
 * otherwise the one that took its place in the queue shows.
 */
void
_rapport_duplicates_view_reload (RapportDuplicatesView *self)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected = self->pair != NULL ? rapport_duplicate_get_id (self->pair) : 0;
  guint old_index = _rapport_duplicates_view_get_index (self);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->pairs_list)) ||
                       gtk_widget_get_focus_child (GTK_WIDGET (self->pairs_list)) != NULL;
  guint index;
  GtkListBoxRow *row = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;

  pairs = rapport_store_list_duplicates (self->store, 0, MAX_PAIRS, &error);
  if (pairs == NULL)
    {
      _rapport_duplicates_view_show_error (self, error->message);
      return;
    }

  self->reloading = TRUE;
  rapport_list_box_remove_rows (self->pairs_list);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  self->pairs = g_steal_pointer (&pairs);
  for (guint i = 0; i < self->pairs->len; i++)
    gtk_list_box_append (self->pairs_list, create_pair_row (g_ptr_array_index (self->pairs, i)));

  if (selected != 0 && find_pair (self, selected, &index))
    {
      row = gtk_list_box_get_row_at_index (self->pairs_list, (int) index);
      gtk_list_box_select_row (self->pairs_list, row);
    }
  self->reloading = FALSE;

  if (row != NULL)
    {
      RapportDuplicate *now = g_ptr_array_index (self->pairs, index);

      /* Still open: the same members, maybe with new details. */
      g_clear_pointer (&self->pair, rapport_duplicate_free);
      self->pair = rapport_duplicate_copy (now);
      _rapport_duplicates_view_show_compare (self);
    }
  else if (self->by_hand)
    {
      /* Not under the feet of someone searching for the other member. */
      if (self->sides[0].member != NULL && self->sides[1].member != NULL)
        _rapport_duplicates_view_show_compare (self);
    }
  else if (self->next_pair_id != 0 && find_pair (self, self->next_pair_id, &index))
    _rapport_duplicates_view_select_index (self, index, FALSE);
  else
    _rapport_duplicates_view_select_index (self, old_index != GTK_INVALID_LIST_POSITION ? old_index : 0,
                                           FALSE);
  self->next_pair_id = 0;

  if (had_focus && gtk_list_box_get_selected_row (self->pairs_list) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->pairs_list)));

  update_titles (self);
  update_stack (self);
  _rapport_duplicates_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PAIRS]);
}

static gboolean
reload_cb (gpointer user_data)
{
  RapportDuplicatesView *self = user_data;

  self->reload_source = 0;
  _rapport_duplicates_view_reload (self);
  return G_SOURCE_REMOVE;
}

void
_rapport_duplicates_view_queue_reload (RapportDuplicatesView *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static void
on_store_changed_cb (RapportStore          *store,
                     const char            *table,
                     gint64                 row_id,
                     int                    kind,
                     RapportDuplicatesView *self)
{
  static const char * const tables[] = {
    "merge_suggestions", "members", "emails", "identities", "notes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_strcmp0 (table, tables[i]) == 0)
        {
          _rapport_duplicates_view_queue_reload (self);
          return;
        }
    }
}

/* Layout */

static void
rapport_duplicates_view_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rapport_duplicates_view_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);

  /* AdwBreakpoint is newer than libadwaita 1.2: the compare pane's width
   * follows from the view's alone (the leaflet folds at FOLD_WIDTH), so the
   * choice never feeds back into itself. */
  if (self->width != width)
    {
      int pane = width >= FOLD_WIDTH ? width - SIDEBAR_WIDTH - 1 : width;
      gboolean stacked = pane < STACK_BELOW;

      self->width = width;
      if (self->stacked != stacked)
        {
          self->stacked = stacked;
          gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns_box), stacked
                                          ? GTK_ORIENTATION_VERTICAL
                                          : GTK_ORIENTATION_HORIZONTAL);
          gtk_box_set_homogeneous (self->columns_box, !stacked);
          gtk_box_set_spacing (self->columns_box, stacked ? 30 : 18);
        }
    }

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
}

/* GObject */

static void
rapport_duplicates_view_dispose (GObject *object)
{
  RapportDuplicatesView *self = (RapportDuplicatesView *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_weak_pointer (&self->last_toast);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_DUPLICATES_VIEW);

  for (guint s = 0; s < 2; s++)
    side_clear (&self->sides[s]);
  g_clear_pointer (&self->pair, rapport_duplicate_free);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_duplicates_view_parent_class)->dispose (object);
}

static void
rapport_duplicates_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_N_PAIRS:
      g_value_set_uint (value, rapport_duplicates_view_get_n_pairs (self));
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, rapport_duplicates_view_get_selected_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_duplicates_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_duplicates_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_duplicates_view_class_init (RapportDuplicatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_duplicates_view_dispose;
  object_class->get_property = rapport_duplicates_view_get_property;
  object_class->set_property = rapport_duplicates_view_set_property;

  widget_class->measure = rapport_duplicates_view_measure;
  widget_class->size_allocate = rapport_duplicates_view_size_allocate;

  /* The open community, whose pairs the view shows. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_PAIRS] =
    g_param_spec_uint ("n-pairs", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-duplicates-view.ui");
  gtk_widget_class_set_css_name (widget_class, "duplicatesview");

  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, compare_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, pairs_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, by_hand_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, compare_pane);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, compare_title);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, compare_scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, confidence_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, footnote_label);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, reject_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, skip_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDuplicatesView, merge_button);

  gtk_widget_class_bind_template_callback (widget_class, on_pairs_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pairs_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);

  _rapport_duplicates_view_class_init_actions (widget_class);
}

static void
rapport_duplicates_view_init (RapportDuplicatesView *self)
{
  rapport_member_ensure_resources ();
  _rapport_duplicates_ensure_style ();

  gtk_widget_init_template (GTK_WIDGET (self));

  _rapport_duplicates_view_init_shortcuts (self);
  _rapport_duplicates_view_update_actions (self);
}

GtkWidget *
rapport_duplicates_view_new (RapportContext *context)
{
  g_return_val_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_DUPLICATES_VIEW, "context", context, NULL);
}

/**
 * rapport_duplicates_view_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_duplicates_view_get_context (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), NULL);

  return self->context;
}

/**
 * rapport_duplicates_view_set_context:
 * @context: the open community
 *
 * Shows the pairs of @context's store, and follows them. Set once.
 */
void
rapport_duplicates_view_set_context (RapportDuplicatesView *self,
                                     RapportContext        *context)
{
  g_return_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL || self->context == context);

  if (context == NULL || self->context == context)
    return;

  self->context = g_object_ref (context);
  self->store = g_object_ref (rapport_context_get_store (context));
  g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);

  _rapport_duplicates_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

/**
 * rapport_duplicates_view_get_n_pairs:
 *
 * Returns: how many pairs the queue shows
 */
guint
rapport_duplicates_view_get_n_pairs (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), 0);

  return self->pairs != NULL ? self->pairs->len : 0;
}

/**
 * rapport_duplicates_view_get_selected_id:
 *
 * Returns: the suggestion on show, or 0 (none, or by hand)
 */
gint64
rapport_duplicates_view_get_selected_id (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), 0);

  return self->pair != NULL ? rapport_duplicate_get_id (self->pair) : 0;
}

void
rapport_duplicates_view_select_pair (RapportDuplicatesView *self,
                                     gint64                 pair_id)
{
  guint index;

  g_return_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self));

  if (find_pair (self, pair_id, &index))
    _rapport_duplicates_view_select_index (self, index, FALSE);
}

gint64
rapport_duplicates_view_get_member_a (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), 0);

  return self->sides[0].id;
}

gint64
rapport_duplicates_view_get_member_b (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), 0);

  return self->sides[1].id;
}

/**
 * rapport_duplicates_view_get_survivor_id:
 *
 * Returns: the member whose record a merge keeps (the one with the more
 *   activity), or 0 while two members are not on show
 */
gint64
rapport_duplicates_view_get_survivor_id (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), 0);

  if (self->sides[0].member == NULL || self->sides[1].member == NULL)
    return 0;

  return self->sides[survivor_side (self)].id;
}

/**
 * rapport_duplicates_view_get_pick:
 *
 * Returns: the member whose value of @field a merge keeps, or 0 when the
 *   two do not differ there
 */
gint64
rapport_duplicates_view_get_pick (RapportDuplicatesView *self,
                                  RapportMergeField      field)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), 0);
  g_return_val_if_fail (field < RAPPORT_MERGE_N_FIELDS, 0);

  for (guint s = 0; s < 2; s++)
    {
      if (self->picks[field][s] != NULL && gtk_check_button_get_active (self->picks[field][s]))
        return self->sides[s].id;
    }

  return 0;
}

/**
 * rapport_duplicates_view_set_pick:
 *
 * Chooses @member_id's value of @field, as a click on its row does.
 *
 * Returns: whether @field differs and @member_id is one of the two
 */
gboolean
rapport_duplicates_view_set_pick (RapportDuplicatesView *self,
                                  RapportMergeField      field,
                                  gint64                 member_id)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), FALSE);
  g_return_val_if_fail (field < RAPPORT_MERGE_N_FIELDS, FALSE);

  for (guint s = 0; s < 2; s++)
    {
      if (self->picks[field][s] != NULL && self->sides[s].id == member_id)
        {
          gtk_check_button_set_active (self->picks[field][s], TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
rapport_duplicates_view_get_by_hand (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), FALSE);

  return self->by_hand;
}

/**
 * rapport_duplicates_view_merge_by_hand:
 * @member_a: one of the two, or 0 to choose by search
 * @member_b: the other, or 0 to choose by search
 *
 * Compares two members the engine did not pair, to merge them all the same.
 */
void
rapport_duplicates_view_merge_by_hand (RapportDuplicatesView *self,
                                       gint64                 member_a,
                                       gint64                 member_b)
{
  g_return_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self));

  if (member_a == member_b)
    member_b = 0;

  self->reloading = TRUE;
  gtk_list_box_unselect_all (self->pairs_list);
  self->reloading = FALSE;

  g_clear_pointer (&self->pair, rapport_duplicate_free);
  self->by_hand = TRUE;
  self->sides[0].id = member_a;
  self->sides[1].id = member_b;
  _rapport_duplicates_view_show_compare (self);
  update_stack (self);
  adw_leaflet_set_visible_child (self->leaflet, self->compare_pane);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
}

/**
 * rapport_duplicates_view_set_start_member:
 *
 * Who "Merge by Hand" starts with, when asked without anyone: the member
 * selected in Members when the page opened.
 */
void
rapport_duplicates_view_set_start_member (RapportDuplicatesView *self,
                                          gint64                 member_id)
{
  g_return_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self));

  self->start_member_id = MAX (member_id, 0);
}

/**
 * rapport_duplicates_view_get_stacked:
 *
 * Returns: whether the compare pane shows one member above the other
 */
gboolean
rapport_duplicates_view_get_stacked (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), FALSE);

  return self->stacked;
}
