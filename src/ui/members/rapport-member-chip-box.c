/* rapport-member-chip-box.c
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

#define G_LOG_DOMAIN "rapport-member-chip-box"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-member-chip-box.h"

/* Lays chips out like words in a paragraph: left to right, wrapping to a
 * new line when the next one does not fit. A GtkFlowBox would line them up
 * in columns, leaving gaps between chips of different widths. */

#define SPACING 6

struct _RapportMemberChipBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (RapportMemberChipBox, rapport_member_chip_box, GTK_TYPE_WIDGET)

/* Walks the lines @width allows. With @allocate, places the children too.
 * Returns the height used. */
static int
lay_out (RapportMemberChipBox *self,
         int                   width,
         gboolean              allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *child;
      GtkWidget *line_end = NULL;
      int line_width = 0;
      int line_height = 0;
      int x = 0;

      /* Fill the line: always at least one child, however wide. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int nat_width, child_height;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_width, NULL, NULL);
          nat_width = MIN (nat_width, width);
          if (line_end != NULL && line_width + SPACING + nat_width > width)
            break;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, nat_width, NULL, &child_height, NULL, NULL);
          line_width += (line_end != NULL ? SPACING : 0) + nat_width;
          line_height = MAX (line_height, child_height);
          line_end = child;
        }

      if (line_end == NULL)
        break;

      if (allocate)
        {
          for (GtkWidget *c = line_start; c != NULL; c = gtk_widget_get_next_sibling (c))
            {
              int nat_width;

              if (gtk_widget_should_layout (c))
                {
                  gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_width, NULL, NULL);
                  nat_width = MIN (nat_width, width);
                  gtk_widget_size_allocate (c,
                                            &(GtkAllocation) {
                                              rtl ? width - x - nat_width : x, y,
                                              nat_width, line_height
                                            },
                                            -1);
                  x += nat_width + SPACING;
                }

              if (c == line_end)
                break;
            }
        }

      y += line_height + SPACING;
      line_start = gtk_widget_get_next_sibling (line_end);
    }

  return MAX (y - SPACING, 0);
}

static GtkSizeRequestMode
rapport_member_chip_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_member_chip_box_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  RapportMemberChipBox *self = RAPPORT_MEMBER_CHIP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;
      gboolean first = TRUE;

      /* At least the widest chip; at best all of them on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += (first ? 0 : SPACING) + child_nat;
          first = FALSE;
        }

      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size;
      int height;

      if (width < 0)
        rapport_member_chip_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);

      height = lay_out (self, width, FALSE);
      *minimum = height;
      *natural = height;
    }
}

static void
rapport_member_chip_box_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  lay_out (RAPPORT_MEMBER_CHIP_BOX (widget), width, TRUE);
}

static void
rapport_member_chip_box_dispose (GObject *object)
{
  rapport_member_chip_box_remove_all (RAPPORT_MEMBER_CHIP_BOX (object));

  G_OBJECT_CLASS (rapport_member_chip_box_parent_class)->dispose (object);
}

static void
rapport_member_chip_box_class_init (RapportMemberChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_member_chip_box_dispose;

  widget_class->get_request_mode = rapport_member_chip_box_get_request_mode;
  widget_class->measure = rapport_member_chip_box_measure;
  widget_class->size_allocate = rapport_member_chip_box_size_allocate;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_member_chip_box_init (RapportMemberChipBox *self)
{
}

GtkWidget *
rapport_member_chip_box_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEMBER_CHIP_BOX, NULL);
}

void
rapport_member_chip_box_append (RapportMemberChipBox *self,
                                GtkWidget            *child)
{
  g_return_if_fail (RAPPORT_IS_MEMBER_CHIP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
rapport_member_chip_box_remove_all (RapportMemberChipBox *self)
{
  GtkWidget *child;

  g_return_if_fail (RAPPORT_IS_MEMBER_CHIP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}
