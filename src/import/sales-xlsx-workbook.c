/* sales-xlsx-workbook.c: the sheets of an XLSX and where their parts are
 *
 * Part names are never assumed: the package relationships name the
 * workbook, and the workbook's relationships name each sheet, the
 * shared strings and the styles, as writers other than Excel lay them
 * out differently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-limits.h"
#include "sales-reader-private.h"
#include "sales-xlsx-workbook.h"
#include "sales-zip-xml.h"

typedef struct
{
  GHashTable *targets;     /* Id -> resolved part name */
  char       *office;      /* the officeDocument part */
  char       *strings;
  char       *styles;
  const char *base;        /* folder the targets are relative to */
} Relationships;

typedef struct
{
  SalesXlsxWorkbook *workbook;
  GPtrArray         *ids;
  SalesReader       *owner;
} WorkbookLoader;

/* "worksheets/sheet1.xml" against "xl" is "xl/worksheets/sheet1.xml";
 * an absolute target starts from the root; ".." goes up.
 */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base[0] == '\0')
    joined = g_strdup (target);
  else
    joined = g_strconcat (base, "/", target, NULL);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (segments[i][0] != '\0' && !g_str_equal (segments[i], ".") &&
               !g_str_equal (segments[i], ".."))
        g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);

  return g_strjoinv ("/", (char **)kept->pdata);
}

static gboolean
on_relationship (xmlTextReaderPtr   reader,
                 const char        *name,
                 gpointer           user_data,
                 GError           **error)
{
  Relationships *rels = user_data;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  g_autofree char *target = NULL;
  g_autofree char *mode = NULL;
  char *part;

  if (!g_str_equal (name, "Relationship"))
    return TRUE;

  id = sales_xml_get_attribute (reader, "Id");
  type = sales_xml_get_attribute (reader, "Type");
  target = sales_xml_get_attribute (reader, "Target");
  mode = sales_xml_get_attribute (reader, "TargetMode");
  if (id == NULL || type == NULL || target == NULL ||
      g_strcmp0 (mode, "External") == 0)
    return TRUE;

  part = resolve_target (rels->base, target);
  if (g_str_has_suffix (type, "/officeDocument") && rels->office == NULL)
    rels->office = g_strdup (part);
  else if (g_str_has_suffix (type, "/sharedStrings") && rels->strings == NULL)
    rels->strings = g_strdup (part);
  else if (g_str_has_suffix (type, "/styles") && rels->styles == NULL)
    rels->styles = g_strdup (part);
  g_hash_table_insert (rels->targets, g_steal_pointer (&id), part);

  return TRUE;
}

static void
relationships_clear (Relationships *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->office, g_free);
  g_clear_pointer (&rels->strings, g_free);
  g_clear_pointer (&rels->styles, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Relationships, relationships_clear)

static gboolean
load_relationships (SalesReader    *owner,
                    GsfInfile      *zip,
                    const char     *part,
                    const char     *base,
                    Relationships  *rels,
                    GError        **error)
{
  g_autofree char *rels_part = NULL;
  const char *slash = strrchr (part, '/');

  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         g_free);
  rels->base = base;

  /* The relationships of "xl/workbook.xml" are "xl/_rels/workbook.xml.rels". */
  if (slash == NULL)
    rels_part = g_strconcat ("_rels/", part, ".rels", NULL);
  else
    rels_part = g_strdup_printf ("%.*s/_rels/%s.rels", (int)(slash - part),
                                 part, slash + 1);

  return sales_xml_read_part (owner, zip, rels_part, FALSE, on_relationship,
                              rels, error);
}

static gboolean
is_true (const char *value)
{
  return g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0;
}

static gboolean
on_workbook_element (xmlTextReaderPtr   reader,
                     const char        *name,
                     gpointer           user_data,
                     GError           **error)
{
  WorkbookLoader *loader = user_data;
  SalesXlsxWorkbook *workbook = loader->workbook;
  g_autofree char *sheet_name = NULL;
  g_autofree char *state = NULL;
  g_autofree char *date1904 = NULL;
  gboolean hidden;

  if (g_str_equal (name, "workbookPr"))
    {
      date1904 = sales_xml_get_attribute (reader, "date1904");
      workbook->date1904 = is_true (date1904);
      return TRUE;
    }
  if (!g_str_equal (name, "sheet"))
    return TRUE;

  if (workbook->names->len >= SALES_MAX_SHEETS)
    {
      sales_reader_set_error (loader->owner, error, SALES_ERROR_LIMIT, 0,
                              _("the workbook has more than 4096 sheets"));
      return FALSE;
    }

  sheet_name = sales_xml_get_attribute (reader, "name");
  state = sales_xml_get_attribute (reader, "state");
  hidden = g_strcmp0 (state, "hidden") == 0 ||
           g_strcmp0 (state, "veryHidden") == 0;
  g_ptr_array_add (workbook->names, g_strdup (sheet_name ? sheet_name : ""));
  g_ptr_array_add (loader->ids, sales_xml_get_attribute (reader, "id"));
  g_array_append_val (workbook->hidden, hidden);

  return TRUE;
}

static char *
folder_of (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash != NULL ? g_strndup (part, slash - part) : g_strdup ("");
}

SalesXlsxWorkbook *
sales_xlsx_workbook_load (SalesReader  *owner,
                          GsfInfile    *zip,
                          GError      **error)
{
  g_autoptr(SalesXlsxWorkbook) workbook = g_new0 (SalesXlsxWorkbook, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(Relationships) package = { 0 };
  g_auto(Relationships) rels = { 0 };
  g_autofree char *office = NULL;
  g_autofree char *folder = NULL;
  WorkbookLoader loader = { workbook, ids, owner };

  workbook->names = g_ptr_array_new_with_free_func (g_free);
  workbook->parts = g_ptr_array_new_with_free_func (g_free);
  workbook->hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!load_relationships (owner, zip, "", "", &package, error))
    return NULL;
  office = g_strdup (package.office != NULL ? package.office
                                            : "xl/workbook.xml");
  folder = folder_of (office);

  if (!load_relationships (owner, zip, office, folder, &rels, error) ||
      !sales_xml_read_part (owner, zip, office, TRUE, on_workbook_element,
                            &loader, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *part = id != NULL ? g_hash_table_lookup (rels.targets, id)
                                    : NULL;

      g_ptr_array_add (workbook->parts, g_strdup (part));
    }
  workbook->shared_strings = g_steal_pointer (&rels.strings);
  workbook->styles = g_steal_pointer (&rels.styles);

  return g_steal_pointer (&workbook);
}

void
sales_xlsx_workbook_free (SalesXlsxWorkbook *workbook)
{
  if (workbook == NULL)
    return;

  g_clear_pointer (&workbook->names, g_ptr_array_unref);
  g_clear_pointer (&workbook->parts, g_ptr_array_unref);
  g_clear_pointer (&workbook->hidden, g_array_unref);
  g_free (workbook->shared_strings);
  g_free (workbook->styles);
  g_free (workbook);
}
