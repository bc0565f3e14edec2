/* sales-json-literal.c: JSON values kept as the file spells them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-json"

#include "config.h"

#include <string.h>

#include "sales-json-literal.h"

/* The longest stretch of an offending token an error quotes. */
#define TOKEN_QUOTE_CHARS 40

typedef struct
{
  const char *text;
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
  GString    *out;
} Tagger;

void
sales_json_literal_error_clear (SalesJsonLiteralError *error)
{
  g_clear_pointer (&error->token, g_free);
}

static void
newline (Tagger     *tagger,
         const char *at)
{
  tagger->line++;
  tagger->line_start = at + 1;
}

/* The end of the string starting at @start (its closing quote), or @end
 * when it is not closed.
 */
static const char *
string_end (Tagger     *tagger,
            const char *start)
{
  const char *q = start + 1;

  while (q < tagger->end && *q != '"')
    {
      if (*q == '\\' && q + 1 < tagger->end)
        q++;
      q++;
    }
  return q;
}

/* TRUE when the next character past blanks after @q is ":". */
static gboolean
is_key (Tagger     *tagger,
        const char *q)
{
  while (q < tagger->end && (*q == ' ' || *q == '\t' || *q == '\r' ||
                             *q == '\n'))
    q++;
  return q < tagger->end && *q == ':';
}

/* The value of the four hexadecimal digits at @p, or -1. */
static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The length of the escape at @p ("\\n", "\\u00e9", a surrogate pair),
 * or 0 when json-glib would turn it into text that is not UTF-8: a bad
 * escape letter, fewer than four hexadecimal digits, half a surrogate
 * pair.
 */
static gsize
escape_length (const char *p,
               const char *end)
{
  int unit;

  if (end - p >= 2 && strchr ("\"\\/bfnrt", p[1]) != NULL && p[1] != '\0')
    return 2;
  if (end - p < 2 || p[1] != 'u' || (unit = hex4 (p + 2, end)) < 0)
    return 0;
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return 0;
  if (unit < 0xd800 || unit > 0xdbff)
    return 6;

  unit = end - p >= 12 && p[6] == '\\' && p[7] == 'u' ? hex4 (p + 8, end)
                                                       : -1;
  return unit >= 0xdc00 && unit <= 0xdfff ? 12 : 0;
}

static void
set_error (Tagger                *tagger,
           SalesJsonLiteralError *error,
           const char            *start,
           const char            *end)
{
  glong shown = g_utf8_strlen (start, end - start);

  error->line = tagger->line;
  error->column = g_utf8_strlen (tagger->line_start,
                                 start - tagger->line_start) + 1;
  error->token = g_utf8_substring (start, 0, MIN (shown, TOKEN_QUOTE_CHARS));
}

/* Copies the inside of a string, checking its escapes; an escaped NUL,
 * which would cut the text short, becomes U+FFFD as a NUL byte does in
 * the other readers, with the same length, so columns stay put.
 */
static gboolean
copy_string_body (Tagger                *tagger,
                  const char            *p,
                  const char            *close,
                  SalesJsonLiteralError *error)
{
  while (p < close)
    {
      gsize n = 1;

      if (*p == '\\')
        {
          n = escape_length (p, close);
          if (n == 0)
            {
              const char *stop = g_utf8_next_char (p + 1);

              for (int i = 0; i < 4 && stop < close; i++)
                stop = g_utf8_next_char (stop);
              error->bad_escape = TRUE;
              set_error (tagger, error, p, MIN (stop, close));
              return FALSE;
            }
        }
      else if (*p == '\n')
        newline (tagger, p);

      if (n == 6 && strncmp (p, "\\u0000", 6) == 0)
        g_string_append (tagger->out, "\\ufffd");
      else
        g_string_append_len (tagger->out, p, n);
      p += n;
    }
  return TRUE;
}

static gboolean
tag_string (Tagger                *tagger,
            SalesJsonLiteralError *error)
{
  const char *start = tagger->p;
  const char *close = string_end (tagger, start);

  /* An unclosed string is copied as it is for json-glib to report. */
  if (close >= tagger->end)
    {
      for (const char *q = start; q < tagger->end; q++)
        if (*q == '\n')
          newline (tagger, q);
      g_string_append_len (tagger->out, start, tagger->end - start);
      tagger->p = tagger->end;
      return TRUE;
    }

  g_string_append (tagger->out, is_key (tagger, close + 1) ? "\"" : "\"s");
  if (!copy_string_body (tagger, start + 1, close, error))
    return FALSE;
  g_string_append_c (tagger->out, '"');
  tagger->p = close + 1;
  return TRUE;
}

static gsize
skip_digits (const char *p,
             const char *end)
{
  const char *q = p;

  while (q < end && g_ascii_isdigit (*q))
    q++;
  return q - p;
}

/* TRUE when @p..@end is a number: JSON's grammar, but with leading zeros
 * and a bare "1." or ".5" let through as json-glib lets them.
 */
static gboolean
is_number (const char *p,
           const char *end)
{
  gsize mantissa;

  if (p < end && *p == '-')
    p++;
  mantissa = skip_digits (p, end);
  p += mantissa;
  if (p < end && *p == '.')
    {
      gsize fraction = skip_digits (p + 1, end);

      p += 1 + fraction;
      mantissa += fraction;
    }
  if (mantissa == 0)
    return FALSE;

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gsize exponent;

      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      exponent = skip_digits (p, end);
      if (exponent == 0)
        return FALSE;
      p += exponent;
    }

  return p == end;
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '+' || c == '-' || c == '_';
}

static gboolean
tag_number (Tagger                 *tagger,
            SalesJsonLiteralError  *error)
{
  const char *start = tagger->p;
  const char *q = start;

  while (q < tagger->end && is_token_char (*q))
    q++;

  if (!is_number (start, q))
    {
      set_error (tagger, error, start, q);
      return FALSE;
    }

  g_string_append (tagger->out, "\"n");
  g_string_append_len (tagger->out, start, q - start);
  g_string_append_c (tagger->out, '"');
  tagger->p = q;
  return TRUE;
}

/**
 * sales_json_literal_tag:
 * @text: JSON text in UTF-8
 * @length: its length in bytes
 * @tagged_length: (out): the length of the result
 * @error: (out caller-allocates): where a refused number is, when the
 *   result is %NULL; clear it with sales_json_literal_error_clear()
 *
 * Rewrites @text for json-glib as sales-json-literal.h describes.
 * Anything that is not a string or a number is copied as it is, broken
 * JSON included, for json-glib to report; only what json-glib may
 * misread is refused here: what starts like a number and is none (0x10,
 * - 1, -Infinity), and a string escape that would not make UTF-8 text
 * (\\u00f followed by a non-digit, half a surrogate pair, \\x).
 *
 * Returns: (transfer full) (nullable): the tagged text, NUL-ended, or
 *   %NULL with @error filled in
 */
char *
sales_json_literal_tag (const char            *text,
                        gsize                  length,
                        gsize                 *tagged_length,
                        SalesJsonLiteralError *error)
{
  g_autoptr(GString) out = NULL;
  Tagger tagger;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (tagged_length != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  out = g_string_sized_new (length + length / 8 + 16);
  tagger = (Tagger) { text, text, text + length, text, 1, out };
  while (tagger.p < tagger.end)
    {
      char c = *tagger.p;

      if (c == '"')
        {
          if (!tag_string (&tagger, error))
            return NULL;
        }
      else if (c == '-' || c == '.' || g_ascii_isdigit (c))
        {
          if (!tag_number (&tagger, error))
            return NULL;
        }
      else
        {
          if (c == '\n')
            newline (&tagger, tagger.p);
          g_string_append_c (out, c);
          tagger.p++;
        }
    }

  *tagged_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A string as JSON text, escaped as json-glib writes it. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar)*p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar)*p);
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void append_json (GString  *out,
                         JsonNode *node);

static void
append_value (GString  *out,
              JsonNode *node)
{
  const char *text;

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      return;
    }

  /* Only tagged strings reach here: numbers all became strings. */
  text = json_node_get_string (node);
  if (text != NULL && text[0] == 'n')
    g_string_append (out, text + 1);
  else
    append_quoted (out, text != NULL && text[0] == 's' ? text + 1 : "");
}

static void
append_object (GString    *out,
               JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (l != members)
        g_string_append_c (out, ',');
      append_quoted (out, l->data);
      g_string_append_c (out, ':');
      append_json (out, json_object_get_member (object, l->data));
    }
  g_string_append_c (out, '}');
}

/* @node as compact JSON, with its numbers and strings as the file has
 * them.
 */
static void
append_json (GString  *out,
             JsonNode *node)
{
  JsonArray *array;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node));
      break;
    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_json (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
      break;
    case JSON_NODE_VALUE:
      append_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * sales_json_literal_text:
 * @node: a node of a tree parsed from sales_json_literal_tag()'s text
 *
 * The cell text of @node: a string as it reads, a number spelled as in
 * the file, TRUE or FALSE, an empty text for null, and an array or an
 * object as compact JSON whose numbers are spelled as in the file.
 *
 * Returns: (transfer full): the text
 */
char *
sales_json_literal_text (JsonNode *node)
{
  GString *out;
  const char *text;

  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return g_strdup ("");
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "TRUE" : "FALSE");
      text = json_node_get_string (node);
      return g_strdup (text != NULL && text[0] != '\0' ? text + 1 : "");
    case JSON_NODE_ARRAY:
    case JSON_NODE_OBJECT:
    default:
      out = g_string_new (NULL);
      append_json (out, node);
      return g_string_free (out, FALSE);
    }
}
