/* fuzz-xlsx.c: libFuzzer target for the XLSX reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include "fuzz-reader.h"
#include "sales-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static SalesReader *
open_reader (const char  *path,
             GError     **error)
{
  return sales_xlsx_reader_new (path, NULL, NULL, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_reader_run (data, size, ".xlsx", open_reader);
}
