/* fuzz-reader.h: one libFuzzer input through one reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-reader.h"

typedef SalesReader *(*FuzzOpenFunc) (const char    *path,
                                      GError       **error);

/* Writes the input to a file of this process and reads every row of it
 * (and again after a rewind) through the reader @open makes.
 */
int fuzz_reader_run (const guint8 *data,
                     size_t        size,
                     const char   *suffix,
                     FuzzOpenFunc  open);
