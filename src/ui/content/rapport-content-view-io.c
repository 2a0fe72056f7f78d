/* rapport-content-view-io.c
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

#define G_LOG_DOMAIN "rapport-content-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-content-ical.h"
#include "rapport-content-store.h"
#include "rapport-content-view-private.h"

/* ICS files */

static GPtrArray *
items_to_export (RapportContentView  *self,
                 GError             **error)
{
  g_autoptr(GPtrArray) all = rapport_content_list_items (self->store, error);
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) masters = NULL;

  if (all == NULL || !_rapport_content_view_filters_active (self))
    return g_steal_pointer (&all);

  /* The filter picks series as a whole; their edited occurrences follow
   * (masters come first in the list). */
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  masters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      RapportContentItem *item = g_ptr_array_index (all, i);
      gint64 series_id = rapport_content_item_get_series_id (item);
      g_autoptr(RapportContentOccurrence) probe = rapport_content_occurrence_new (item, rapport_content_item_get_publish_at (item), 0);

      if (series_id > 0 ? g_hash_table_contains (masters, &series_id)
                        : _rapport_content_view_filter_func (probe, self))
        {
          g_ptr_array_add (chosen, g_object_ref (item));
          if (rapport_content_item_get_rrule (item) != NULL)
            {
              gint64 *id = g_new (gint64, 1);

              *id = rapport_content_item_get_id (item);
              g_hash_table_add (masters, id);
            }
        }
    }

  return g_steal_pointer (&chosen);
}

/**
 * rapport_content_view_export_ics:
 * @file: where to write
 *
 * Writes the items the filters show (all of them without filters) to
 * @file as iCalendar, and says how it went in a toast or an error dialog:
 * what the Export file chooser does with the file picked.
 *
 * Returns: whether the file was written
 */
gboolean
rapport_content_view_export_ics (RapportContentView *self,
                                 GFile              *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* Translators: %s is the address of a file that is not on this computer */
      text = g_strdup_printf (_("%s is not a local file."), uri);
      _rapport_content_view_show_error (self, _("Could Not Export the Calendar"), text);
      return FALSE;
    }

  items = items_to_export (self, &error);
  if (items == NULL || !rapport_content_export_file (self->store, items, path, &error))
    {
      _rapport_content_view_show_error (self, _("Could Not Export the Calendar"), error->message);
      return FALSE;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u item to %s",
                                       "Exported %u items to %s", items->len),
                          items->len, name);
  _rapport_content_view_show_toast (self, adw_toast_new (text));
  return TRUE;
}

/**
 * rapport_content_view_import_ics:
 * @file: an iCalendar file
 *
 * Adds the events of @file to the content calendar (an event already
 * there by UID is updated), and says how it went in a toast or an error
 * dialog: what the Import file chooser does with the file picked.
 *
 * Returns: whether the file was imported
 */
gboolean
rapport_content_view_import_ics (RapportContentView *self,
                                 GFile              *file)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = 0;

  g_return_val_if_fail (RAPPORT_IS_CONTENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      text = g_strdup_printf (_("%s is not a local file."), uri);
      _rapport_content_view_show_error (self, _("Could Not Import the Calendar"), text);
      return FALSE;
    }

  if (!rapport_content_import_file (self->store, path, &n_items, &error))
    {
      _rapport_content_view_show_error (self, _("Could Not Import the Calendar"), error->message);
      return FALSE;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u item", "Imported %u items", n_items), n_items);
  _rapport_content_view_show_toast (self, adw_toast_new (text));
  return TRUE;
}

static void
on_file_chooser_response_cb (GtkNativeDialog    *dialog,
                             int                 response,
                             RapportContentView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    {
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        rapport_content_view_export_ics (self, file);
      else
        rapport_content_view_import_ics (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

void
_rapport_content_view_run_file_chooser (RapportContentView   *self,
                                        GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  if (self->file_chooser != NULL || self->store == NULL)
    return;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      chooser = gtk_file_chooser_native_new (_("Export Content Calendar"),
                                             _rapport_content_view_get_window (self), action,
                                             _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("content-calendar.ics"));
      g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
    }
  else
    {
      chooser = gtk_file_chooser_native_new (_("Import Content Calendar"),
                                             _rapport_content_view_get_window (self), action,
                                             _("_Import"), _("_Cancel"));
      g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
    }

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}
