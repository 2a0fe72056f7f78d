/* rapport-column-mapping-dialog.c
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

#define G_LOG_DOMAIN "rapport-column-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-column-mapping-dialog.h"

/* Asks what each column of an RSVP file means when its header is not an
 * export Rapport knows: one row per field, each offering the file's
 * columns. It starts from a guess by the column names. */

struct _RapportColumnMappingDialog
{
  AdwWindow     parent_instance;

  GFile        *file;
  GStrv         header;
  AdwComboRow  *rows[RAPPORT_EVENT_N_FIELDS];
  GtkLabel     *hint_label;
};

G_DEFINE_FINAL_TYPE (RapportColumnMappingDialog, rapport_column_mapping_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Fields in the order they pick among the columns: the more specific
 * names first, so "First name" goes to the first name, not the name. */
static const struct
{
  RapportEventField  field;
  const char        *words[8];
} guesses[] = {
  { RAPPORT_EVENT_FIELD_EMAIL, { "mail", NULL } },
  { RAPPORT_EVENT_FIELD_FIRST_NAME, { "first", "given", "vorname", "prénom", NULL } },
  { RAPPORT_EVENT_FIELD_LAST_NAME, { "last", "surname", "family", "nachname", NULL } },
  { RAPPORT_EVENT_FIELD_GUESTS, { "guest", NULL } },
  { RAPPORT_EVENT_FIELD_CHECKED_IN_AT, { "check", "join", "arrived", NULL } },
  { RAPPORT_EVENT_FIELD_ORGANIZATION, { "company", "organi", "employer", NULL } },
  { RAPPORT_EVENT_FIELD_NAME, { "name", NULL } },
  { RAPPORT_EVENT_FIELD_RESPONDED_AT, { "date", "time", "signed", "registered", "created", "when", NULL } },
  { RAPPORT_EVENT_FIELD_STATUS, { "status", "rsvp", "attend", "coming", "response", "answer", "going", NULL } },
  { RAPPORT_EVENT_FIELD_PARTY_SIZE, { "ticket", "quantity", "party", "people", "seats", "size", NULL } },
  { RAPPORT_EVENT_FIELD_EXTERNAL_ID, { "order", "number", "reference", "id", NULL } },
};

static gboolean
column_matches (const char         *column,
                const char * const *words)
{
  g_autofree char *folded = g_utf8_casefold (column, -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "id"))
        {
          /* "id" only as a word: "Order id", "user_id", "ID". */
          if (g_str_equal (folded, "id") || g_str_has_suffix (folded, " id") || g_str_has_suffix (folded, "_id"))
            return TRUE;
        }
      else if (strstr (folded, words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
guess (RapportColumnMappingDialog *self)
{
  guint n = g_strv_length (self->header);
  g_autofree gboolean *taken = g_new0 (gboolean, n);

  for (guint g = 0; g < G_N_ELEMENTS (guesses); g++)
    {
      for (guint c = 0; c < n; c++)
        {
          if (!taken[c] && column_matches (self->header[c], guesses[g].words))
            {
              taken[c] = TRUE;
              adw_combo_row_set_selected (self->rows[guesses[g].field], c + 1);
              break;
            }
        }
    }
}

gboolean
rapport_column_mapping_dialog_get_can_import (RapportColumnMappingDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_COLUMN_MAPPING_DIALOG (self), FALSE);

  /* The importer tells people apart by email or by the platform's id. */
  return rapport_column_mapping_dialog_get_column (self, RAPPORT_EVENT_FIELD_EMAIL) != NULL ||
         rapport_column_mapping_dialog_get_column (self, RAPPORT_EVENT_FIELD_EXTERNAL_ID) != NULL;
}

static void
on_row_selected_cb (RapportColumnMappingDialog *self,
                    GParamSpec                 *pspec,
                    AdwComboRow                *row)
{
  gboolean can_import = rapport_column_mapping_dialog_get_can_import (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import", can_import);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !can_import);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportColumnMappingDialog *self = RAPPORT_COLUMN_MAPPING_DIALOG (widget);

  if (rapport_column_mapping_dialog_get_can_import (self))
    g_signal_emit (self, signals [IMPORT], 0);
}

static void
rapport_column_mapping_dialog_dispose (GObject *object)
{
  RapportColumnMappingDialog *self = RAPPORT_COLUMN_MAPPING_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_strfreev);

  G_OBJECT_CLASS (rapport_column_mapping_dialog_parent_class)->dispose (object);
}

static void
rapport_column_mapping_dialog_class_init (RapportColumnMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_column_mapping_dialog_dispose;

  /**
   * RapportColumnMappingDialog::import:
   *
   * The columns are chosen; read them with
   * rapport_column_mapping_dialog_get_mapping().
   */
  signals [IMPORT] =
    g_signal_new ("import",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "mapping.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_column_mapping_dialog_init (RapportColumnMappingDialog *self)
{
}

static GtkWidget *
build (RapportColumnMappingDialog *self)
{
  g_autofree char *file_name = g_file_get_basename (self->file);
  g_autofree char *description = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *hint;

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "mapping.import");
  gtk_widget_add_css_class (import, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), import);
  gtk_box_append (GTK_BOX (box), header_bar);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), file_name);
  description = g_strdup (_("This file is not an Eventbrite, Meetup or Zoom export. Choose which column "
                            "holds what; leave the rest at “Not in the file”."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  gtk_string_list_append (choices, _("Not in the file"));
  for (guint i = 0; self->header[i] != NULL; i++)
    gtk_string_list_append (choices, self->header[i]);

  for (guint f = 0; f < RAPPORT_EVENT_N_FIELDS; f++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_event_field_get_label (f));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      if (f == RAPPORT_EVENT_FIELD_NAME)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Or a first and a last name"));
      else if (f == RAPPORT_EVENT_FIELD_EMAIL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Finds the member; needed unless there is an id"));
      else if (f == RAPPORT_EVENT_FIELD_PARTY_SIZE)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("People in the row, guests included"));
      self->rows[f] = ADW_COMBO_ROW (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  hint = gtk_label_new (_("Choose the email column, or an id column, so people can be told apart."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_set_margin_top (hint, 12);
  self->hint_label = GTK_LABEL (hint);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), hint);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  return box;
}

/**
 * rapport_column_mapping_dialog_new:
 * @file: the file to import
 * @header: its column names
 *
 * Returns: (transfer full): a modal dialog over @parent
 */
GtkWidget *
rapport_column_mapping_dialog_new (GtkWindow          *parent,
                                   GFile              *file,
                                   const char * const *header)
{
  RapportColumnMappingDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (header != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_COLUMN_MAPPING_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Choose Columns"),
                       "default-width", 520,
                       "default-height", 680,
                       "width-request", 360,
                       "height-request", 294,
                       NULL);
  self->file = g_object_ref (file);
  self->header = g_strdupv ((char **) header);

  adw_window_set_content (ADW_WINDOW (self), build (self));
  guess (self);

  for (guint f = 0; f < RAPPORT_EVENT_N_FIELDS; f++)
    g_signal_connect_object (self->rows[f], "notify::selected", G_CALLBACK (on_row_selected_cb), self,
                             G_CONNECT_SWAPPED);
  on_row_selected_cb (self, NULL, NULL);

  return GTK_WIDGET (self);
}

/**
 * rapport_column_mapping_dialog_get_file:
 *
 * Returns: (transfer none): the file to import
 */
GFile *
rapport_column_mapping_dialog_get_file (RapportColumnMappingDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_COLUMN_MAPPING_DIALOG (self), NULL);

  return self->file;
}

/**
 * rapport_column_mapping_dialog_get_column:
 *
 * Returns: (nullable): the column chosen for @field, or %NULL
 */
const char *
rapport_column_mapping_dialog_get_column (RapportColumnMappingDialog *self,
                                          RapportEventField           field)
{
  guint selected;

  g_return_val_if_fail (RAPPORT_IS_COLUMN_MAPPING_DIALOG (self), NULL);
  g_return_val_if_fail (field < RAPPORT_EVENT_N_FIELDS, NULL);

  selected = adw_combo_row_get_selected (self->rows[field]);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > g_strv_length (self->header))
    return NULL;

  return self->header[selected - 1];
}

/**
 * rapport_column_mapping_dialog_set_column:
 * @column: (nullable): a column of the file, or %NULL for none
 *
 * Chooses a column for @field, as its row does.
 *
 * Returns: whether the file has that column
 */
gboolean
rapport_column_mapping_dialog_set_column (RapportColumnMappingDialog *self,
                                          RapportEventField           field,
                                          const char                 *column)
{
  g_return_val_if_fail (RAPPORT_IS_COLUMN_MAPPING_DIALOG (self), FALSE);
  g_return_val_if_fail (field < RAPPORT_EVENT_N_FIELDS, FALSE);

  if (column == NULL)
    {
      adw_combo_row_set_selected (self->rows[field], 0);
      return TRUE;
    }

  for (guint i = 0; self->header[i] != NULL; i++)
    {
      if (g_str_equal (self->header[i], column))
        {
          adw_combo_row_set_selected (self->rows[field], i + 1);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rapport_column_mapping_dialog_get_mapping:
 * @mapping: (out caller-allocates): filled with the chosen columns; the
 *   strings belong to the dialog
 */
void
rapport_column_mapping_dialog_get_mapping (RapportColumnMappingDialog *self,
                                           RapportEventMapping        *mapping)
{
  g_return_if_fail (RAPPORT_IS_COLUMN_MAPPING_DIALOG (self));
  g_return_if_fail (mapping != NULL);

  mapping->source = "manual";
  for (guint f = 0; f < RAPPORT_EVENT_N_FIELDS; f++)
    mapping->columns[f] = rapport_column_mapping_dialog_get_column (self, f);
}
