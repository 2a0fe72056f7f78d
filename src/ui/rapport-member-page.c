/* rapport-member-page.c
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

#define G_LOG_DOMAIN "rapport-member-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-member-page.h"
#include "rapport-store.h"

struct _RapportMemberPage
{
  GtkWidget     parent_instance;

  RapportStore *store;
  gint64        member_id;
};

G_DEFINE_FINAL_TYPE (RapportMemberPage, rapport_member_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEMBER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rapport_member_page_dispose (GObject *object)
{
  RapportMemberPage *self = (RapportMemberPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_member_page_parent_class)->dispose (object);
}

static void
rapport_member_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportMemberPage *self = RAPPORT_MEMBER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rapport_member_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_MEMBER_ID:
      rapport_member_page_set_member_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_member_page_class_init (RapportMemberPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_page_dispose;
  object_class->get_property = rapport_member_page_get_property;
  object_class->set_property = rapport_member_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_member_page_init (RapportMemberPage *self)
{
}

GtkWidget *
rapport_member_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEMBER_PAGE, NULL);
}

RapportStore *
rapport_member_page_get_store (RapportMemberPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_PAGE (self), NULL);

  return self->store;
}

void
rapport_member_page_set_store (RapportMemberPage *self,
                               RapportStore      *store)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_PAGE (self));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

gint64
rapport_member_page_get_member_id (RapportMemberPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEMBER_PAGE (self), 0);

  return self->member_id;
}

void
rapport_member_page_set_member_id (RapportMemberPage *self,
                                   gint64             member_id)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_PAGE (self));

  if (self->member_id == member_id)
    return;

  self->member_id = member_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBER_ID]);
}
