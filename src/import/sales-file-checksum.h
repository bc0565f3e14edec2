/* sales-file-checksum.h: a file's SHA-256, computed on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SalesFileChecksum SalesFileChecksum;

SalesFileChecksum *sales_file_checksum_start  (const char        *path);
char              *sales_file_checksum_finish (SalesFileChecksum *self);
void               sales_file_checksum_cancel (SalesFileChecksum *self);

G_END_DECLS
