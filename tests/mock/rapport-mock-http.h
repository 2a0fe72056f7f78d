/* rapport-mock-http.h
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

#include <glib.h>

G_BEGIN_DECLS

/* A local HTTP server that misbehaves on purpose, for the HTTP client's
 * tests: it runs on 127.0.0.1 with a random port in a thread of its own.
 * Every function may be called from any thread. */
typedef struct _RapportMockHttp RapportMockHttp;

/**
 * RapportMockHttpMode:
 * @RAPPORT_MOCK_HTTP_JSON: 200 with {"ok":true,"path":PATH}
 * @RAPPORT_MOCK_HTTP_HANG: reads the request and never answers
 * @RAPPORT_MOCK_HTTP_SHORT_BODY: promises more body (Content-Length) than
 *   it sends, then closes the connection
 * @RAPPORT_MOCK_HTTP_CUT_CHUNK: a chunked body closed in the middle of a chunk
 * @RAPPORT_MOCK_HTTP_REDIRECT: 302 to the location set with
 *   rapport_mock_http_set_redirect()
 * @RAPPORT_MOCK_HTTP_UNAVAILABLE: 503 with "Retry-After: 1"
 * @RAPPORT_MOCK_HTTP_ERROR: 500 without Retry-After
 */
typedef enum
{
  RAPPORT_MOCK_HTTP_JSON,
  RAPPORT_MOCK_HTTP_HANG,
  RAPPORT_MOCK_HTTP_SHORT_BODY,
  RAPPORT_MOCK_HTTP_CUT_CHUNK,
  RAPPORT_MOCK_HTTP_REDIRECT,
  RAPPORT_MOCK_HTTP_UNAVAILABLE,
  RAPPORT_MOCK_HTTP_ERROR,
} RapportMockHttpMode;

RapportMockHttp *rapport_mock_http_new              (void);
void             rapport_mock_http_free             (RapportMockHttp     *self);
const char      *rapport_mock_http_get_url          (RapportMockHttp     *self);
guint            rapport_mock_http_get_port         (RapportMockHttp     *self);
void             rapport_mock_http_set_mode         (RapportMockHttp     *self,
                                                     RapportMockHttpMode  mode,
                                                     guint                count);
void             rapport_mock_http_set_redirect     (RapportMockHttp     *self,
                                                     const char          *location);
guint            rapport_mock_http_count_requests   (RapportMockHttp     *self);
guint            rapport_mock_http_count_authorized (RapportMockHttp     *self);
char            *rapport_mock_http_dup_last_path    (RapportMockHttp     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportMockHttp, rapport_mock_http_free)

G_END_DECLS
