/* test-json-reader.c: the JSON reader on API-dump shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "reader-test.h"
#include "sales-error.h"
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
                          "", "", "", "", "", "", "-3e-07",
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
  ADD ("empty-and-rewind", test_empty_and_rewind);

  return g_test_run ();
}
