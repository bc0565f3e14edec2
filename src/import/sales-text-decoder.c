/* sales-text-decoder.c: bytes of a text file to UTF-8, block by block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sales-text-decoder.h"

/* Windows-1252 0x80-0x9F; the five unassigned bytes keep their C1 code
 * point, as browsers do, so that nothing is lost.
 */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

#define REPLACEMENT 0xFFFD

const char *
sales_text_encoding_name (SalesTextEncoding encoding)
{
  switch (encoding)
    {
    case SALES_TEXT_UTF16LE:
      return "UTF-16LE";
    case SALES_TEXT_UTF16BE:
      return "UTF-16BE";
    case SALES_TEXT_WINDOWS_1252:
      return "WINDOWS-1252";
    case SALES_TEXT_UTF8:
    default:
      return "UTF-8";
    }
}

/**
 * sales_text_encoding_from_name:
 * @name: an encoding as a user or a script names it: "UTF-8",
 *   "UTF-16LE", "UTF-16BE", "WINDOWS-1252", and the aliases "UTF8",
 *   "UTF-16" (little-endian, the Windows default), "CP1252", "LATIN1",
 *   "ISO-8859-1" (read as Windows-1252, its superset), in any case
 * @encoding: (out): the encoding
 *
 * Returns: %TRUE when @name is one the decoder reads
 */
gboolean
sales_text_encoding_from_name (const char        *name,
                               SalesTextEncoding *encoding)
{
  static const struct { const char *name; SalesTextEncoding encoding; } names[] = {
    { "UTF-8", SALES_TEXT_UTF8 }, { "UTF8", SALES_TEXT_UTF8 },
    { "UTF-16LE", SALES_TEXT_UTF16LE }, { "UTF-16", SALES_TEXT_UTF16LE },
    { "UTF-16BE", SALES_TEXT_UTF16BE },
    { "WINDOWS-1252", SALES_TEXT_WINDOWS_1252 },
    { "CP1252", SALES_TEXT_WINDOWS_1252 },
    { "LATIN1", SALES_TEXT_WINDOWS_1252 },
    { "LATIN-1", SALES_TEXT_WINDOWS_1252 },
    { "ISO-8859-1", SALES_TEXT_WINDOWS_1252 },
  };

  g_return_val_if_fail (encoding != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }

  return FALSE;
}

static inline char *
put_char (char     *out,
          gunichar c)
{
  return out + g_unichar_to_utf8 (c, out);
}

static inline gunichar
cp1252_char (guint8 byte)
{
  if (byte >= 0x80 && byte < 0xA0)
    return cp1252_high[byte - 0x80];
  return byte;
}

/* Valid UTF-8 where NUL bytes are allowed (they are replaced later). */
static gboolean
utf8_valid_with_nuls (const guint8 *p,
                      gsize         length)
{
  const guint8 *end = p + length;

  while (p < end)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len ((const char *)p, end - p, &stop))
        return TRUE;
      if (*stop != '\0')
        return FALSE;
      p = (const guint8 *)stop + 1;
    }

  return TRUE;
}

/* UTF-16 without a mark shows as a NUL in every other byte of ASCII. */
static gboolean
looks_utf16 (const guint8 *head,
             gsize         length,
             gsize         zero_parity)
{
  gsize pairs = length / 2;
  gsize zeros = 0;
  gsize others = 0;

  if (pairs < 8)
    return FALSE;

  for (gsize i = 0; i < pairs * 2; i++)
    if (head[i] == 0)
      {
        if (i % 2 == zero_parity)
          zeros++;
        else
          others++;
      }

  return zeros * 10 >= pairs * 4 && others * 20 < pairs;
}

/* Where the last whole UTF-8 character of @length bytes ends. */
static gsize
utf8_whole_length (const guint8 *p,
                   gsize         length)
{
  for (gsize back = 1; back <= 3 && back <= length; back++)
    {
      guint8 byte = p[length - back];
      gsize need;

      if (byte < 0x80)
        return length;
      if (byte < 0xC0)
        continue;

      need = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
      return need > back ? length - back : length;
    }

  return length;
}

SalesTextEncoding
sales_text_sniff (const guint8 *head,
                  gsize         length,
                  gboolean      whole_file,
                  gsize        *bom_length)
{
  *bom_length = 0;

  if (length >= 3 && memcmp (head, "\357\273\277", 3) == 0)
    {
      *bom_length = 3;
      return SALES_TEXT_UTF8;
    }
  if (length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
    {
      *bom_length = 2;
      return SALES_TEXT_UTF16LE;
    }
  if (length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
    {
      *bom_length = 2;
      return SALES_TEXT_UTF16BE;
    }

  if (looks_utf16 (head, length, 1))
    return SALES_TEXT_UTF16LE;
  if (looks_utf16 (head, length, 0))
    return SALES_TEXT_UTF16BE;

  if (!whole_file)
    length = utf8_whole_length (head, length);
  if (utf8_valid_with_nuls (head, length))
    return SALES_TEXT_UTF8;
  return SALES_TEXT_WINDOWS_1252;
}

/* TRUE when a block is plain ASCII without NUL or valid UTF-8 without
 * NUL: then it is used as it is. Eight bytes at a time for the ASCII
 * that CRM exports mostly are.
 */
static gboolean
utf8_clean (const guint8 *p,
            gsize         length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 v;

      memcpy (&v, p + i, 8);
      if (((v | ((v - ones) & ~v)) & highs) != 0)
        break;
    }

  return g_utf8_validate_len ((const char *)p + i, length - i, NULL);
}

static gsize
decode_utf8_lossy (const guint8 *in,
                   gsize         length,
                   char         *out)
{
  char *o = out;
  gsize i = 0;

  while (i < length)
    {
      guint8 byte = in[i];
      gunichar c;

      if (byte != 0 && byte < 0x80)
        {
          *o++ = byte;
          i++;
          continue;
        }
      if (byte == 0)
        {
          o = put_char (o, REPLACEMENT);
          i++;
          continue;
        }

      c = g_utf8_get_char_validated ((const char *)in + i, length - i);
      if (c < 0x110000 && c != 0)
        {
          gsize n = g_utf8_skip[byte];

          memcpy (o, in + i, n);
          o += n;
          i += n;
        }
      else
        {
          o = put_char (o, cp1252_char (byte));
          i++;
        }
    }

  return o - out;
}

static gsize
decode_cp1252 (const guint8 *in,
               gsize         length,
               char         *out)
{
  char *o = out;

  for (gsize i = 0; i < length; i++)
    {
      guint8 byte = in[i];

      if (byte != 0 && byte < 0x80)
        *o++ = byte;
      else
        o = put_char (o, byte == 0 ? REPLACEMENT : cp1252_char (byte));
    }

  return o - out;
}

static inline guint
utf16_unit (const guint8 *p,
            gboolean      little)
{
  return little ? p[0] | (p[1] << 8) : (p[0] << 8) | p[1];
}

static gsize
decode_utf16 (const guint8 *in,
              gsize         length,
              gboolean      little,
              gboolean      eof,
              char         *out,
              gsize        *consumed)
{
  char *o = out;
  gsize i = 0;

  while (i + 2 <= length)
    {
      guint u = utf16_unit (in + i, little);

      if (u >= 0xD800 && u < 0xDC00)
        {
          guint low;

          /* The low half may be in the next block. */
          if (i + 4 > length && !eof)
            break;
          low = i + 4 <= length ? utf16_unit (in + i + 2, little) : 0;
          if (low >= 0xDC00 && low < 0xE000)
            {
              o = put_char (o, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
              i += 4;
              continue;
            }
          u = REPLACEMENT;
        }
      else if ((u >= 0xDC00 && u < 0xE000) || u == 0)
        u = REPLACEMENT;

      o = put_char (o, u);
      i += 2;
    }

  /* A last odd byte is not a character. */
  if (eof && i < length)
    {
      o = put_char (o, REPLACEMENT);
      i = length;
    }

  *consumed = i;
  return o - out;
}

const char *
sales_text_decode (SalesTextEncoding  encoding,
                   const guint8      *in,
                   gsize              length,
                   gboolean           eof,
                   char              *out,
                   gsize             *out_length,
                   gsize             *consumed)
{
  gsize whole;

  switch (encoding)
    {
    case SALES_TEXT_UTF16LE:
    case SALES_TEXT_UTF16BE:
      *out_length = decode_utf16 (in, length,
                                  encoding == SALES_TEXT_UTF16LE, eof, out,
                                  consumed);
      return out;

    case SALES_TEXT_WINDOWS_1252:
      *out_length = decode_cp1252 (in, length, out);
      *consumed = length;
      return out;

    case SALES_TEXT_UTF8:
    default:
      whole = eof ? length : utf8_whole_length (in, length);
      *consumed = whole;
      if (utf8_clean (in, whole))
        {
          *out_length = whole;
          return (const char *)in;
        }
      *out_length = decode_utf8_lossy (in, whole, out);
      return out;
    }
}
