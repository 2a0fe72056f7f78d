/* rapport-member-tags.c
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

#define G_LOG_DOMAIN "rapport-member-tags"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context.h"
#include "rapport-member-chip-box.h"
#include "rapport-member-tags.h"
#include "rapport-member-util.h"
#include "rapport-store.h"

struct _RapportMemberTags
{
  GtkWidget             parent_instance;

  RapportContext       *context;
  RapportStore         *store;
  gint64                member_id;

  RapportMemberChipBox *chip_box;
  GtkWidget            *empty_label;
  AdwEntryRow          *add_row;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (RapportMemberTags, rapport_member_tags, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkWidget *
create_chip (const char *tag)
{
  /* Translators: the accessible name of a tag's remove button */
  g_autofree char *remove_label = g_strdup_printf (_("Remove Tag “%s”"), tag);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "tag-chip");
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_tooltip_text (label, tag);
  gtk_box_append (GTK_BOX (chip), label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tags.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tag);
  rapport_member_label_button (button, remove_label);
  gtk_box_append (GTK_BOX (chip), button);

  return chip;
}

/**
 * rapport_member_tags_refresh:
 *
 * Reads the member's tags again; the Add Tag row keeps what is typed.
 */
void
rapport_member_tags_refresh (RapportMemberTags *self)
{
  g_auto(GStrv) tags = NULL;

  g_return_if_fail (RAPPORT_IS_MEMBER_TAGS (self));

  rapport_member_chip_box_remove_all (self->chip_box);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), self->store != NULL && self->member_id > 0);
  if (self->store != NULL && self->member_id > 0)
    tags = rapport_store_list_member_tags (self->store, self->member_id);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    rapport_member_chip_box_append (self->chip_box, create_chip (tags[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), tags != NULL && tags[0] != NULL);
  gtk_widget_set_visible (self->empty_label, tags == NULL || tags[0] == NULL);
}

static void
on_add_row_apply_cb (RapportMemberTags *self,
                     AdwEntryRow       *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (!rapport_store_add_member_tag (self->store, self->member_id, text, &error))
    {
      rapport_member_show_error (self->error_label, GTK_WIDGET (row), error);
      return;
    }

  rapport_member_clear_error (self->error_label, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  rapport_member_tags_refresh (self);
}

static void
on_add_row_changed_cb (RapportMemberTags *self,
                       GtkEditable       *editable)
{
  rapport_member_clear_error (self->error_label, GTK_WIDGET (editable));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMemberTags *self = RAPPORT_MEMBER_TAGS (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (!rapport_store_remove_member_tag (self->store, self->member_id,
                                        g_variant_get_string (parameter, NULL), &error))
    {
      rapport_member_show_error (self->error_label, NULL, error);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  rapport_member_tags_refresh (self);
  /* The focused chip is gone; keep keyboard users in the group. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
reset (RapportMemberTags *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  rapport_member_clear_error (self->error_label, GTK_WIDGET (self->add_row));
  rapport_member_tags_refresh (self);
}

static void
rapport_member_tags_dispose (GObject *object)
{
  RapportMemberTags *self = (RapportMemberTags *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBER_TAGS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_member_tags_parent_class)->dispose (object);
}

static void
rapport_member_tags_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportMemberTags *self = RAPPORT_MEMBER_TAGS (object);

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
rapport_member_tags_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportMemberTags *self = RAPPORT_MEMBER_TAGS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_member_tags_set_context (self, g_value_get_object (value));
      break;

    case PROP_MEMBER_ID:
      rapport_member_tags_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_tags_class_init (RapportMemberTagsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_tags_dispose;
  object_class->get_property = rapport_member_tags_get_property;
  object_class->set_property = rapport_member_tags_set_property;

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

  gtk_widget_class_install_action (widget_class, "tags.remove", "s", remove_action);

  g_type_ensure (RAPPORT_TYPE_MEMBER_CHIP_BOX);

  rapport_member_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-member-tags.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTags, chip_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTags, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTags, add_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberTags, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_tags_init (RapportMemberTags *self)
{
  rapport_member_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_member_tags_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_member_tags_get_context (RapportMemberTags *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_TAGS (self), NULL);

  return self->context;
}

/**
 * rapport_member_tags_set_context:
 * @context: (nullable): the open community
 */
void
rapport_member_tags_set_context (RapportMemberTags *self,
                                 RapportContext    *context)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_TAGS (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_member_tags_get_member_id (RapportMemberTags *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_TAGS (self), 0);

  return self->member_id;
}

void
rapport_member_tags_set_member_id (RapportMemberTags *self,
                                   gint64             member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_TAGS (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;
  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
