/* sales-ods-sheets.h: the tables of an ODS content.xml, and attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>
#include <libxml/parser.h>

#include "sales-reader.h"

G_BEGIN_DECLS

#define SALES_ODS_NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define SALES_ODS_NS_OFFICE \
  "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define SALES_ODS_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define SALES_ODS_NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

/* An attribute value of a SAX2 element, not NUL-ended: @value..@end. */
typedef struct
{
  const char *value;
  const char *end;
} SalesOdsValue;

/* Finds attribute @name in namespace @uri; FALSE when absent. */
gboolean  sales_ods_attribute   (const xmlChar **attributes,
                                 int             n_attributes,
                                 const char     *uri,
                                 const char     *name,
                                 SalesOdsValue  *value);
/* Appends the attribute's text to @out, as the document means it: with
 * entities left unexpanded, libxml2 hands an "&" over as "&#38;".
 */
gboolean  sales_ods_attribute_text (const xmlChar **attributes,
                                    int             n_attributes,
                                    const char     *uri,
                                    const char     *name,
                                    GString        *out);
/* The attribute as a number, or @fallback. */
guint64   sales_ods_attribute_uint (const xmlChar **attributes,
                                    int             n_attributes,
                                    const char     *uri,
                                    const char     *name,
                                    guint64         fallback);
gboolean  sales_ods_is          (const xmlChar  *uri,
                                 const xmlChar  *local_name,
                                 const char     *want_uri,
                                 const char     *want_name);

/* Reads content.xml once and adds each table to @owner's sheets, with
 * tables whose style says table:display="false" hidden.
 */
gboolean  sales_ods_list_sheets (SalesReader    *owner,
                                 GsfInfile      *zip,
                                 GError        **error);

G_END_DECLS
