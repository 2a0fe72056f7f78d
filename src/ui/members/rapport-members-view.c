/* rapport-members-view.c
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

#define G_LOG_DOMAIN "rapport-members-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-duplicates-view.h"
#include "rapport-member.h"
#include "rapport-member-list.h"
#include "rapport-member-page.h"
#include "rapport-member-selection.h"
#include "rapport-members-view.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* The Members view: a searchable, sortable table of members beside the page
 * of the selected one, in a leaflet that folds to one pane on narrow
 * windows. The list model sorts and filters in SQL; the view only says how. */

/* GTK 4.8's column view makes a row for each of the first 200 members
 * whatever the height; the first frame needs a screenful: as many rows as
 * the window (or, maximized, the tallest monitor) holds, each at least its
 * 32-pixel avatar and some padding high. The rest join the list once that
 * frame is painted. */
#define MIN_ROW_HEIGHT   40
#define FIRST_FRAME_ROWS 48

struct _RapportMembersView
{
  GtkWidget               parent_instance;

  RapportContext         *context;
  RapportMemberList      *list;
  RapportMemberSelection *selection;
  GSettings              *settings;

  /* Unfiltered, only while a search runs: gives the "of M" in the count. */
  RapportMemberList      *all_list;

  AdwLeaflet             *leaflet;
  GtkWidget              *list_pane;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkLabel               *count_label;
  GtkButton              *duplicates_button;
  GtkStack               *list_stack;
  GtkColumnView          *column_view;
  GtkColumnViewColumn    *name_column;
  GtkColumnViewColumn    *organization_column;
  GtkColumnViewColumn    *stage_column;
  GtkColumnViewColumn    *last_active_column;
  GtkColumnViewColumn    *activities_column;
  GtkWidget              *content_pane;
  GtkStack               *content_stack;
  RapportMemberPage      *member_page;

  /* Waits for the first frame with rows to be painted. */
  GdkFrameClock          *first_frame_clock;
  guint                   all_rows_source;
  gboolean                select_first_pending;

  int                     width;
  guint                   total;
  guint                   selected_position;
  gint64                  pending_select_id;
  int                     probe;

  guint                   loaded : 1;
  guint                   compact : 1;
  guint                   all_loaded : 1;
  guint                   pending_show : 1;
};

G_DEFINE_FINAL_TYPE (RapportMembersView, rapport_members_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADED,
  PROP_N_TOTAL,
  PROP_FOLDED,
  PROP_COMPACT,
  PROP_SHOWING_MEMBER,
  PROP_SELECTED_ID,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkColumnViewColumn *
column_for_sort (RapportMembersView *self,
                 RapportMemberSort   sort)
{
  switch (sort)
    {
    case RAPPORT_MEMBER_SORT_ORGANIZATION:
      return self->organization_column;
    case RAPPORT_MEMBER_SORT_STAGE:
      return self->stage_column;
    case RAPPORT_MEMBER_SORT_LAST_ACTIVE:
      return self->last_active_column;
    case RAPPORT_MEMBER_SORT_ACTIVITIES:
      return self->activities_column;
    case RAPPORT_MEMBER_SORT_NAME:
    case RAPPORT_MEMBER_SORT_SCORE:
    default:
      return self->name_column;
    }
}

static gboolean
is_searching (RapportMembersView *self)
{
  /* What the list shows, not what the entry holds: the entry runs ahead
   * of the list while a person types. */
  return self->list != NULL && rapport_member_list_get_search_text (self->list) != NULL;
}

static void
set_total (RapportMembersView *self,
           guint               total)
{
  if (self->total == total)
    return;

  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_TOTAL]);
}

static void
update_count (RapportMembersView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;
  guint n;

  if (self->list == NULL || !self->loaded)
    {
      gtk_label_set_label (self->count_label, "");
      return;
    }

  n = rapport_member_list_get_n_matches (self->list);
  /* Rows of an earlier query may still show while a new one runs. */
  if (!is_searching (self) && !rapport_member_list_get_loading (self->list))
    set_total (self, n);
  else if (self->all_list != NULL && self->all_loaded)
    set_total (self, g_list_model_get_n_items (G_LIST_MODEL (self->all_list)));

  shown = rapport_format_count (n);
  total = rapport_format_count (self->total);

  if (!is_searching (self))
    /* Translators: the number of members in the list, e.g. "2,000 members" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members", n), shown);
  else
    /* Translators: members matching a search out of all, e.g. "12 of 2,000 members" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s member", "%s of %s members",
                                         self->total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    n == 0 && is_searching (self) &&
                                    !rapport_member_list_get_loading (self->list)
                                    ? "no-results" : "list");
}

static void
scroll_to_position (RapportMembersView *self,
                    guint               position)
{
  /* GtkColumnView has no scroll_to () before GTK 4.12; its list view
   * child has the "list.scroll-to-item" action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          break;
        }
    }
}

static void
notify_showing_member (RapportMembersView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOWING_MEMBER]);
}

/* The page is built for the first member shown, not with the view: the
 * first frame shows the list only. */
static void
ensure_member_page (RapportMembersView *self)
{
  if (self->member_page != NULL)
    return;

  self->member_page = RAPPORT_MEMBER_PAGE (rapport_member_page_new (self->context));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->member_page), "member");
}

static void
show_page_for (RapportMembersView *self,
               gint64              member_id)
{
  if (member_id != 0)
    ensure_member_page (self);
  if (self->member_page != NULL)
    rapport_member_page_set_member_id (self->member_page, member_id);
  gtk_stack_set_visible_child_name (self->content_stack, member_id != 0 ? "member" : "none");
}

static void
show_member (RapportMembersView *self,
             gint64              member_id)
{
  show_page_for (self, member_id);
  if (member_id != 0 && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
maybe_select_first (RapportMembersView *self)
{
  /* A wide window shows a page beside the list: fill it. Folded, the list
   * is all there is and a selection would mean nothing. At start-up the
   * page waits for the first frame of the list (show_all_rows()). */
  if (self->list == NULL || !self->loaded || self->select_first_pending ||
      rapport_member_selection_get_selected_id (self->selection) != 0 ||
      adw_leaflet_get_folded (self->leaflet))
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    {
      show_page_for (self, 0);
      return;
    }

  rapport_member_selection_set_selected_id (self->selection,
                                            rapport_member_list_get_id (self->list, 0));
}

static void
on_selection_items_changed_cb (RapportMembersView *self,
                               guint               position,
                               guint               removed,
                               guint               added,
                               GListModel         *model)
{
  guint n = g_list_model_get_n_items (model);
  gint64 selected = rapport_member_selection_get_selected_id (self->selection);
  guint found;

  if (self->pending_select_id != 0 &&
      rapport_member_list_find (self->list, self->pending_select_id, &found))
    {
      gint64 id = self->pending_select_id;
      gboolean show = self->pending_show;

      self->pending_select_id = 0;
      self->pending_show = FALSE;
      rapport_member_selection_set_selected_id (self->selection, id);
      scroll_to_position (self, found);
      if (show)
        show_member (self, id);
      return;
    }

  if (selected != 0)
    {
      guint next;

      if (rapport_member_list_find (self->list, selected, &found))
        {
          self->selected_position = found;
          return;
        }

      /* The selected member left the list. Deleted: select the row that
       * took its place, as a list of files does. Filtered out by a
       * search: select the best match. */
      if (removed == 1 && added == 0 && position == self->selected_position)
        next = MIN (position, n > 0 ? n - 1 : 0);
      else
        next = 0;

      if (n == 0 || adw_leaflet_get_folded (self->leaflet))
        {
          rapport_member_selection_set_selected_id (self->selection, 0);
          if (rapport_members_view_get_showing_member (self))
            rapport_members_view_show_list (self);
        }
      else
        rapport_member_selection_set_selected_id (self->selection,
                                                  rapport_member_list_get_id (self->list, next));
      return;
    }

  maybe_select_first (self);
}

static void
on_selection_selected_id_changed_cb (RapportMembersView     *self,
                                     GParamSpec             *pspec,
                                     RapportMemberSelection *selection)
{
  gint64 id = rapport_member_selection_get_selected_id (selection);
  guint position = rapport_member_selection_get_selected_position (selection);

  if (position != GTK_INVALID_LIST_POSITION)
    self->selected_position = position;

  /* Folded, the page is hidden and a hover selects: it follows
   * activation only. */
  if (!adw_leaflet_get_folded (self->leaflet))
    show_page_for (self, id);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
}

static guint
first_frame_rows (RapportMembersView *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int tallest = 0;
  int width = 0, height = 0;

  /* A window that is not maximized opens at its default size. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height > 0)
    return (guint) height / MIN_ROW_HEIGHT + 1;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  return tallest > 0 ? (guint) tallest / MIN_ROW_HEIGHT + 1 : FIRST_FRAME_ROWS;
}

static void
show_all_rows (RapportMembersView *self)
{
  g_clear_handle_id (&self->all_rows_source, g_source_remove);
  if (self->first_frame_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->first_frame_clock, self);
  g_clear_object (&self->first_frame_clock);

  if (self->list != NULL)
    rapport_member_list_set_limit (self->list, G_MAXUINT);

  /* The first frame showed the list; now the page beside it. */
  if (self->select_first_pending)
    {
      self->select_first_pending = FALSE;
      maybe_select_first (self);
    }
}

static gboolean
show_all_rows_cb (gpointer user_data)
{
  RapportMembersView *self = user_data;

  self->all_rows_source = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame_after_paint_cb (GdkFrameClock      *frame_clock,
                               RapportMembersView *self)
{
  g_signal_handlers_disconnect_by_data (frame_clock, self);
  g_clear_object (&self->first_frame_clock);

  /* After the input that waited for the frame. */
  if (self->all_rows_source == 0)
    self->all_rows_source = g_idle_add (show_all_rows_cb, self);
}

static void
show_all_rows_after_paint (RapportMembersView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  if (native == NULL || !gtk_widget_get_realized (GTK_WIDGET (native)))
    {
      show_all_rows (self);
      return;
    }

  g_set_object (&self->first_frame_clock, gtk_widget_get_frame_clock (GTK_WIDGET (native)));
  g_signal_connect (self->first_frame_clock, "after-paint",
                    G_CALLBACK (on_first_frame_after_paint_cb), self);
}

static void
on_list_loading_changed_cb (RapportMembersView *self,
                            GParamSpec         *pspec,
                            RapportMemberList  *list)
{
  if (rapport_member_list_get_loading (list))
    return;

  if (!self->loaded)
    {
      self->loaded = TRUE;
      update_count (self);
      /* The first member's page is filled once the list is on screen. */
      self->select_first_pending = TRUE;
      show_all_rows_after_paint (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
      return;
    }

  update_count (self);
}

static void
on_list_n_items_changed_cb (RapportMembersView *self,
                            GParamSpec         *pspec,
                            RapportMemberList  *list)
{
  update_count (self);
}

static void
on_all_list_changed_cb (RapportMembersView *self,
                        GParamSpec         *pspec,
                        RapportMemberList  *all_list)
{
  if (!rapport_member_list_get_loading (all_list))
    self->all_loaded = TRUE;
  update_count (self);
}

static void
ensure_all_list (RapportMembersView *self,
                 gboolean            searching)
{
  if (!searching)
    {
      if (self->all_list != NULL)
        g_signal_handlers_disconnect_by_func (self->all_list, on_all_list_changed_cb, self);
      g_clear_object (&self->all_list);
      self->all_loaded = FALSE;
      return;
    }

  if (self->all_list != NULL || self->context == NULL)
    return;

  self->all_list = rapport_member_list_new (rapport_context_get_store (self->context));
  g_signal_connect_object (self->all_list, "notify::loading",
                           G_CALLBACK (on_all_list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_list, "notify::n-items",
                           G_CALLBACK (on_all_list_changed_cb), self, G_CONNECT_SWAPPED);
  rapport_member_list_reload (self->all_list);
}

static void
on_search_entry_search_changed_cb (RapportMembersView *self,
                                   GtkSearchEntry     *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->list == NULL)
    return;

  /* The count follows when the rows arrive. */
  rapport_member_list_set_search_text (self->list, text);
  ensure_all_list (self, is_searching (self));
}

static void
on_search_entry_activate_cb (RapportMembersView *self,
                             GtkSearchEntry     *entry)
{
  gint64 id;

  if (self->list == NULL)
    return;

  /* Enter takes the best match. */
  id = rapport_member_list_get_id (self->list, 0);
  if (id == 0)
    return;

  rapport_member_selection_set_selected_id (self->selection, id);
  scroll_to_position (self, 0);
  show_member (self, id);
}

static void
on_search_bar_search_mode_changed_cb (RapportMembersView *self,
                                      GParamSpec         *pspec,
                                      GtkSearchBar       *search_bar)
{
  if (!gtk_search_bar_get_search_mode (search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_MODE]);
}

static void
on_column_view_activate_cb (RapportMembersView *self,
                            guint               position,
                            GtkColumnView      *column_view)
{
  gint64 id = rapport_member_list_get_id (self->list, position);

  if (id == 0)
    return;

  rapport_member_selection_set_selected_id (self->selection, id);
  show_member (self, id);
}

/* The member page keeps at least this much beside the table; the table
 * drops columns rather than scroll sideways. */
#define PAGE_WIDTH 400

static int
column_width (GtkColumnViewColumn *column)
{
  int width = gtk_column_view_column_get_fixed_width (column);

  /* A hidden column remembers its width (maybe set by hand) here. */
  if (!gtk_column_view_column_get_visible (column))
    width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "rapport-width"));

  return MAX (width, 0);
}

static void
set_column_shown (GtkColumnViewColumn *column,
                  gboolean             shown)
{
  int width;

  if (gtk_column_view_column_get_visible (column) == shown)
    return;

  /* GTK 4.8 counts hidden columns in the view's width: a hidden column
   * also gets no width, and gets back the one it had when it shows. */
  width = column_width (column);
  if (!shown)
    {
      g_object_set_data (G_OBJECT (column), "rapport-width", GINT_TO_POINTER (width));
      gtk_column_view_column_set_fixed_width (column, 0);
    }
  else
    gtk_column_view_column_set_fixed_width (column, width > 0 ? width : -1);

  gtk_column_view_column_set_visible (column, shown);
}

static void
update_columns (RapportMembersView *self)
{
  /* From the most to the least useful after the name. */
  GtkColumnViewColumn *columns[] = {
    self->last_active_column,
    self->organization_column,
    self->stage_column,
    self->activities_column,
  };
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  int room = self->width - 1 - PAGE_WIDTH - column_width (self->name_column);
  gboolean compact;

  /* Both only depend on the view's own width, never on the columns: no
   * back-and-forth between folding and showing columns. Folded, only the
   * name fits; beside the page, as many columns as leave it PAGE_WIDTH. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      int width = column_width (columns[i]);
      gboolean shown = !folded && width <= room;

      if (shown)
        room -= width;
      set_column_shown (columns[i], shown);
    }

  compact = !gtk_column_view_column_get_visible (self->organization_column);
  if (self->compact != compact)
    {
      self->compact = compact;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPACT]);
    }
}

static void
on_leaflet_folded_changed_cb (RapportMembersView *self,
                              GParamSpec         *pspec,
                              AdwLeaflet         *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  update_columns (self);

  /* One tap opens a member, as on a phone. */
  gtk_column_view_set_single_click_activate (self->column_view, folded);

  if (!folded && self->selection != NULL)
    {
      show_page_for (self, rapport_member_selection_get_selected_id (self->selection));
      maybe_select_first (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLDED]);
  notify_showing_member (self);
}

static void
on_leaflet_visible_child_changed_cb (RapportMembersView *self,
                                     GParamSpec         *pspec,
                                     AdwLeaflet         *leaflet)
{
  notify_showing_member (self);
}

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  /* One of the two is the view (see on_sorter_changed_cb ()). */
  gboolean view_first = RAPPORT_IS_MEMBERS_VIEW ((gpointer) a);
  RapportMembersView *self = RAPPORT_MEMBERS_VIEW (view_first ? (gpointer) a : (gpointer) b);

  self->probe = GPOINTER_TO_INT (user_data);
  return view_first ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (RapportMembersView *self,
                      GtkSorterChange     change,
                      GtkSorter          *sorter)
{
  RapportMemberSort sort = RAPPORT_MEMBER_SORT_NAME;
  gboolean descending = FALSE;
  GtkOrdering order;

  /* The column view's sorter knows which column sorts and which way, but
   * says so only from GTK 4.10 on. Ask it to compare two objects (the view
   * and another; it skips equal ones): it asks the primary column's
   * sorter, which records who it is, and flips the answer when the order
   * is descending. */
  self->probe = -1;
  order = gtk_sorter_compare (sorter, self, self->settings);
  if (self->probe >= 0)
    {
      sort = self->probe;
      descending = order == GTK_ORDERING_SMALLER;
    }

  if (self->list != NULL)
    rapport_member_list_set_sort (self->list, sort, descending);

  g_settings_set_enum (self->settings, "members-sort", sort);
  g_settings_set_boolean (self->settings, "members-sort-descending", descending);
}

static void
sort_by_column (RapportMembersView  *self,
                GtkColumnViewColumn *column,
                gboolean             descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  /* Clear first: in GTK 4.8, sorting by a column programmatically leaves
   * the arrow of the column sorted before on its header. The empty order
   * in between is nothing to act on. */
  g_signal_handlers_block_by_func (sorter, on_sorter_changed_cb, self);
  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  g_signal_handlers_unblock_by_func (sorter, on_sorter_changed_cb, self);
  gtk_column_view_sort_by_column (self->column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static GtkWidget *
name_cell_get_avatar (GtkWidget *box)
{
  return gtk_widget_get_first_child (box);
}

static GtkWidget *
name_cell_get_name_label (GtkWidget *box)
{
  return gtk_widget_get_first_child (gtk_widget_get_last_child (box));
}

static GtkWidget *
name_cell_get_organization_label (GtkWidget *box)
{
  return gtk_widget_get_last_child (gtk_widget_get_last_child (box));
}

static gboolean
organization_visible_transform (GBinding     *binding,
                                const GValue *from_value,
                                GValue       *to_value,
                                gpointer      user_data)
{
  g_autoptr(GObject) label = g_binding_dup_target (binding);
  const char *text = label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;

  g_value_set_boolean (to_value,
                       g_value_get_boolean (from_value) && text != NULL && text[0] != '\0');
  return TRUE;
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RapportMembersView       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *organization = gtk_label_new (NULL);

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);

  gtk_label_set_xalign (GTK_LABEL (organization), 0);
  gtk_label_set_ellipsize (GTK_LABEL (organization), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (organization, "caption");
  gtk_widget_add_css_class (organization, "dim-label");

  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), organization);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);

  /* Set up once per row widget, so rebinding adds nothing. */
  g_object_bind_property_full (self, "compact", organization, "visible",
                               G_BINDING_SYNC_CREATE,
                               organization_visible_transform, NULL, NULL, NULL);

  gtk_list_item_set_child (list_item, box);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RapportMembersView       *self)
{
  RapportMember *member = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *organization_label = name_cell_get_organization_label (box);
  const char *name = rapport_member_get_name (member);
  const char *organization = rapport_member_get_organization (member);

  adw_avatar_set_text (ADW_AVATAR (name_cell_get_avatar (box)), name);
  gtk_label_set_label (GTK_LABEL (name_cell_get_name_label (box)), name ? name : "");
  gtk_label_set_label (GTK_LABEL (organization_label), organization ? organization : "");
  gtk_widget_set_visible (organization_label,
                          self->compact && organization != NULL && organization[0] != '\0');
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RapportMembersView       *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RapportMembersView       *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text ? text : "");
}

static void
organization_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      RapportMembersView       *self)
{
  RapportMember *member = gtk_list_item_get_item (list_item);

  set_cell_text (list_item, rapport_member_get_organization (member));
}

static void
stage_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RapportMembersView       *self)
{
  RapportMember *member = gtk_list_item_get_item (list_item);

  set_cell_text (list_item, rapport_member_get_stage (member));
}

static void
last_active_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RapportMembersView       *self)
{
  RapportMember *member = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gint64 last_active = rapport_member_get_last_active_at (member);
  g_autofree char *text = NULL;

  text = rapport_format_relative_time (last_active, rapport_now_unix ());
  gtk_label_set_label (GTK_LABEL (label), text);

  if (last_active > 0)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
activities_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    RapportMembersView       *self)
{
  RapportMember *member = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  text = rapport_format_count (MAX (0, rapport_member_get_activity_count (member)));
  set_cell_text (list_item, text);
}

static void
align_title_end (RapportMembersView  *self,
                 GtkColumnViewColumn *column)
{
  const char *title = gtk_column_view_column_get_title (column);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

  /* A column of right-aligned numbers reads best under a right-aligned
   * title, which GTK 4.8 has no API for: its header holds one button per
   * column, with a box of the title label and the sort arrow. Should that
   * change, the title simply stays on the left. */
  for (GtkWidget *button = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *box = gtk_widget_get_first_child (button);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      if (GTK_IS_BOX (box) && GTK_IS_LABEL (label) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) == 0)
        {
          gtk_widget_set_halign (box, GTK_ALIGN_END);
          break;
        }
    }
}

static gboolean
delete_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  RapportMembersView *self = user_data;
  gint64 id;

  if (self->selection == NULL)
    return FALSE;

  id = rapport_member_selection_get_selected_id (self->selection);
  if (id == 0 || rapport_member_selection_get_selected_position (self->selection) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-member", "x", id);
}

static void
rapport_members_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RapportMembersView *self = RAPPORT_MEMBERS_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rapport_members_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RapportMembersView *self = RAPPORT_MEMBERS_VIEW (widget);

  /* Choose the columns for this width before the leaflet measures the
   * table. */
  if (self->width != width)
    {
      self->width = width;
      update_columns (self);
    }

  gtk_widget_allocate (GTK_WIDGET (self->leaflet), width, height, baseline, NULL);
}

static void
rapport_members_view_dispose (GObject *object)
{
  RapportMembersView *self = (RapportMembersView *)object;

  /* Tearing down the columns empties the sorter: that is no choice of
   * order to save. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sorter_changed_cb, self);

  g_clear_handle_id (&self->all_rows_source, g_source_remove);
  if (self->first_frame_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->first_frame_clock, self);
  g_clear_object (&self->first_frame_clock);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBERS_VIEW);

  if (self->all_list != NULL)
    g_signal_handlers_disconnect_by_func (self->all_list, on_all_list_changed_cb, self);
  g_clear_object (&self->all_list);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_members_view_parent_class)->dispose (object);
}

static void
rapport_members_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportMembersView *self = RAPPORT_MEMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, rapport_members_view_get_folded (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_SHOWING_MEMBER:
      g_value_set_boolean (value, rapport_members_view_get_showing_member (self));
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, rapport_members_view_get_selected_id (self));
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, rapport_members_view_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_members_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportMembersView *self = RAPPORT_MEMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_members_view_set_context (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      rapport_members_view_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_members_view_class_init (RapportMembersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_members_view_dispose;
  object_class->get_property = rapport_members_view_get_property;
  object_class->set_property = rapport_members_view_set_property;

  widget_class->measure = rapport_members_view_measure;
  widget_class->size_allocate = rapport_members_view_size_allocate;

  /* The open community, whose members the view shows. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* The Organization column is hidden, so the organization shows under
   * the name. */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOWING_MEMBER] =
    g_param_spec_boolean ("showing-member", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-members-view.ui");
  gtk_widget_class_set_css_name (widget_class, "membersview");

  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, duplicates_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, organization_column);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, stage_column);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, last_active_column);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, activities_column);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, content_pane);
  gtk_widget_class_bind_template_child (widget_class, RapportMembersView, content_stack);

  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, organization_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_active_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, activities_bind_cb);
}

static void
rapport_members_view_init (RapportMembersView *self)
{
  static const RapportMemberSort sorts[] = {
    RAPPORT_MEMBER_SORT_NAME,
    RAPPORT_MEMBER_SORT_ORGANIZATION,
    RAPPORT_MEMBER_SORT_STAGE,
    RAPPORT_MEMBER_SORT_LAST_ACTIVE,
    RAPPORT_MEMBER_SORT_ACTIVITIES,
  };
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->selected_position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(GtkCustomSorter) sorter = NULL;

      sorter = gtk_custom_sorter_new (probe_compare_cb, GINT_TO_POINTER (sorts[i]), NULL);
      gtk_column_view_column_set_sorter (column_for_sort (self, sorts[i]), GTK_SORTER (sorter));
    }

  align_title_end (self, self->activities_column);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_callback_action_new (delete_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}

GtkWidget *
rapport_members_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEMBERS_VIEW, NULL);
}

/**
 * rapport_members_view_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_members_view_get_context (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), NULL);

  return self->context;
}

/**
 * rapport_members_view_set_context:
 * @context: the open community
 *
 * Shows the members of @context's store. Set once: the list loads right
 * away; the member page, made when it first shows, gets @context too.
 */
void
rapport_members_view_set_context (RapportMembersView *self,
                                  RapportContext     *context)
{
  RapportMemberSort sort;
  gboolean descending;

  g_return_if_fail (RAPPORT_IS_MEMBERS_VIEW (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL || self->context == context);

  if (context == NULL || self->context == context)
    return;

  self->context = g_object_ref (context);
  self->list = rapport_member_list_new (rapport_context_get_store (context));
  rapport_member_list_set_limit (self->list, first_frame_rows (self));

  sort = g_settings_get_enum (self->settings, "members-sort");
  descending = g_settings_get_boolean (self->settings, "members-sort-descending");
  rapport_member_list_set_sort (self->list, sort, descending);

  self->selection = rapport_member_selection_new (self->list);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected-id",
                           G_CALLBACK (on_selection_selected_id_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading",
                           G_CALLBACK (on_list_loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-items",
                           G_CALLBACK (on_list_n_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-matches",
                           G_CALLBACK (on_list_n_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Show the saved order on the headers; the list is in it already. */
  sort_by_column (self, column_for_sort (self, sort), descending);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  rapport_member_list_reload (self->list);
  rapport_duplicates_view_attach_button (self->duplicates_button, context);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

/**
 * rapport_members_view_get_list:
 *
 * Returns: (transfer none) (nullable): the members shown, every one of
 *   them a row (even before the first frame is painted)
 */
RapportMemberList *
rapport_members_view_get_list (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), NULL);

  if (self->loaded)
    show_all_rows (self);

  return self->list;
}

/**
 * rapport_members_view_get_loaded:
 *
 * Returns: whether the list has received its first rows
 */
gboolean
rapport_members_view_get_loaded (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), FALSE);

  return self->loaded;
}

/**
 * rapport_members_view_get_n_total:
 *
 * Returns: how many members the store holds, whatever the search
 */
guint
rapport_members_view_get_n_total (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), 0);

  return self->total;
}

gboolean
rapport_members_view_get_folded (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

/**
 * rapport_members_view_get_showing_member:
 *
 * Returns: whether the view is folded and shows a member's page instead of
 *   the list, so a back button makes sense
 */
gboolean
rapport_members_view_get_showing_member (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->content_pane;
}

void
rapport_members_view_show_list (RapportMembersView *self)
{
  g_return_if_fail (RAPPORT_IS_MEMBERS_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

gint64
rapport_members_view_get_selected_id (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), 0);

  if (self->selection == NULL)
    return 0;

  return rapport_member_selection_get_selected_id (self->selection);
}

/**
 * rapport_members_view_select_member:
 * @member_id: a member that is in the list or soon will be (just created or
 *   restored)
 * @show: also open their page when the view is folded
 *
 * Selects @member_id, now or when the list next shows them.
 */
void
rapport_members_view_select_member (RapportMembersView *self,
                                    gint64              member_id,
                                    gboolean            show)
{
  guint position;

  g_return_if_fail (RAPPORT_IS_MEMBERS_VIEW (self));
  g_return_if_fail (member_id > 0);

  if (self->list == NULL)
    return;

  show_all_rows (self);
  if (rapport_member_list_find (self->list, member_id, &position))
    {
      self->pending_select_id = 0;
      rapport_member_selection_set_selected_id (self->selection, member_id);
      scroll_to_position (self, position);
      if (show)
        show_member (self, member_id);
      return;
    }

  /* A search could hide them for good: show everyone. */
  if (is_searching (self))
    rapport_members_view_set_search_mode (self, FALSE);

  self->pending_select_id = member_id;
  self->pending_show = !!show;
}

gboolean
rapport_members_view_get_search_mode (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
rapport_members_view_set_search_mode (RapportMembersView *self,
                                      gboolean            search_mode)
{
  g_return_if_fail (RAPPORT_IS_MEMBERS_VIEW (self));

  search_mode = !!search_mode;
  if (search_mode == gtk_search_bar_get_search_mode (self->search_bar))
    return;

  if (search_mode && rapport_members_view_get_showing_member (self))
    rapport_members_view_show_list (self);

  /* Notifies through on_search_bar_search_mode_changed_cb (). */
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

void
rapport_members_view_focus_search (RapportMembersView *self)
{
  g_return_if_fail (RAPPORT_IS_MEMBERS_VIEW (self));

  rapport_members_view_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rapport_members_view_sort_by:
 *
 * Sorts as a click on a column header does.
 */
void
rapport_members_view_sort_by (RapportMembersView *self,
                              RapportMemberSort   sort,
                              gboolean            descending)
{
  g_return_if_fail (RAPPORT_IS_MEMBERS_VIEW (self));

  sort_by_column (self, column_for_sort (self, sort), descending);
}

GtkEditable *
rapport_members_view_get_search_entry (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

const char *
rapport_members_view_get_count_text (RapportMembersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBERS_VIEW (self), NULL);

  return gtk_label_get_label (self->count_label);
}
