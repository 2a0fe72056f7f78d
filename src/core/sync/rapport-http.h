/* rapport-http.h
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

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_HTTP (rapport_http_get_type ())

G_DECLARE_FINAL_TYPE (RapportHttp, rapport_http, RAPPORT, HTTP, GObject)

RapportHttp *rapport_http_new                (const char    *service,
                                              const char    *base_url,
                                              const char    *token,
                                              guint          rate_limit,
                                              guint          rate_window);
const char  *rapport_http_get_service        (RapportHttp   *self);
const char  *rapport_http_get_host           (RapportHttp   *self);
guint64      rapport_http_get_request_count  (RapportHttp   *self);
guint        rapport_http_get_timeout        (RapportHttp   *self);
void         rapport_http_set_timeout        (RapportHttp   *self,
                                              guint          seconds);
void         rapport_http_set_backoff        (RapportHttp   *self,
                                              guint          base_ms,
                                              guint          cap_ms,
                                              guint          max_retries);
JsonNode    *rapport_http_request_json       (RapportHttp   *self,
                                              const char    *method,
                                              const char    *path,
                                              const char    *query,
                                              const char    *body,
                                              guint         *status,
                                              GCancellable  *cancellable,
                                              GError       **error);
gboolean     rapport_http_check_url          (const char    *url,
                                              GError       **error);

/* Reading a response. Each names the field that is missing or of the wrong
 * type in @error, as "HubSpot response: “paging.next.after” is not a string". */
JsonObject  *rapport_json_require_object     (JsonNode      *node,
                                              const char    *service,
                                              const char    *path,
                                              GError       **error);
JsonArray   *rapport_json_require_array      (JsonObject    *object,
                                              const char    *service,
                                              const char    *path,
                                              GError       **error);
const char  *rapport_json_require_string     (JsonObject    *object,
                                              const char    *service,
                                              const char    *path,
                                              GError       **error);
gboolean     rapport_json_lookup_string      (JsonObject    *object,
                                              const char    *service,
                                              const char    *path,
                                              const char   **value,
                                              GError       **error);
const char  *rapport_json_get_optional_string (JsonObject   *object,
                                               const char   *member);

G_END_DECLS
