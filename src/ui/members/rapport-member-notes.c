/* rapport-member-notes.c
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

#define G_LOG_DOMAIN "rapport-member-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clock.h"
#include "rapport-context.h"
#include "rapport-member-notes.h"
#include "rapport-member-util.h"
#include "rapport-note.h"
#include "rapport-store.h"
#include "rapport-util.h"

/* How long "Note deleted · Undo" stays. */
#define UNDO_TIMEOUT_SECONDS 10

struct _RapportMemberNotes
{
  GtkWidget     parent_instance;

  RapportContext *context;
  RapportStore *store;
  gint64        member_id;

  GtkRevealer  *composer_revealer;
  GtkTextView  *composer_view;
  GtkListBox   *list;
  GtkRevealer  *undo_revealer;
  GtkWidget    *undo_button;
  GtkLabel     *error_label;

  /* The note being edited in place; a refresh waits until it is saved or
   * cancelled, so it does not throw away what the user typed. */
  gint64        editing_id;
  gboolean      refresh_pending;

  gint64        undo_journal_id;
  guint         undo_timeout_id;
};

G_DEFINE_FINAL_TYPE (RapportMemberNotes, rapport_member_notes, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
find_row (RapportMemberNotes *self,
          gint64              note_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RapportNote *note = g_object_get_data (G_OBJECT (child), "rapport-note");

      if (note != NULL && rapport_note_get_id (note) == note_id)
        return child;
    }

  return NULL;
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *label,
                    const char *action_name,
                    gint64      note_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", note_id);
  rapport_member_label_button (button, label);

  return button;
}

static GtkWidget *
create_view (RapportNote *note,
             gint64       now)
{
  const char *author = rapport_note_get_author (note);
  g_autofree char *when = rapport_format_relative_time (rapport_note_get_created_at (note), now);
  g_autofree char *meta = NULL;
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *body;
  GtkWidget *caption;

  if (author != NULL && author[0] != '\0')
    /* Translators: a note's author and when it was written, "Priya Raman · 3 days ago" */
    meta = g_strdup_printf (_("%s · %s"), author, when);
  else
    meta = g_strdup (when);

  if (rapport_note_get_updated_at (note) > rapport_note_get_created_at (note))
    {
      /* Translators: appended to a note's date when it was changed later */
      g_autofree char *edited = g_strdup_printf (_("%s · edited"), meta);
      g_free (meta);
      meta = g_steal_pointer (&edited);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text_box);

  body = gtk_label_new (rapport_note_get_body (note));
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_box_append (GTK_BOX (text_box), body);

  caption = gtk_label_new (meta);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (text_box), caption);

  gtk_box_append (GTK_BOX (box),
                  create_icon_button ("document-edit-symbolic", _("Edit Note"), "notes.edit",
                                      rapport_note_get_id (note)));
  gtk_box_append (GTK_BOX (box),
                  create_icon_button ("user-trash-symbolic", _("Delete Note"), "notes.delete",
                                      rapport_note_get_id (note)));

  return box;
}

static GtkWidget *
create_editor (GtkWidget *row)
{
  GtkWidget *box;
  GtkWidget *frame;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkWidget *buttons;
  GtkWidget *button;
  GtkEventController *shortcuts;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"),
                                  -1);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                          gtk_named_action_new ("notes.save")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("notes.cancel")));
  gtk_widget_add_controller (view, shortcuts);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_box_append (GTK_BOX (box), frame);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), buttons);

  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notes.cancel");
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("Save (Ctrl+Enter)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notes.save");
  gtk_box_append (GTK_BOX (buttons), button);

  g_object_set_data (G_OBJECT (row), "rapport-note-view", view);

  return box;
}

static GtkWidget *
create_row (RapportNote *note,
            gint64       now)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *stack = gtk_stack_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "rapport-note", g_object_ref (note), g_object_unref);

  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  gtk_stack_set_interpolate_size (GTK_STACK (stack), TRUE);
  gtk_stack_add_named (GTK_STACK (stack), create_view (note, now), "view");
  gtk_stack_add_named (GTK_STACK (stack), create_editor (row), "edit");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "view");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), stack);
  g_object_set_data (G_OBJECT (row), "rapport-note-stack", stack);

  return row;
}

static void
rebuild (RapportMemberNotes *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  gint64 now = rapport_now_unix ();

  self->refresh_pending = FALSE;

  rapport_list_box_remove_rows (self->list);

  if (self->store == NULL || self->member_id <= 0)
    return;

  notes = rapport_store_list_notes (self->store, self->member_id);
  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (notes, i), now));
}

/**
 * rapport_member_notes_refresh:
 *
 * Reads the notes again, unless one is being edited: then the refresh
 * happens when the edit is saved or cancelled.
 */
void
rapport_member_notes_refresh (RapportMemberNotes *self)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_NOTES (self));

  if (self->editing_id != 0)
    {
      self->refresh_pending = TRUE;
      return;
    }

  rebuild (self);
}

static void
hide_undo (RapportMemberNotes *self)
{
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  self->undo_journal_id = 0;
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.undo", FALSE);
}

static void
reset (RapportMemberNotes *self)
{
  self->editing_id = 0;
  gtk_revealer_set_reveal_child (self->composer_revealer, FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
  rapport_member_clear_error (self->error_label, NULL);
  hide_undo (self);
  rebuild (self);
}

/**
 * rapport_member_notes_start_new_note:
 *
 * Opens the editor for a new note and puts the cursor in it.
 */
void
rapport_member_notes_start_new_note (RapportMemberNotes *self)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_NOTES (self));

  if (self->store == NULL || self->member_id <= 0)
    return;

  gtk_revealer_set_reveal_child (self->composer_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer_view));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rapport_member_notes_start_new_note (RAPPORT_MEMBER_NOTES (widget));
}

static void
cancel_new_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
  gtk_revealer_set_reveal_child (self->composer_revealer, FALSE);
  rapport_member_clear_error (self->error_label, NULL);
}

static void
save_new_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);
  g_autofree char *body = dup_buffer_text (self->composer_view);
  g_autofree char *author = rapport_member_dup_author_name ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (rapport_store_add_note (self->store, self->member_id, body, author, &error) == 0)
    {
      rapport_member_show_error (self->error_label, NULL, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->composer_view));
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
  gtk_revealer_set_reveal_child (self->composer_revealer, FALSE);
  rapport_member_notes_refresh (self);
}

static void
stop_editing (RapportMemberNotes *self)
{
  GtkWidget *row = self->editing_id ? find_row (self, self->editing_id) : NULL;

  if (row != NULL)
    gtk_stack_set_visible_child_name (g_object_get_data (G_OBJECT (row), "rapport-note-stack"), "view");

  self->editing_id = 0;
  if (self->refresh_pending)
    rebuild (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);
  gint64 id = g_variant_get_int64 (parameter);
  RapportNote *note;
  GtkTextView *view;
  GtkWidget *row;

  if (self->editing_id != 0 && self->editing_id != id)
    stop_editing (self);

  row = find_row (self, id);
  if (row == NULL)
    return;

  note = g_object_get_data (G_OBJECT (row), "rapport-note");
  view = g_object_get_data (G_OBJECT (row), "rapport-note-view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), rapport_note_get_body (note), -1);
  gtk_stack_set_visible_child_name (g_object_get_data (G_OBJECT (row), "rapport-note-stack"), "edit");
  self->editing_id = id;
  rapport_member_clear_error (self->error_label, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);

  rapport_member_clear_error (self->error_label, NULL);
  stop_editing (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);
  gint64 id = self->editing_id;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *row;

  if (id == 0 || (row = find_row (self, id)) == NULL)
    return;

  body = dup_buffer_text (g_object_get_data (G_OBJECT (row), "rapport-note-view"));
  if (!rapport_store_update_note (self->store, id, body, &error))
    {
      rapport_member_show_error (self->error_label, NULL, error);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  self->refresh_pending = TRUE;
  stop_editing (self);
}

static gboolean
on_undo_timeout_cb (gpointer data)
{
  RapportMemberNotes *self = data;

  self->undo_timeout_id = 0;
  hide_undo (self);

  return G_SOURCE_REMOVE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  gint64 journal_id = 0;
  GtkWidget *row;

  if (self->store == NULL)
    return;

  if (!rapport_store_delete_note (self->store, id, &journal_id, &error))
    {
      rapport_member_show_error (self->error_label, NULL, error);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  if (self->editing_id == id)
    self->editing_id = 0;

  /* While another note is being edited the refresh waits; the deleted one
   * must go at once all the same. */
  if ((row = find_row (self, id)) != NULL)
    gtk_list_box_remove (self->list, row);
  rapport_member_notes_refresh (self);

  hide_undo (self);
  self->undo_journal_id = journal_id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.undo", TRUE);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  self->undo_timeout_id = g_timeout_add_seconds (UNDO_TIMEOUT_SECONDS, on_undo_timeout_cb, self);
  /* The focused Delete button is gone; keep keyboard users nearby. */
  gtk_widget_grab_focus (self->undo_button);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (widget);
  g_autoptr(GError) error = NULL;
  gint64 journal_id = self->undo_journal_id;

  if (self->store == NULL || journal_id == 0)
    return;

  hide_undo (self);
  if (!rapport_store_undo (self->store, journal_id, &error))
    {
      rapport_member_show_error (self->error_label, NULL, error);
      return;
    }

  rapport_member_notes_refresh (self);
}

static void
rapport_member_notes_dispose (GObject *object)
{
  RapportMemberNotes *self = (RapportMemberNotes *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBER_NOTES);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_member_notes_parent_class)->dispose (object);
}

static void
rapport_member_notes_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_notes_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportMemberNotes *self = RAPPORT_MEMBER_NOTES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_member_notes_set_context (self, g_value_get_object (value));
      break;

    case PROP_MEMBER_ID:
      rapport_member_notes_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_notes_class_init (RapportMemberNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_notes_dispose;
  object_class->get_property = rapport_member_notes_get_property;
  object_class->set_property = rapport_member_notes_set_property;

  /* The open community; its store is the one shown. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "notes.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "notes.cancel-new", NULL, cancel_new_action);
  gtk_widget_class_install_action (widget_class, "notes.save-new", NULL, save_new_action);
  gtk_widget_class_install_action (widget_class, "notes.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "notes.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "notes.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "notes.undo", NULL, undo_action);

  rapport_member_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-member-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMemberNotes, composer_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberNotes, composer_view);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberNotes, list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberNotes, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberNotes, undo_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberNotes, error_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_notes_init (RapportMemberNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.undo", FALSE);
}

/**
 * rapport_member_notes_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_member_notes_get_context (RapportMemberNotes *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_NOTES (self), NULL);

  return self->context;
}

/**
 * rapport_member_notes_set_context:
 * @context: (nullable): the open community
 */
void
rapport_member_notes_set_context (RapportMemberNotes *self,
                                  RapportContext     *context)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_NOTES (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_member_notes_get_member_id (RapportMemberNotes *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_NOTES (self), 0);

  return self->member_id;
}

void
rapport_member_notes_set_member_id (RapportMemberNotes *self,
                                    gint64              member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_NOTES (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;
  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
