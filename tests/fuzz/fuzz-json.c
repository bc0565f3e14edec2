/* fuzz-json.c: libFuzzer target for the JSON reader
 *
 * The reader rewrites the file's numbers and strings before json-glib
 * parses it, so that a cell is exactly what the file says: that rewriting
 * is the part worth hammering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include "fuzz-reader.h"
#include "sales-json-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static SalesReader *
open_reader (const char  *path,
             GError     **error)
{
  return sales_json_reader_new (path, NULL, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_reader_run (data, size, ".json", open_reader);
}
