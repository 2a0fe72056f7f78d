/* rapport-member-identities.c
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

#define G_LOG_DOMAIN "rapport-member-identities"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context.h"
#include "rapport-identity.h"
#include "rapport-member-identities.h"
#include "rapport-member-util.h"
#include "rapport-store.h"

struct _RapportMemberIdentities
{
  GtkWidget       parent_instance;

  RapportContext *context;
  RapportStore   *store;
  gint64          member_id;

  GtkListBox     *list;
  AdwExpanderRow *add_row;
  AdwComboRow    *platform_row;
  AdwEntryRow    *handle_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (RapportMemberIdentities, rapport_member_identities, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
on_row_activated_cb (AdwActionRow            *row,
                     RapportMemberIdentities *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "rapport-url");

  if (url != NULL)
    rapport_member_open_uri (GTK_WIDGET (self), url);
}

static GtkWidget *
create_row (RapportMemberIdentities *self,
            RapportIdentity         *identity)
{
  const char *platform = rapport_identity_get_platform (identity);
  const char *handle = rapport_identity_get_handle (identity);
  const char *name = rapport_member_platform_get_name (platform);
  g_autofree char *url = rapport_member_platform_dup_profile_url (platform, handle,
                                                                  rapport_identity_get_url (identity));
  /* Translators: the accessible name of a remove button, "Remove amara-o on GitHub" */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s on %s"), handle ? handle : "", name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 handle ? handle : rapport_identity_get_external_id (identity));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

  rapport_member_set_icon (GTK_IMAGE (icon), rapport_member_platform_get_icon_name (platform));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (url != NULL)
    {
      GtkWidget *link = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

      gtk_widget_set_tooltip_text (row, url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "rapport-url", g_steal_pointer (&url), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "identities.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rapport_identity_get_id (identity));
  gtk_widget_set_tooltip_text (button, _("Remove Identity"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/**
 * rapport_member_identities_refresh:
 *
 * Reads the member's identities again. The Add Identity row keeps what the
 * user is typing.
 */
void
rapport_member_identities_refresh (RapportMemberIdentities *self)
{
  g_autoptr(GPtrArray) identities = NULL;
  GtkWidget *child;

  g_return_if_fail (RAPPORT_IS_MEMBER_IDENTITIES (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != GTK_WIDGET (self->add_row))
    gtk_list_box_remove (self->list, child);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), self->store != NULL && self->member_id > 0);
  if (self->store == NULL || self->member_id <= 0)
    return;

  identities = rapport_store_list_identities (self->store, self->member_id);
  for (guint i = 0; i < identities->len; i++)
    gtk_list_box_insert (self->list, create_row (self, g_ptr_array_index (identities, i)), i);
}

static void
on_handle_row_apply_cb (RapportMemberIdentities *self,
                        AdwEntryRow             *row)
{
  const char * const *platforms = rapport_member_platform_list_known ();
  guint selected = adw_combo_row_get_selected (self->platform_row);
  g_autofree char *handle = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->member_id <= 0)
    return;

  if (selected >= g_strv_length ((GStrv) platforms))
    selected = 0;

  if (rapport_store_add_identity (self->store, self->member_id, platforms[selected], handle,
                                  NULL, NULL, &error) == 0)
    {
      rapport_member_show_error (self->error_label, GTK_WIDGET (row), error);
      return;
    }

  rapport_member_clear_error (self->error_label, GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  adw_expander_row_set_expanded (self->add_row, FALSE);
  rapport_member_identities_refresh (self);
}

static void
on_handle_row_changed_cb (RapportMemberIdentities *self,
                          GtkEditable             *editable)
{
  rapport_member_clear_error (self->error_label, GTK_WIDGET (editable));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMemberIdentities *self = RAPPORT_MEMBER_IDENTITIES (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!rapport_store_remove_identity (self->store, g_variant_get_int64 (parameter), &error))
    {
      rapport_member_show_error (self->error_label, NULL, error);
      return;
    }

  rapport_member_clear_error (self->error_label, NULL);
  rapport_member_identities_refresh (self);
}

static void
reset (RapportMemberIdentities *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->handle_row), "");
  adw_expander_row_set_expanded (self->add_row, FALSE);
  rapport_member_clear_error (self->error_label, GTK_WIDGET (self->handle_row));
  rapport_member_identities_refresh (self);
}

static void
rapport_member_identities_dispose (GObject *object)
{
  RapportMemberIdentities *self = (RapportMemberIdentities *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEMBER_IDENTITIES);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_member_identities_parent_class)->dispose (object);
}

static void
rapport_member_identities_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RapportMemberIdentities *self = RAPPORT_MEMBER_IDENTITIES (object);

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
rapport_member_identities_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RapportMemberIdentities *self = RAPPORT_MEMBER_IDENTITIES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rapport_member_identities_set_context (self, g_value_get_object (value));
      break;

    case PROP_MEMBER_ID:
      rapport_member_identities_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_identities_class_init (RapportMemberIdentitiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_identities_dispose;
  object_class->get_property = rapport_member_identities_get_property;
  object_class->set_property = rapport_member_identities_set_property;

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

  gtk_widget_class_install_action (widget_class, "identities.remove", "x", remove_action);

  rapport_member_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-member-identities.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMemberIdentities, list);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberIdentities, add_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberIdentities, platform_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberIdentities, handle_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMemberIdentities, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_handle_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_handle_row_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_identities_init (RapportMemberIdentities *self)
{
  const char * const *platforms = rapport_member_platform_list_known ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; platforms[i] != NULL; i++)
    gtk_string_list_append (names, rapport_member_platform_get_name (platforms[i]));
  adw_combo_row_set_model (self->platform_row, G_LIST_MODEL (names));
}

/**
 * rapport_member_identities_get_context:
 *
 * Returns: (transfer none) (nullable): the open community
 */
RapportContext *
rapport_member_identities_get_context (RapportMemberIdentities *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_IDENTITIES (self), NULL);

  return self->context;
}

/**
 * rapport_member_identities_set_context:
 * @context: (nullable): the open community
 */
void
rapport_member_identities_set_context (RapportMemberIdentities *self,
                                       RapportContext          *context)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_IDENTITIES (self));
  g_return_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_set_object (&self->store, (context != NULL ? rapport_context_get_store (context) : NULL));

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

gint64
rapport_member_identities_get_member_id (RapportMemberIdentities *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_IDENTITIES (self), 0);

  return self->member_id;
}

void
rapport_member_identities_set_member_id (RapportMemberIdentities *self,
                                         gint64                   member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_IDENTITIES (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;
  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
