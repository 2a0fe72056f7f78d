/* rapport-advocates-view-suggestions.c
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

#define G_LOG_DOMAIN "rapport-advocates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-advocates-view-private.h"
#include "rapport-util.h"

/* Changes come in bursts (an import, a sync): ask for suggestions once
 * the burst is over. */
#define SUGGESTIONS_DELAY_MS 800

/* Suggestions */

void
_rapport_advocates_view_update_suggestions_button (RapportAdvocatesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  g_autofree char *count = rapport_format_count (n);
  g_autofree char *label = NULL;

  if (!self->suggestions_loaded)
    label = g_strdup (_("Suggestions"));
  else
    /* Translators: the toggle that shows the suggestions panel */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Suggestion", "%s Suggestions", n), count);

  gtk_label_set_label (self->suggestions_label, label);
  gtk_label_set_label (self->suggestions_short_label, self->suggestions_loaded ? count : "…");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (self->suggestions_loaded && n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->suggestions_button), "has-suggestions");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->suggestions_button), "has-suggestions");

  if (!self->suggestions_loaded)
    gtk_stack_set_visible_child_name (self->suggestions_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->suggestions_stack, n > 0 ? "list" : "empty");
}

static void
list_suggestions_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RapportAdvocatesView) self = user_data;
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  suggestions = rapport_pipeline_list_suggestions_finish (RAPPORT_PIPELINE (object), result, &error);
  if (suggestions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not list suggestions: %s"), error->message);

          _rapport_advocates_view_show_error_toast (self, message);
        }
      return;
    }

  if (RAPPORT_PIPELINE (object) != self->pipeline)
    return;

  n = g_list_model_get_n_items (suggestions);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (suggestions, i));

  g_list_store_splice (self->suggestions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)),
                       items->pdata, items->len);
  self->suggestions_loaded = TRUE;
  _rapport_advocates_view_update_suggestions_button (self);
}

/**
 * rapport_advocates_view_reload_suggestions:
 *
 * Asks the pipeline for suggestions again, in a worker thread.
 */
void
rapport_advocates_view_reload_suggestions (RapportAdvocatesView *self)
{
  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));

  /* The answer fills the panel's widgets. */
  _rapport_advocates_view_ensure_template (self);
  g_clear_handle_id (&self->suggestions_source, g_source_remove);
  if (self->pipeline == NULL)
    return;

  g_cancellable_cancel (self->suggestions_cancellable);
  g_clear_object (&self->suggestions_cancellable);
  self->suggestions_cancellable = g_cancellable_new ();

  rapport_pipeline_list_suggestions_async (self->pipeline, self->suggestions_cancellable,
                                           list_suggestions_cb, g_object_ref (self));
}

static gboolean
suggestions_timeout_cb (gpointer user_data)
{
  RapportAdvocatesView *self = user_data;

  self->suggestions_source = 0;
  rapport_advocates_view_reload_suggestions (self);
  return G_SOURCE_REMOVE;
}

void
_rapport_advocates_view_schedule_suggestions (RapportAdvocatesView *self)
{
  if (!self->built || self->suggestions_source != 0)
    return;

  self->suggestions_source = g_timeout_add (SUGGESTIONS_DELAY_MS, suggestions_timeout_cb, self);
}

static gboolean
remove_suggestion (RapportAdvocatesView *self,
                   RapportSuggestion    *suggestion)
{
  guint position;

  if (!g_list_store_find (self->suggestions, suggestion, &position))
    return FALSE;

  g_list_store_remove (self->suggestions, position);
  _rapport_advocates_view_update_suggestions_button (self);
  return TRUE;
}

/* Returns: (transfer full) (nullable) */
RapportSuggestion *
_rapport_advocates_view_find_suggestion (RapportAdvocatesView *self,
                                         GVariant             *parameter)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  gint64 member_id;
  int kind;

  g_variant_get (parameter, "(xi)", &member_id, &kind);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->suggestions), i);

      if (rapport_suggestion_get_member_id (suggestion) == member_id &&
          (int) rapport_suggestion_get_kind (suggestion) == kind)
        return g_steal_pointer (&suggestion);
    }

  return NULL;
}

static void
on_suggestion_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        RapportAdvocatesView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));
  GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));

  gtk_widget_add_css_class (box, "suggestion-row");
  gtk_widget_add_css_class (icon, "suggestion-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");

  gtk_label_set_xalign (GTK_LABEL (kind), 1);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");

  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), kind);

  /* At most two lines on a narrow panel: the whole reason is in the
   * tooltip. */
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (reason), 2);
  gtk_label_set_ellipsize (GTK_LABEL (reason), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "dim-label");

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 4);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (buttons), accept);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), buttons);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "kind", kind);
  g_object_set_data (G_OBJECT (box), "reason", reason);
  g_object_set_data (G_OBJECT (box), "accept", accept);
  g_object_set_data (G_OBJECT (box), "dismiss", dismiss);

  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
on_suggestion_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       RapportAdvocatesView     *self)
{
  RapportSuggestion *suggestion = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *accept = g_object_get_data (G_OBJECT (box), "accept");
  GtkWidget *dismiss = g_object_get_data (G_OBJECT (box), "dismiss");
  GVariant *target;
  g_autofree char *kind_label = NULL;
  g_autofree char *accept_tooltip = NULL;
  gboolean promotion = rapport_suggestion_get_kind (suggestion) == RAPPORT_SUGGESTION_PROMOTION;

  if (promotion)
    {
      /* Translators: a promotion suggestion; %s is a stage */
      kind_label = g_strdup_printf (_("Ready for %s"), rapport_suggestion_get_target_stage (suggestion));
      /* Translators: the Accept button's tooltip; %s is a stage */
      accept_tooltip = g_strdup_printf (_("Move to %s"), rapport_suggestion_get_target_stage (suggestion));
    }
  else
    {
      kind_label = g_strdup (_("Cooling off"));
      accept_tooltip = g_strdup (_("Add a follow-up to check in"));
    }

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "icon"),
                                promotion ? "go-up-symbolic" : "go-down-symbolic");
  gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "icon"),
                               promotion ? "trend-down" : "trend-up");
  gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "icon"),
                            promotion ? "trend-up" : "trend-down");
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "name"),
                       rapport_suggestion_get_member_name (suggestion));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "kind"), kind_label);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "reason"),
                       rapport_suggestion_get_reason (suggestion));
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "reason"),
                               rapport_suggestion_get_reason (suggestion));
  gtk_widget_set_tooltip_text (accept, accept_tooltip);

  target = g_variant_ref_sink (g_variant_new ("(xi)", rapport_suggestion_get_member_id (suggestion),
                                              (int) rapport_suggestion_get_kind (suggestion)));
  /* The target first: an action with a "(xi)" parameter refuses a button
   * without one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (accept), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (dismiss), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "board.accept-suggestion");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "board.dismiss-suggestion");
  g_variant_unref (target);
}

void
_rapport_advocates_view_init_suggestions (RapportAdvocatesView *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_suggestion_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_suggestion_bind_cb), self);
  gtk_list_view_set_factory (self->suggestions_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->suggestions)));
  gtk_list_view_set_model (self->suggestions_view, GTK_SELECTION_MODEL (selection));
}

/* Public */

/**
 * rapport_advocates_view_get_suggestions:
 *
 * Returns: (transfer none): the #RapportSuggestion list the panel shows
 */
GListModel *
rapport_advocates_view_get_suggestions (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), NULL);

  return G_LIST_MODEL (self->suggestions);
}

gboolean
rapport_advocates_view_get_suggestions_loaded (RapportAdvocatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), FALSE);

  return self->suggestions_loaded;
}

/**
 * rapport_advocates_view_accept_suggestion:
 *
 * A promotion moves the member (with a toast and Undo); cooling off adds
 * a follow-up to check in with them. Either way the suggestion leaves the
 * panel.
 */
gboolean
rapport_advocates_view_accept_suggestion (RapportAdvocatesView  *self,
                                          RapportSuggestion     *suggestion,
                                          GError               **error)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 journal_id = 0;

  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (suggestion), FALSE);
  g_return_val_if_fail (self->pipeline != NULL, FALSE);

  if (!rapport_pipeline_accept_suggestion (self->pipeline, suggestion, &journal_id, error))
    return FALSE;

  remove_suggestion (self, suggestion);

  name = g_markup_escape_text (rapport_suggestion_get_member_name (suggestion), -1);
  if (journal_id != 0)
    {
      title = g_strdup_printf (_("Moved “%s” to %s"), rapport_suggestion_get_member_name (suggestion),
                               rapport_suggestion_get_target_stage (suggestion));
      _rapport_advocates_view_show_undo_toast (self, title, journal_id);
    }
  else
    {
      /* Translators: a toast after accepting a cooling-off suggestion */
      title = g_strdup_printf (_("Added a follow-up to check in with “%s”"), name);
      _rapport_advocates_view_show_toast (self, adw_toast_new (title));
    }

  return TRUE;
}

/**
 * rapport_advocates_view_dismiss_suggestion:
 *
 * Takes the suggestion off the panel until the facts behind it change.
 */
gboolean
rapport_advocates_view_dismiss_suggestion (RapportAdvocatesView  *self,
                                           RapportSuggestion     *suggestion,
                                           GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION (suggestion), FALSE);
  g_return_val_if_fail (self->pipeline != NULL, FALSE);

  if (!rapport_pipeline_dismiss_suggestion (self->pipeline, suggestion, error))
    return FALSE;

  remove_suggestion (self, suggestion);
  return TRUE;
}

void
rapport_advocates_view_set_show_suggestions (RapportAdvocatesView *self,
                                             gboolean              show)
{
  g_return_if_fail (RAPPORT_IS_ADVOCATES_VIEW (self));

  _rapport_advocates_view_ensure_template (self);
  gtk_toggle_button_set_active (self->suggestions_button, show);
}
