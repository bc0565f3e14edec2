/* sales-cli-import.c: `salesops-cli preview`, `import` and `revert`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <unistd.h>

#include "sales-cli.h"
#include "sales-error.h"
#include "sales-importer.h"
#include "sales-limits.h"
#include "sales-mapper.h"
#include "sales-sniffer.h"

/* Default number of rows `preview` prints. */
#define PREVIEW_ROWS 20

static void
add_string_or_null (JsonBuilder *b,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
print_json (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  return json_to_string (root, TRUE);
}

/* Row cells are counted, not NULL-terminated. */
static char **
copy_cells (const SalesRow *row)
{
  char **cells = g_new0 (char *, row->n_cells + 1);

  for (guint i = 0; i < row->n_cells; i++)
    cells[i] = g_strdup (row->cells[i]);

  return cells;
}

/* Sniffs the whole file, keeping the first @n_rows data rows (0: all). */
static gboolean
read_preview (SalesReader   *reader,
              SalesSniffer  *sniffer,
              guint64        n_rows,
              GPtrArray     *rows,
              GError       **error)
{
  g_autoptr(GError) local = NULL;
  SalesRow *row = NULL;

  if (!sales_sniffer_sniff_reader (sniffer, reader, 0, error))
    return FALSE;

  for (guint64 i = 0; sales_reader_next_row (reader, &row, &local); i++)
    {
      if (i < sales_sniffer_get_skip_rows (sniffer))
        continue;
      if (n_rows > 0 && rows->len >= n_rows)
        break;
      g_ptr_array_add (rows, copy_cells (row));
    }

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  return TRUE;
}

static void
add_columns (JsonBuilder  *b,
             SalesSniffer *sniffer,
             const char   *table)
{
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < sales_sniffer_get_n_columns (sniffer); i++)
    {
      const char *name = sales_sniffer_get_column_name (sniffer, i);
      SalesColumnFormat format;

      sales_sniffer_get_column_format (sniffer, i, &format);
      json_builder_begin_object (b);
      add_string_or_null (b, "name", name);
      add_string_or_null (b, "type", sales_column_type_to_string (
                            sales_sniffer_get_column_type (sniffer, i)));
      add_string_or_null (b, "date_order",
                          sales_date_order_to_string (format.date_order));
      add_string_or_null (b, "field", table != NULL ?
                          sales_mapper_guess_field (table, name) : NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_sheets (JsonBuilder *b,
            SalesReader *reader)
{
  const GPtrArray *sheets = sales_reader_get_sheets (reader);

  json_builder_set_member_name (b, "sheets");
  json_builder_begin_array (b);
  for (guint i = 0; sheets != NULL && i < sheets->len; i++)
    {
      const SalesSheetInfo *sheet = g_ptr_array_index (sheets, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "name", sheet->name);
      json_builder_set_member_name (b, "hidden");
      json_builder_add_boolean_value (b, sheet->hidden);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
preview_json (SalesReader  *reader,
              SalesSniffer *sniffer,
              GPtrArray    *rows,
              const char   *table)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  char delimiter[2] = { sales_reader_get_delimiter (reader), '\0' };

  json_builder_begin_object (b);
  add_string_or_null (b, "format", sales_reader_get_format (reader));
  add_string_or_null (b, "encoding", sales_reader_get_encoding (reader));
  add_string_or_null (b, "delimiter", delimiter[0] ? delimiter : NULL);
  add_string_or_null (b, "sheet", sales_reader_get_sheet (reader));
  add_sheets (b, reader);
  json_builder_set_member_name (b, "header");
  json_builder_add_boolean_value (b, sales_sniffer_has_header (sniffer));
  add_string_or_null (b, "table", table);
  add_columns (b, sniffer, table);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      json_builder_begin_array (b);
      for (guint j = 0; cells[j] != NULL; j++)
        json_builder_add_string_value (b, cells[j]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return print_json (b);
}

/* Columns padded to their widest cell, in characters. */
static void
print_table (SalesSniffer *sniffer,
             GPtrArray    *rows)
{
  guint n = sales_sniffer_get_n_columns (sniffer);
  g_autofree glong *widths = g_new0 (glong, n);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n; c++)
    widths[c] = g_utf8_strlen (sales_sniffer_get_column_name (sniffer, c), -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n && cells[c] != NULL; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      char **cells = r > 0 ? g_ptr_array_index (rows, r - 1) : NULL;
      gboolean ended = FALSE;

      g_string_truncate (line, 0);
      for (guint c = 0; c < n; c++)
        {
          const char *text = r == 0 ? sales_sniffer_get_column_name (sniffer,
                                                                     c)
                                    : ended || cells[c] == NULL ? "" : cells[c];

          ended |= r > 0 && cells[c] == NULL;
          g_string_append (line, text);
          for (glong k = g_utf8_strlen (text, -1); k < widths[c] + 2; k++)
            g_string_append_c (line, ' ');
        }
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }
}

/* How a file is read when the user says so: --encoding, --delimiter
 * (a name or the character) and --header-row (0 for none).
 */
typedef struct
{
  char *encoding;
  char *delimiter_text;
  int   header_row;
  char  delimiter;
} ReadingOptions;

#define READING_OPTION_ENTRIES(r) \
  { "encoding", 0, 0, G_OPTION_ARG_STRING, &(r).encoding, \
    N_("Read a text file in this encoding (UTF-8, UTF-16LE, UTF-16BE, " \
       "WINDOWS-1252) instead of detecting it"), "E" }, \
  { "delimiter", 0, 0, G_OPTION_ARG_STRING, &(r).delimiter_text, \
    N_("Split a text file on comma, semicolon, tab or pipe instead of " \
       "detecting it"), "D" }, \
  { "header-row", 0, 0, G_OPTION_ARG_INT, &(r).header_row, \
    N_("The row holding the column names, from 1; 0 when there is none"), \
    "N" }

static void
reading_options_clear (ReadingOptions *r)
{
  g_free (r->encoding);
  g_free (r->delimiter_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadingOptions, reading_options_clear)

/* Returns FALSE with a usage error printed in @status. */
static gboolean
check_reading_options (ReadingOptions *r,
                       const char     *command,
                       int            *status)
{
  static const struct { const char *name; char c; } names[] = {
    { "comma", ',' }, { ",", ',' }, { "semicolon", ';' }, { ";", ';' },
    { "tab", '\t' }, { "\\t", '\t' }, { "\t", '\t' }, { "pipe", '|' },
    { "|", '|' },
  };

  for (guint i = 0; r->delimiter_text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (r->delimiter_text, names[i].name) == 0)
      r->delimiter = names[i].c;

  if (r->delimiter_text != NULL && r->delimiter == 0)
    {
      *status = sales_cli_usage_error (command, _("--delimiter must be comma, "
                                                  "semicolon, tab or pipe"));
      return FALSE;
    }
  if (r->header_row < -1 || r->header_row > SALES_SNIFF_HEADER_ROWS)
    {
      *status = sales_cli_usage_error (command, _("--header-row must be "
                                                  "from 0 to %d"),
                                       SALES_SNIFF_HEADER_ROWS);
      return FALSE;
    }

  return TRUE;
}

int
sales_cli_preview (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalesReader) reader = NULL;
  g_autoptr(SalesSniffer) sniffer = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (
    (GDestroyNotify)g_strfreev);
  g_autofree char *sheet = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GError *error = NULL;
  gboolean as_json = FALSE;
  gint n_rows = PREVIEW_ROWS;
  int status = SALES_CLI_OK;
  g_auto(ReadingOptions) reading = { NULL, NULL, -1, 0 };
  SalesReadOptions options;
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("The sheet of a workbook, by name or 0-based index"), "S" },
    READING_OPTION_ENTRIES (reading),
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows,
      N_("How many rows to print (default 20; 0 for all)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — show how a file would be read"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sales_cli_parse (context, "preview", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sales_cli_usage_error ("preview", _("expected one FILE"));
  if (n_rows < 0)
    return sales_cli_usage_error ("preview", _("--rows must be 0 or more"));
  if (!check_reading_options (&reading, "preview", &status))
    return status;

  options.encoding = reading.encoding;
  options.delimiter = reading.delimiter;
  reader = sales_reader_open_with_options (argv[1], sheet, &options, NULL,
                                           &error);
  sniffer = sales_sniffer_new ();
  sales_sniffer_set_header_row (sniffer, reading.header_row);
  if (reader == NULL || !read_preview (reader, sniffer, n_rows, rows, &error))
    return sales_cli_fail (error);

  for (guint i = 0; i < sales_sniffer_get_n_columns (sniffer); i++)
    g_ptr_array_add (names,
                     (gpointer)sales_sniffer_get_column_name (sniffer, i));
  if (!as_json)
    {
      print_table (sniffer, rows);
      return SALES_CLI_OK;
    }

  json = preview_json (reader, sniffer, rows,
                       sales_mapper_guess_table ((const char *const *)
                                                 names->pdata, names->len));
  sales_cli_print_json (json);
  return SALES_CLI_OK;
}

static void
add_reject (JsonBuilder *b,
            guint64      line,
            const char  *column,
            const char  *value,
            const char  *reason)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, line);
  add_string_or_null (b, "column", column);
  add_string_or_null (b, "value", value);
  add_string_or_null (b, "reason", reason);
  json_builder_end_object (b);
}

/* After a real import every reject is read back from the workspace; a
 * dry run has the ones the importer kept.
 */
static void
add_rejects (JsonBuilder   *b,
             SalesImporter *importer,
             sqlite3       *db)
{
  const GPtrArray *kept = sales_importer_get_rejects (importer);
  sqlite3_stmt *stmt = NULL;

  json_builder_set_member_name (b, "rejects");
  json_builder_begin_array (b);
  if (sales_importer_get_import_id (importer) > 0 &&
      sqlite3_prepare_v2 (db, "SELECT line, column_name, value, reason FROM "
                              "import_rejects WHERE import_id = ? ORDER BY id",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, sales_importer_get_import_id (importer));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        add_reject (b, sqlite3_column_int64 (stmt, 0),
                    (const char *)sqlite3_column_text (stmt, 1),
                    (const char *)sqlite3_column_text (stmt, 2),
                    (const char *)sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }
  else
    for (guint i = 0; i < kept->len; i++)
      {
        const SalesImportReject *r = g_ptr_array_index (kept, i);

        add_reject (b, r->line, r->column, r->value, r->reason);
      }
  json_builder_end_array (b);
}

static void
add_count (JsonBuilder *b,
           const char  *name,
           guint64      value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static char *
import_json (SalesImporter  *importer,
             SalesWorkspace *workspace)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const SalesImportCounts *c = sales_importer_get_counts (importer);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "import_id");
  if (sales_importer_get_import_id (importer) > 0)
    json_builder_add_int_value (b, sales_importer_get_import_id (importer));
  else
    json_builder_add_null_value (b);
  add_string_or_null (b, "table", sales_importer_get_table (importer));
  add_count (b, "rows_read", c->rows_read);
  add_count (b, "inserted", c->inserted);
  add_count (b, "updated", c->updated);
  add_count (b, "unchanged", c->unchanged);
  add_count (b, "rejected", c->rejected);
  add_rejects (b, importer, sales_workspace_get_db (workspace));
  json_builder_end_object (b);

  return print_json (b);
}

static void
print_summary (SalesImporter *importer)
{
  const SalesImportCounts *c = sales_importer_get_counts (importer);
  const GPtrArray *rejects = sales_importer_get_rejects (importer);

  g_print (_("Import %" PRId64 " into %s: %" PRIu64
             " rows read, %" PRIu64 " inserted, %" PRIu64
             " updated, %" PRIu64 " unchanged, %" PRIu64
             " rejected\n"),
           sales_importer_get_import_id (importer),
           sales_importer_get_table (importer), c->rows_read, c->inserted,
           c->updated, c->unchanged, c->rejected);
  for (guint i = 0; i < rejects->len; i++)
    {
      const SalesImportReject *r = g_ptr_array_index (rejects, i);

      g_print (_("  line %" PRIu64 ", column “%s”, value “%s”: %s\n"),
               r->line, r->column ? r->column : "", r->value, r->reason);
    }
}

/* Choices made on the command line are the user's confirmation. */
static void
add_choices (SalesImporter      *importer,
             const char *const  *maps,
             const char *const  *sets,
             gboolean            table_given)
{
  sales_importer_set_remember_mapping (importer, maps != NULL ||
                                       sets != NULL || table_given);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    sales_importer_add_override (importer, maps[i]);
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    sales_importer_add_constant (importer, sets[i]);
}

/* A --map, --set or --table the workspace cannot take is a usage error;
 * anything else is bad input.
 */
static int
import_failed (GError   *error,
               gboolean  options_given)
{
  int status;

  if (!options_given ||
      !g_error_matches (error, SALES_ERROR, SALES_ERROR_INVALID))
    return sales_cli_fail (error);

  status = sales_cli_usage_error ("import", "%s", error->message);
  g_error_free (error);
  return status;
}

/* On a terminal, a long import shows how far it is on one line of
 * standard error, which the result then replaces.
 */
typedef struct
{
  char *name;
  int   percent;      /* shown last, -1 before the first */
} Progress;

/* The percent of SALES_IMPORT_PROGRESS_FINISHING. */
#define FINISHING 1000

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  /* Back to the start of the line, cleared for what follows. */
  if (progress->percent >= 0)
    fputs ("\r\033[K", stderr);
  g_free (progress->name);
  g_free (progress);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *progress = data;
  int percent = fraction == SALES_IMPORT_PROGRESS_FINISHING ?
                FINISHING : (int)(fraction * 100);

  if (percent == progress->percent)
    return;

  progress->percent = percent;
  fputs ("\r\033[K", stderr);
  if (percent == FINISHING)
    /* Translators: every row is stored; indexes are built and saved. */
    fprintf (stderr, _("Importing “%s”: finishing"), progress->name);
  else
    /* Translators: the file being imported and how much of it is done. */
    fprintf (stderr, _("Importing “%s”: %d %%"), progress->name, percent);
  fflush (stderr);
}

static void
show_progress (SalesImporter *importer,
               const char    *path)
{
  Progress *progress;

  if (!isatty (STDERR_FILENO))
    return;

  progress = g_new0 (Progress, 1);
  progress->name = g_path_get_basename (path);
  progress->percent = -1;
  sales_importer_set_progress_func (importer, progress_cb, progress,
                                    progress_free);
}

static void
print_result (SalesImporter  *importer,
              SalesWorkspace *workspace,
              gboolean        as_json)
{
  g_autofree char *json = NULL;

  if (!as_json)
    {
      print_summary (importer);
      return;
    }

  json = import_json (importer, workspace);
  sales_cli_print_json (json);
}

int
sales_cli_import (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  g_autoptr(SalesImporter) importer = NULL;
  g_autofree char *table = NULL;
  g_autofree char *sheet = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) sets = NULL;
  GError *error = NULL;
  gboolean dry_run = FALSE;
  gboolean as_json = FALSE;
  gboolean ok;
  int status = SALES_CLI_OK;
  g_auto(ReadingOptions) reading = { NULL, NULL, -1, 0 };
  const GOptionEntry entries[] = {
    READING_OPTION_ENTRIES (reading),
    { "table", 0, 0, G_OPTION_ARG_STRING, &table,
      N_("The table to import into (guessed from the headers if not given)"),
      "TABLE" },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("The sheet of a workbook, by name or 0-based index"), "S" },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Map a source column to a field"), "'Header=field'" },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      N_("Give a field the same value on every row"), "field=value" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Count and check without writing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("WORKSPACE FILE — import a file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sales_cli_parse (context, "import", &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sales_cli_usage_error ("import",
                                  _("expected a WORKSPACE and a FILE"));
  if (!check_reading_options (&reading, "import", &status))
    return status;

  workspace = sales_cli_open_workspace (argv[1], &status);
  if (workspace == NULL)
    return status;

  /* Nothing else of this process touches the workspace meanwhile. */
  importer = sales_importer_new (workspace, argv[2]);
  sales_importer_set_exclusive (importer, TRUE);
  sales_importer_set_table (importer, table);
  sales_importer_set_sheet (importer, sheet);
  sales_importer_set_dry_run (importer, dry_run);
  sales_importer_set_encoding (importer, reading.encoding);
  sales_importer_set_delimiter (importer, reading.delimiter);
  sales_importer_set_header_row (importer, reading.header_row);
  add_choices (importer, (const char *const *)maps,
               (const char *const *)sets, table != NULL);
  show_progress (importer, argv[2]);

  ok = sales_importer_run (importer, NULL, &error);
  /* Clears the progress line before any message. */
  sales_importer_set_progress_func (importer, NULL, NULL, NULL);
  if (!ok)
    return import_failed (error, maps != NULL || sets != NULL ||
                                 table != NULL || reading.encoding != NULL);

  print_result (importer, workspace, as_json);
  return SALES_CLI_OK;
}

int
sales_cli_revert (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalesWorkspace) workspace = NULL;
  GError *error = NULL;
  int status = SALES_CLI_OK;
  gint64 id;
  char *end = NULL;

  context = g_option_context_new (_("WORKSPACE IMPORT_ID — take an import "
                                    "back"));
  if (!sales_cli_parse (context, "revert", &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sales_cli_usage_error ("revert",
                                  _("expected a WORKSPACE and an IMPORT_ID"));

  id = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || id <= 0)
    return sales_cli_usage_error ("revert",
                                  _("IMPORT_ID must be a positive number"));

  workspace = sales_cli_open_workspace (argv[1], &status);
  if (workspace == NULL)
    return status;

  if (!sales_import_revert (workspace, id, &error))
    return sales_cli_fail (error);

  return SALES_CLI_OK;
}
