/* rapport-preferences-window.c
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

#define G_LOG_DOMAIN "rapport-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-context.h"
#include "rapport-preferences-accounts.h"
#include "rapport-preferences-pipeline.h"
#include "rapport-preferences-scoring.h"
#include "rapport-preferences-window.h"

/* Only settings that change something: the style, the name on notes,
 * where the database lives, and, with a database open, how engagement is
 * scored and which stages the pipeline has. */

struct _RapportPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  char                 *database_path;
  RapportContext       *context;

  AdwComboRow          *style_row;
  AdwPreferencesGroup  *notes_group;
  AdwEntryRow          *author_row;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The combo row's positions, in the order of the "color-scheme" enum. */
static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_position (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (scheme, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[position]);
}

static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  /* "~/…" reads better than the full home folder. */
  if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + home_len, NULL);

  return g_strdup (path);
}

static void
on_open_folder_clicked_cb (RapportPreferencesWindow *self,
                           GtkButton                *button)
{
  g_autofree char *folder = g_path_get_dirname (self->database_path);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
rapport_preferences_window_constructed (GObject *object)
{
  RapportPreferencesWindow *self = (RapportPreferencesWindow *)object;
  g_autofree char *display_path = NULL;
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_position,
                                position_to_color_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "author-name",
                   self->author_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  /* Translators: %s is the person's name from their account */
  description = g_strdup_printf (_("Notes you write are signed with this name. Leave it empty to use “%s”."),
                                 g_get_real_name ());
  adw_preferences_group_set_description (self->notes_group, description);

  if (self->database_path != NULL)
    {
      display_path = dup_display_path (self->database_path);
      adw_action_row_set_subtitle (self->database_row, display_path);
    }

  /* With the open community, its accounts; the pages edit its scoring
   * and pipeline, the ones the board and the member pages show. */
  if (self->context != NULL)
    {
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (rapport_preferences_accounts_new (self->context)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (rapport_preferences_scoring_new (self->context)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (rapport_preferences_pipeline_new (self->context)));
    }
}

static void
rapport_preferences_window_dispose (GObject *object)
{
  RapportPreferencesWindow *self = (RapportPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_finalize (GObject *object)
{
  RapportPreferencesWindow *self = (RapportPreferencesWindow *)object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->finalize (object);
}

static void
rapport_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_window_constructed;
  object_class->dispose = rapport_preferences_window_dispose;
  object_class->finalize = rapport_preferences_window_finalize;
  object_class->get_property = rapport_preferences_window_get_property;
  object_class->set_property = rapport_preferences_window_set_property;

  properties [PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The open community, whose database the Accounts, Scoring and
   * Pipeline pages edit; without one, those pages are left out. */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-preferences-window.ui");

  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, notes_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, database_row);

  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

/**
 * rapport_preferences_window_new:
 * @parent: (nullable): the main window
 * @context: (nullable): the open community, if any
 * @database_path: the database shown under Data
 *
 * Returns: (transfer none): the preferences window, owned by GTK until closed
 */
GtkWidget *
rapport_preferences_window_new (GtkWindow      *parent,
                                RapportContext *context,
                                const char     *database_path)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (context == NULL || RAPPORT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "context", context,
                       "database-path", database_path,
                       NULL);
}
