/* rapport-fuzz.h
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
#include <stddef.h>
#include <stdint.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* What every harness shares. libFuzzer calls LLVMFuzzerTestOneInput() many
 * times in one process, so the store is opened once and each input's
 * writes happen in a transaction that is rolled back: no input sees
 * another's rows. */

int           LLVMFuzzerTestOneInput    (const uint8_t  *data,
                                         size_t          size);

void          rapport_fuzz_init         (void);
RapportStore *rapport_fuzz_get_store    (void);
gint64        rapport_fuzz_get_event_id (void);
GFile        *rapport_fuzz_write_file   (const char     *name,
                                         const uint8_t  *data,
                                         size_t          size);
void          rapport_fuzz_begin        (RapportStore   *store);
void          rapport_fuzz_rollback     (RapportStore   *store);
GInputStream *rapport_fuzz_stream_new   (const uint8_t  *data,
                                         size_t          size,
                                         gsize           chunk);

G_END_DECLS
