/* rapport-duplicates-view-actions.c
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

#include "rapport-context.h"
#include "rapport-duplicates.h"
#include "rapport-duplicates-view-private.h"
#include "rapport-member.h"
#include "rapport-member-util.h"
#include "rapport-merge.h"
#include "rapport-store.h"
#include "rapport-toast.h"
#include "rapport-undo-toast.h"
#include "rapport-util.h"

/* What the Duplicates page does: merge, keep apart, skip and move along
 * the queue (buttons and the M, N, S, Up and Down keys), rescan, undo a
 * merge, choose two members by hand; and the pieces outside it: the count
 * badge on the Members page and the window the page opens in. */

#define SEARCH_RESULTS 8

void
_rapport_duplicates_view_add_toast (RapportDuplicatesView *self,
                                    AdwToast              *toast)
{
  AdwToastOverlay *overlay = self->toast_overlay;

  /* Over the pair on show, clear of its buttons; over the whole page when
   * that is the list (folded) or the empty state. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "pairs") == 0 &&
      (!adw_leaflet_get_folded (self->leaflet) ||
       adw_leaflet_get_visible_child (self->leaflet) == self->compare_pane))
    overlay = self->compare_overlay;

  g_set_weak_pointer (&self->last_toast, toast);
  rapport_widget_add_toast (GTK_WIDGET (overlay), toast);
}

void
_rapport_duplicates_view_show_error (RapportDuplicatesView *self,
                                     const char            *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  _rapport_duplicates_view_add_toast (self, adw_toast_new (escaped));
}

/**
 * rapport_duplicates_view_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the page's latest toast while it
 *   shows
 */
AdwToast *
rapport_duplicates_view_get_last_toast (RapportDuplicatesView *self)
{
  g_return_val_if_fail (RAPPORT_IS_DUPLICATES_VIEW (self), NULL);

  return self->last_toast;
}

static guint
n_pairs (RapportDuplicatesView *self)
{
  return self->pairs != NULL ? self->pairs->len : 0;
}

static gboolean
has_both (RapportDuplicatesView *self)
{
  return self->sides[0].member != NULL && self->sides[1].member != NULL;
}

void
_rapport_duplicates_view_update_actions (RapportDuplicatesView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean pair = self->pair != NULL && !self->by_hand;

  gtk_widget_action_set_enabled (widget, "duplicates.merge", has_both (self));
  gtk_widget_action_set_enabled (widget, "duplicates.reject", pair);
  gtk_widget_action_set_enabled (widget, "duplicates.skip", pair && n_pairs (self) > 1);
  gtk_widget_action_set_enabled (widget, "duplicates.next", !self->by_hand && n_pairs (self) > 0);
  gtk_widget_action_set_enabled (widget, "duplicates.previous", !self->by_hand && n_pairs (self) > 0);
  gtk_widget_action_set_enabled (widget, "duplicates.rescan", self->store != NULL && !self->rescanning);
  gtk_widget_action_set_enabled (widget, "duplicates.merge-by-hand", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "duplicates.cancel-by-hand", self->by_hand);

  gtk_widget_set_visible (self->reject_button, !self->by_hand);
  gtk_widget_set_visible (self->skip_button, !self->by_hand);
  gtk_widget_set_visible (self->cancel_button, self->by_hand);
}

/* The pair after the one on show, to show once it is decided. */
static gint64
next_pair_id (RapportDuplicatesView *self)
{
  guint index = _rapport_duplicates_view_get_index (self);

  if (index == GTK_INVALID_LIST_POSITION || index + 1 >= n_pairs (self))
    return 0;

  return rapport_duplicate_get_id (g_ptr_array_index (self->pairs, index + 1));
}

static gboolean
focus_in_list (RapportDuplicatesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Nowhere (its row went with a decision) counts as the list. */
  return focus == NULL || focus == GTK_WIDGET (root) ||
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pairs_list));
}

/* Merge */

static char *
dup_merge_title (RapportDuplicatesView *self,
                 guint                  survivor)
{
  RapportMember *kept = self->sides[survivor].member;
  RapportMember *other = self->sides[1 - survivor].member;
  gint64 name_from = rapport_duplicates_view_get_pick (self, RAPPORT_MERGE_FIELD_NAME);
  const char *into = rapport_member_get_name (kept);
  const char *from = rapport_member_get_name (other);

  if (name_from == rapport_member_get_id (other))
    {
      from = rapport_member_get_name (kept);
      into = rapport_member_get_name (other);
    }

  if (g_strcmp0 (from, into) == 0)
    /* Translators: a toast after merging two members of the same name */
    return g_strdup_printf (_("Merged the two “%s”"), into);

  /* Translators: a toast after a merge, "Merged Ana S. Costa into Ana Silva" */
  return g_strdup_printf (_("Merged %s into %s"), from, into);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RapportMergeChoices choices;
  gint64 journal_id = 0;
  gint64 other_id;
  guint survivor;

  if (!has_both (self))
    return;

  survivor = rapport_duplicates_view_get_survivor_id (self) == self->sides[1].id ? 1 : 0;
  other_id = self->sides[1 - survivor].id;

  rapport_merge_choices_init (&choices);
  for (guint f = 0; f < RAPPORT_MERGE_N_FIELDS; f++)
    {
      gint64 pick = rapport_duplicates_view_get_pick (self, f);

      if (pick != 0)
        rapport_merge_choices_set (&choices, f, pick);
    }

  title = dup_merge_title (self, survivor);
  self->next_pair_id = next_pair_id (self);

  if (!rapport_store_merge_members (self->store, self->sides[survivor].id, &other_id, 1,
                                    &choices, &journal_id, &error))
    {
      self->next_pair_id = 0;
      _rapport_duplicates_view_show_error (self, error->message);
      return;
    }

  self->undo_journal_id = journal_id;
  self->undo_pair_id = self->pair != NULL ? rapport_duplicate_get_id (self->pair) : 0;

  if (self->by_hand)
    {
      self->by_hand = FALSE;
      g_clear_pointer (&self->pair, rapport_duplicate_free);
    }
  _rapport_duplicates_view_reload (self);
  if (gtk_list_box_get_selected_row (self->pairs_list) == NULL && n_pairs (self) > 0)
    _rapport_duplicates_view_select_index (self, 0, FALSE);

  _rapport_duplicates_view_add_toast (self,
                                      rapport_undo_toast_new_full (title, journal_id, "duplicates.undo"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  gint64 journal_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!rapport_store_undo (self->store, journal_id, &error))
    {
      _rapport_duplicates_view_show_error (self, error->message);
      return;
    }

  _rapport_duplicates_view_reload (self);
  /* The pair comes back with the two members: show it again. */
  if (journal_id == self->undo_journal_id && self->undo_pair_id != 0)
    rapport_duplicates_view_select_pair (self, self->undo_pair_id);
}

/* Not the same person, skip, move */

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->pair == NULL || self->by_hand)
    return;

  self->next_pair_id = next_pair_id (self);
  if (!rapport_store_reject_duplicate (self->store, rapport_duplicate_get_id (self->pair), &error))
    {
      self->next_pair_id = 0;
      _rapport_duplicates_view_show_error (self, error->message);
      return;
    }

  _rapport_duplicates_view_reload (self);
}

static void
move (RapportDuplicatesView *self,
      int                    delta,
      gboolean               wrap)
{
  guint n = n_pairs (self);
  guint index = _rapport_duplicates_view_get_index (self);
  gboolean focus = focus_in_list (self);

  if (n == 0 || self->by_hand)
    return;

  if (index == GTK_INVALID_LIST_POSITION)
    index = 0;
  else if (wrap)
    index = (index + n + delta) % n;
  else if (delta < 0)
    index = index > 0 ? index - 1 : 0;
  else
    index = MIN (index + 1, n - 1);

  _rapport_duplicates_view_select_index (self, index, focus);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Skipped pairs stay in the queue; past the last, the first again. */
  move (RAPPORT_DUPLICATES_VIEW (widget), 1, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move (RAPPORT_DUPLICATES_VIEW (widget), 1, FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move (RAPPORT_DUPLICATES_VIEW (widget), -1, FALSE);
}

/* Rescan */

static void
on_rescan_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RapportDuplicatesView) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  guint n_open = 0;
  gboolean ok;

  /* Seconds on a big community, in the core's worker, under the busy
   * cursor. */
  ok = rapport_store_rescan_duplicates_finish (RAPPORT_STORE (object), result, &n_open, &error);

  self->rescanning = FALSE;
  if (native != NULL)
    gtk_widget_set_cursor (GTK_WIDGET (native), NULL);

  if (!ok)
    {
      _rapport_duplicates_view_show_error (self, error->message);
      _rapport_duplicates_view_update_actions (self);
      return;
    }

  _rapport_duplicates_view_reload (self);

  if (n_open == 0)
    _rapport_duplicates_view_add_toast (self, adw_toast_new (_("No possible duplicates found")));
  else
    {
      g_autofree char *count = rapport_format_count (n_open);
      g_autofree char *title = NULL;

      /* Translators: a toast after a rescan, "12 possible duplicates to review" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s possible duplicate to review",
                                            "%s possible duplicates to review", n_open),
                               count);
      _rapport_duplicates_view_add_toast (self, adw_toast_new (title));
    }
}

static void
rescan_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  GtkNative *native = gtk_widget_get_native (widget);

  if (self->store == NULL || self->rescanning)
    return;

  self->rescanning = TRUE;
  _rapport_duplicates_view_update_actions (self);
  if (native != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (native), "wait");

  rapport_store_rescan_duplicates_async (self->store, NULL, on_rescan_done_cb, g_object_ref (self));
}

/* By hand */

static void
merge_by_hand_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  gint64 member_id = g_variant_get_int64 (parameter);

  rapport_duplicates_view_merge_by_hand (self, member_id > 0 ? member_id : self->start_member_id, 0);
}

static void
cancel_by_hand_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);

  if (!self->by_hand)
    return;

  self->by_hand = FALSE;
  self->sides[0].id = self->sides[1].id = 0;
  _rapport_duplicates_view_select_index (self, 0, FALSE);
}

static void
choose_again_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  guint side = g_variant_get_uint32 (parameter);

  if (!self->by_hand || side > 1)
    return;

  rapport_duplicates_view_merge_by_hand (self,
                                         side == 0 ? 0 : self->sides[0].id,
                                         side == 1 ? 0 : self->sides[1].id);
}

static void
on_result_activated_cb (GtkListBox            *results,
                        GtkListBoxRow         *row,
                        RapportDuplicatesView *self)
{
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (results), "rapport-side"));
  gint64 member_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "rapport-member-id");
  gint64 ids[2] = { self->sides[0].id, self->sides[1].id };

  ids[side] = member_id;
  rapport_duplicates_view_merge_by_hand (self, ids[0], ids[1]);
}

static GtkWidget *
create_result_row (RapportMember *member)
{
  const char *organization = rapport_member_get_organization (member);
  const char *email = rapport_member_get_email (member);
  const char *subtitle = organization != NULL && organization[0] != '\0' ? organization : email;
  GtkWidget *row = adw_action_row_new ();
  gint64 id = rapport_member_get_id (member);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_member_get_name (member));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             adw_avatar_new (32, rapport_member_get_name (member), TRUE));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "rapport-member-id", g_memdup2 (&id, sizeof id), g_free);

  return row;
}

static void
on_search_changed_cb (GtkSearchEntry        *entry,
                      RapportDuplicatesView *self)
{
  GtkListBox *results = g_object_get_data (G_OBJECT (entry), "rapport-results");
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (results), "rapport-side"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GPtrArray) members = NULL;
  gint64 other = self->sides[1 - side].id;
  guint shown = 0;

  rapport_list_box_remove_rows (results);
  if (text[0] != '\0' && self->store != NULL)
    members = rapport_store_search (self->store, text, SEARCH_RESULTS + 1, NULL);

  for (guint i = 0; members != NULL && i < members->len && shown < SEARCH_RESULTS; i++)
    {
      RapportMember *member = g_ptr_array_index (members, i);

      if (rapport_member_get_id (member) == other)
        continue;
      gtk_list_box_append (results, create_result_row (member));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (results), text[0] != '\0');
}

static void
on_search_activate_cb (GtkSearchEntry        *entry,
                       RapportDuplicatesView *self)
{
  GtkListBox *results = g_object_get_data (G_OBJECT (entry), "rapport-results");
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (results, 0);

  /* Enter takes the best match. */
  if (first != NULL)
    on_result_activated_cb (results, first, self);
}

/**
 * _rapport_duplicates_view_build_picker:
 *
 * Fills @column, by hand, with the search for the member still to choose.
 */
void
_rapport_duplicates_view_build_picker (RapportDuplicatesView *self,
                                       guint                  side,
                                       GtkBox                *column)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *avatar = adw_avatar_new (64, NULL, FALSE);
  GtkWidget *label = gtk_label_new (side == 0 || self->sides[0].member == NULL
                                    ? _("Choose a Member") : _("Choose the Other Member"));
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *results = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("Nobody by that name"));

  gtk_widget_set_margin_bottom (avatar, 3);
  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (header), avatar);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (column, header);

  g_object_set (entry, "placeholder-text", _("Search members"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search members"),
                                  -1);
  gtk_box_append (column, entry);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (results), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (results, "boxed-list");
  gtk_widget_set_visible (results, FALSE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (results), placeholder);
  gtk_box_append (column, results);

  g_object_set_data (G_OBJECT (results), "rapport-side", GUINT_TO_POINTER (side));
  g_object_set_data (G_OBJECT (entry), "rapport-results", results);
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (on_search_changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_search_activate_cb), self, 0);
  g_signal_connect_object (results, "row-activated", G_CALLBACK (on_result_activated_cb), self, 0);

  self->sides[side].search_entry = GTK_SEARCH_ENTRY (entry);
  self->sides[side].results = GTK_LIST_BOX (results);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (entry);
}

/* Keys */

static gboolean
key_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  RapportDuplicatesView *self = RAPPORT_DUPLICATES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  const char *action = g_variant_get_string (args, NULL);
  gboolean moving = g_str_equal (action, "duplicates.next") ||
                    g_str_equal (action, "duplicates.previous");

  /* Letters are for typing, in an entry (one still on screen: the search
   * of a side that was just chosen goes, and may keep the focus as it
   * does); by hand, the arrows are for the search results. */
  if (!gtk_widget_get_mapped (widget) ||
      (focus != NULL && GTK_IS_EDITABLE (focus) && gtk_widget_get_mapped (focus)))
    return FALSE;
  if (moving && self->by_hand)
    return FALSE;
  /* Folded on the list, the pair is out of sight: no deciding blind. */
  if ((g_str_equal (action, "duplicates.merge") || g_str_equal (action, "duplicates.reject")) &&
      adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) != self->compare_pane)
    return FALSE;

  return gtk_widget_activate_action (widget, action, NULL);
}

void
_rapport_duplicates_view_init_shortcuts (RapportDuplicatesView *self)
{
  static const struct
  {
    guint       keyval;
    guint       alternative;
    const char *action;
  } keys[] = {
    { GDK_KEY_m, 0, "duplicates.merge" },
    { GDK_KEY_n, 0, "duplicates.reject" },
    { GDK_KEY_s, 0, "duplicates.skip" },
    { GDK_KEY_Down, GDK_KEY_KP_Down, "duplicates.next" },
    { GDK_KEY_Up, GDK_KEY_KP_Up, "duplicates.previous" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Before the focused widget (a row of the list would take the arrows
   * for itself) and whatever has the focus, or none: managed by the
   * window, in its capture phase. */
  gtk_event_controller_set_name (controller, "rapport-duplicates-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i].keyval, 0);
      GtkShortcut *shortcut;

      if (keys[i].alternative != 0)
        trigger = gtk_alternative_trigger_new (trigger, gtk_keyval_trigger_new (keys[i].alternative, 0));
      shortcut = gtk_shortcut_new (trigger, gtk_callback_action_new (key_cb, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_rapport_duplicates_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "duplicates.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "duplicates.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "duplicates.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "duplicates.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "duplicates.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "duplicates.rescan", NULL, rescan_action);
  gtk_widget_class_install_action (widget_class, "duplicates.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "duplicates.merge-by-hand", "x", merge_by_hand_action);
  gtk_widget_class_install_action (widget_class, "duplicates.cancel-by-hand", NULL,
                                   cancel_by_hand_action);
  gtk_widget_class_install_action (widget_class, "duplicates.choose-again", "u", choose_again_action);
}

/* The count badge */

#define BADGE_KEY "rapport-duplicates-badge"

typedef struct
{
  GtkButton    *button;
  GtkLabel     *badge;
  RapportStore *store;
  guint         source;
} Badge;

static void
badge_free (gpointer data)
{
  Badge *badge = data;

  g_clear_handle_id (&badge->source, g_source_remove);
  g_clear_object (&badge->store);
  g_free (badge);
}

static gboolean
update_badge_cb (gpointer user_data)
{
  Badge *badge = user_data;
  gint64 n = rapport_store_count_duplicates (badge->store, 0);
  g_autofree char *count = rapport_format_count (MAX (n, 0));
  g_autofree char *label = NULL;

  badge->source = 0;

  gtk_label_set_label (badge->badge, count);
  gtk_widget_set_visible (GTK_WIDGET (badge->badge), n > 0);

  if (n > 0)
    /* Translators: the Duplicates button's tooltip, "12 possible duplicates to review" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s possible duplicate to review",
                                          "%s possible duplicates to review", n),
                             count);
  else
    label = g_strdup (_("Review possible duplicates, or merge two members by hand"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge->button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);

  return G_SOURCE_REMOVE;
}

static void
queue_badge_update (Badge *badge)
{
  /* After the first frame, and once for a merge's many notices. */
  if (badge->source == 0)
    badge->source = g_idle_add_full (G_PRIORITY_LOW, update_badge_cb, badge, NULL);
}

static void
on_badge_store_changed_cb (RapportStore *store,
                           const char   *table,
                           gint64        row_id,
                           int           kind,
                           GtkButton    *button)
{
  Badge *badge = g_object_get_data (G_OBJECT (button), BADGE_KEY);

  if (badge != NULL &&
      (g_strcmp0 (table, "merge_suggestions") == 0 || g_strcmp0 (table, "members") == 0))
    queue_badge_update (badge);
}

/**
 * rapport_duplicates_view_attach_button:
 * @button: a button that opens the Duplicates page
 *
 * Makes @button read "Duplicates" with a badge of how many pairs wait for
 * a decision, kept up to date.
 */
void
rapport_duplicates_view_attach_button (GtkButton      *button,
                                       RapportContext *context)
{
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *count;
  Badge *badge;

  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (g_object_get_data (G_OBJECT (button), BADGE_KEY) == NULL);

  _rapport_duplicates_ensure_style ();

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("edit-copy-symbolic"));
  label = gtk_label_new (_("Duplicates"));
  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "duplicates-badge");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (count, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_button_set_child (button, box);
  gtk_widget_add_css_class (GTK_WIDGET (button), "duplicates-button");

  badge = g_new0 (Badge, 1);
  badge->button = button;
  badge->badge = GTK_LABEL (count);
  badge->store = g_object_ref (rapport_context_get_store (context));
  g_object_set_data_full (G_OBJECT (button), BADGE_KEY, badge, badge_free);

  g_signal_connect_object (badge->store, "changed", G_CALLBACK (on_badge_store_changed_cb), button, 0);
  queue_badge_update (badge);
}

/* The window */

#define WINDOW_KEY "rapport-duplicates-window"

static void
on_window_destroy_cb (GtkWindow *parent,
                      GtkWidget *window)
{
  if (g_object_get_data (G_OBJECT (parent), WINDOW_KEY) == window)
    g_object_set_data (G_OBJECT (parent), WINDOW_KEY, NULL);
}

/**
 * rapport_duplicates_view_present:
 * @parent: (nullable): the main window
 *
 * Opens the Duplicates page in a window of its own beside @parent (one
 * per main window), roomy enough for two people side by side.
 *
 * Returns: (transfer none): the page
 */
RapportDuplicatesView *
rapport_duplicates_view_present (GtkWindow      *parent,
                                 RapportContext *context)
{
  GtkWindow *window = parent != NULL ? g_object_get_data (G_OBJECT (parent), WINDOW_KEY) : NULL;
  GtkEventController *controller;
  GtkListBoxRow *row;
  GtkWidget *view;
  int width = 1000, height = 700;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  if (window != NULL)
    {
      gtk_window_present (window);
      return RAPPORT_DUPLICATES_VIEW (adw_window_get_content (ADW_WINDOW (window)));
    }

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (window, _("Duplicates"));
  gtk_widget_set_size_request (GTK_WIDGET (window), 360, 294);

  if (parent != NULL)
    {
      int parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
      int parent_height = gtk_widget_get_height (GTK_WIDGET (parent));

      /* Never bigger than the window it opens from (a phone). */
      if (parent_width > 0)
        width = MIN (width, parent_width);
      if (parent_height > 0)
        height = MIN (height, parent_height);
      gtk_window_set_transient_for (window, parent);
      gtk_window_set_destroy_with_parent (window, TRUE);
      g_object_set_data (G_OBJECT (parent), WINDOW_KEY, window);
      g_signal_connect_object (window, "destroy", G_CALLBACK (on_window_destroy_cb), parent,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_set_default_size (window, width, height);

  view = rapport_duplicates_view_new (context);
  adw_window_set_content (ADW_WINDOW (window), view);

  /* Escape closes it, once a search has taken its own. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  gtk_window_present (window);

  /* The arrows then move along the list from the pair on show. */
  row = gtk_list_box_get_selected_row (RAPPORT_DUPLICATES_VIEW (view)->pairs_list);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  return RAPPORT_DUPLICATES_VIEW (view);
}
