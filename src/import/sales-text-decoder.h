/* sales-text-decoder.h: bytes of a text file to UTF-8, block by block
 *
 * UTF-8 (checked, and passed through without a copy when clean), UTF-16
 * LE/BE and Windows-1252. Nothing is ever rejected: a byte that is not
 * valid UTF-8 is read as Windows-1252, an unpaired surrogate becomes
 * U+FFFD, and so does a NUL byte (cells are C strings and a NUL would cut
 * them short).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SALES_TEXT_UTF8,
  SALES_TEXT_UTF16LE,
  SALES_TEXT_UTF16BE,
  SALES_TEXT_WINDOWS_1252,
} SalesTextEncoding;

const char        *sales_text_encoding_name (SalesTextEncoding  encoding);
gboolean           sales_text_encoding_from_name (const char     *name,
                                                  SalesTextEncoding *encoding);

/* Guesses the encoding of a file from its first @length bytes and says
 * how many of them are a byte order mark.
 */
SalesTextEncoding  sales_text_sniff         (const guint8      *head,
                                             gsize              length,
                                             gboolean           whole_file,
                                             gsize             *bom_length);

/* Decodes the longest prefix of @in that ends on a whole character (all
 * of it when @eof). Returns the UTF-8 text, either @in itself or @out
 * (which must hold 3 * @length + 4 bytes), its length in @out_length, and
 * the bytes used in @consumed.
 */
const char        *sales_text_decode        (SalesTextEncoding  encoding,
                                             const guint8      *in,
                                             gsize              length,
                                             gboolean           eof,
                                             char              *out,
                                             gsize             *out_length,
                                             gsize             *consumed);

G_END_DECLS
