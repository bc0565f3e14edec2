/* test-json-reader.c: the JSON reader on API-dump shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "reader-test.h"
#include "sales-error.h"
#include "sales-json-literal.h"
#include "salesops-test.h"

typedef ReaderFixture Fixture;

static GPtrArray *
read_json (Fixture    *fixture,
           const char *text,
           gssize      length)
{
  g_autofree char *path = reader_test_write (fixture->dir, "in.json", text,
                                             length);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = reader_test_read_all (path, NULL, &error);

  g_assert_no_error (error);
  return rows;
}

static void
test_records (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = read_json (fixture,
    "[\n"
    "  {\"id\": 1, \"name\": \"Acme\",\n"
    "   \"owner\": {\"name\": \"Ann\", \"team\": {\"id\": 7}},\n"
    "   \"tags\": [\"a\", 1], \"won\": true, \"lost\": false,\n"
    "   \"amount\": 1250.5, \"ratio\": 0.1, \"note\": null, \"empty\": {}},\n"
    "  {\"name\": \"B\\u00e9ta \\\"q\\\"\", \"id\": 2, \"extra\": -3e-7}\n"
    "]\n", -1);

  g_assert_cmpuint (rows->len, ==, 3);
  reader_test_assert_row (rows, 0, 0, "id", "name", "owner.name",
                          "owner.team.id", "tags", "won", "lost", "amount",
                          "ratio", "note", "empty", "extra", NULL);
  reader_test_assert_row (rows, 1, 2, "1", "Acme", "Ann", "7", "[\"a\",1]",
                          "TRUE", "FALSE", "1250.5", "0.1", "", "{}", "",
                          NULL);
  reader_test_assert_row (rows, 2, 6, "2", "B\303\251ta \"q\"", "", "", "",
                          "", "", "", "", "", "", "-3e-7",
                          NULL);
}

static void
test_wrapped_records (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = read_json (fixture,
    "{\"meta\": {\"page\": 1}, \"ids\": [1, 2],\n"
    " \"data\": [{\"deal\": \"x\"},\n"
    "          {\"deal\": \"y\"}],\n"
    " \"more\": [{\"other\": 1}]}", -1);

  g_assert_cmpuint (rows->len, ==, 3);
  reader_test_assert_row (rows, 0, 0, "deal", NULL);
  reader_test_assert_row (rows, 1, 2, "x", NULL);
  reader_test_assert_row (rows, 2, 3, "y", NULL);
}

static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  static const char utf16[] = "\377\376[\0{\0\"\0k\0\"\0:\0\"\0\351\0\"\0}\0]\0";
  g_autoptr(GPtrArray) bom = read_json (fixture,
                                        "\357\273\277[{\"k\": \"\303\251\"}]",
                                        -1);
  g_autoptr(GPtrArray) wide = read_json (fixture, utf16, sizeof utf16 - 1);

  reader_test_assert_row (bom, 1, 1, "\303\251", NULL);
  reader_test_assert_row (wide, 1, 1, "\303\251", NULL);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  const char *texts[] = {
    "[{\"a\": 1}, {\"a\": ", "{\"a\": 1}", "[1, 2, 3]", "[{\"a\": 1}, 2]",
    "\"text\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *path = reader_test_write (fixture->dir, "bad.json",
                                                 texts[i], -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = reader_test_read_all (path, NULL, &error);

      g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "bad.json"));
      g_assert_null (rows);
    }
}

/* Numbers past 64 bits, with leading zeros or with more digits than a
 * double holds read exactly as the file spells them, in a cell of their
 * own and inside an array's JSON text.
 */
static void
test_exact_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = read_json (fixture,
    "[{\"id\": 123456789012345678901234567890,\n"
    "  \"n\": -99999999999999999999, \"max\": 9223372036854775807,\n"
    "  \"past\": 9223372036854775808, \"u\": 18446744073709551616},\n"
    " {\"id\": 00012, \"n\": -9223372036854775809,\n"
    "  \"d\": 0.12345678901234567890123,\n"
    "  \"big\": 12345678901234567890.123456789012,\n"
    "  \"e\": 1E+400, \"f\": 4.0000000000000002, \"g\": 1.50,\n"
    "  \"list\": [123456789012345678901234567890, -0.000000000000000000001,\n"
    "           \"9\\\"\", {\"k\": 99999999999999999999}, true, null],\n"
    "  \"o\": {\"v\": 99999999999999999999}}]", -1);

  g_assert_cmpuint (rows->len, ==, 3);
  reader_test_assert_row (rows, 0, 0, "id", "n", "max", "past", "u", "d",
                          "big", "e", "f", "g", "list", "o.v", NULL);
  reader_test_assert_row (rows, 1, 1, "123456789012345678901234567890",
                          "-99999999999999999999", "9223372036854775807",
                          "9223372036854775808", "18446744073709551616",
                          "", "", "", "", "", "", "", NULL);
  reader_test_assert_row (rows, 2, 4, "00012", "-9223372036854775809", "",
                          "", "", "0.12345678901234567890123",
                          "12345678901234567890.123456789012", "1E+400",
                          "4.0000000000000002", "1.50",
                          "[123456789012345678901234567890,"
                          "-0.000000000000000000001,\"9\\\"\","
                          "{\"k\":99999999999999999999},true,null]",
                          "99999999999999999999", NULL);
}

/* What starts like a number but is none is refused at its line and
 * column, never read as some other number (json-glib reads 0x10 as 16
 * and "- 1" as -1).
 */
static void
test_not_numbers (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct { const char *text, *where; } cases[] = {
    { "[{\"a\": 1},\n {\"a\": 0x10}]", "line 2: column 8: “0x10”" },
    { "[{\"a\": \"\u00e9\", \"b\": - 1}]", "line 1: column 18: “-”" },
    { "[{\"a\":\n\"x\ny\",\n\"b\": -Infinity}]",
      "line 4: column 6: “-Infinity”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = reader_test_write (fixture->dir, "bad.json",
                                                 cases[i].text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = reader_test_read_all (path, NULL, &error);

      g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "bad.json, "));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].where));
      g_assert_null (rows);
    }
}

/* json-glib turns a broken \u escape into bytes that are not UTF-8
 * (found by fuzzing): such an escape is refused where it stands, an
 * escaped NUL reads as U+FFFD like a NUL byte in the other readers, and
 * a surrogate pair reads as its one character.
 */
static void
test_string_escapes (Fixture       *fixture,
                     gconstpointer  data)
{
  const struct { const char *text, *where; } cases[] = {
    { "[{\"a\": \"B\\u00f\357\277\275x\"}]",
      "line 1: column 10: “\\u00f\357\277\275”" },
    { "[{\"a\": 1},\n{\"a\": \"x\\ud800y\"}]", "line 2: column 9: “\\ud800”" },
    { "[{\"a\": \"\\udc00\"}]", "line 1: column 9: “\\udc00”" },
    { "[{\"a\": \"\\x41\"}]", "line 1: column 9: “\\x41”" },
    { "[{\"a\\q\": 1}]", "line 1: column 5: “\\q”" },
  };
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = reader_test_write (fixture->dir, "bad.json",
                                                 cases[i].text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) refused = reader_test_read_all (path, NULL,
                                                           &error);

      g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].where));
      g_assert_null (refused);
    }

  rows = read_json (fixture, "[{\"a\": \"x\\u0000y\", "
                             "\"b\": \"\\ud83d\\ude00\\u00e9\\/\\n\"}]", -1);
  reader_test_assert_row (rows, 0, 0, "a", "b", NULL);
  reader_test_assert_row (rows, 1, 1, "x\357\277\275y",
                          "\360\237\230\200\303\251/\n", NULL);
}

/* json-glib keeps the last of two values under one key: the file is
 * refused rather than losing the other, while the same keys in other or
 * nested objects are fine.
 */
static void
test_duplicate_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = reader_test_write (fixture->dir, "dup.json",
    "[{\"a\": 1, \"n\": {\"a\": 2}},\n"
    " {\"a\": 3, \"b\": 4, \"\\u0061\": 5}]", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refused = reader_test_read_all (path, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "dup.json, line 2: the key "
                                            "“a” appears twice"));
  g_assert_null (refused);

  rows = read_json (fixture, "[{\"a\": 1, \"n\": {\"a\": 2}},\n"
                             " {\"a\": 3, \"n\": {\"a\": 4, \"b\": 5}}]", -1);
  reader_test_assert_row (rows, 0, 0, "a", "n.a", "n.b", NULL);
  reader_test_assert_row (rows, 2, 2, "3", "4", "5", NULL);
}

/* A syntax error is placed where it is in the file, though numbers and
 * strings before it on its line were rewritten for json-glib (which
 * would place it elsewhere in the rewritten text).
 */
static void
test_syntax_error_place (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *text = "[{\"a\": 123, \"b\": \"xy\", \"c\": 4 5}]";
  g_autofree char *path = reader_test_write (fixture->dir, "bad.json", text,
                                             -1);
  SalesJsonLiteralError where = { 0 };
  gsize length = 0;
  g_autofree char *tagged = sales_json_literal_tag (text, strlen (text),
                                                    &length, &where);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) shifted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = reader_test_read_all (path, NULL, &error);

  g_assert_false (json_parser_load_from_data (parser, text, -1, &expected));
  g_assert_false (json_parser_load_from_data (parser, tagged, length,
                                              &shifted));
  g_assert_cmpstr (expected->message, !=, shifted->message);

  g_assert_error (error, SALES_ERROR, SALES_ERROR_PARSE);
  g_assert_true (g_str_has_suffix (error->message, expected->message));
  g_assert_null (rows);
}

static void
test_empty_and_rewind (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) empty = read_json (fixture, "[]", -1);
  g_autofree char *path = reader_test_write (fixture->dir, "r.json",
                                             "[{\"a\": 1}, {\"a\": 2}]", -1);
  g_autoptr(SalesReader) reader = sales_reader_open (path, NULL, NULL, NULL);
  g_autoptr(GPtrArray) first = reader_test_drain (reader, NULL);
  g_autoptr(GPtrArray) second = NULL;

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpstr (sales_reader_get_format (reader), ==, "json");
  g_assert_cmpuint (sales_reader_get_position (reader), ==,
                    sales_reader_get_size (reader));
  g_assert_true (sales_reader_rewind (reader, NULL));
  second = reader_test_drain (reader, NULL);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpuint (second->len, ==, 3);
  reader_test_assert_row (second, 2, 1, "2", NULL);
}

#define ADD(name, func) \
  g_test_add ("/json-reader/" name, Fixture, "in.json", reader_fixture_setup, \
              func, reader_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("records", test_records);
  ADD ("wrapped-records", test_wrapped_records);
  ADD ("encodings", test_encodings);
  ADD ("errors", test_errors);
  ADD ("exact-numbers", test_exact_numbers);
  ADD ("not-numbers", test_not_numbers);
  ADD ("string-escapes", test_string_escapes);
  ADD ("duplicate-keys", test_duplicate_keys);
  ADD ("syntax-error-place", test_syntax_error_place);
  ADD ("empty-and-rewind", test_empty_and_rewind);

  return g_test_run ();
}
