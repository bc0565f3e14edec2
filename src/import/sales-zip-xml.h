/* sales-zip-xml.h: XML parts of a zip (XLSX, ODS), read safely
 *
 * Parts are streamed through libxml2's xmlTextReader straight from the
 * zip: no network, no external entities, no DTD at all (a part that has
 * one is refused before libxml2 sees it, which defeats entity bombs),
 * and a part larger than SALES_MAX_ZIP_PART_BYTES is refused before a
 * byte of it is inflated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "sales-reader.h"
#include "sales-row-builder.h"

G_BEGIN_DECLS

/* libgsf 1.14 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

typedef struct _SalesXmlStream SalesXmlStream;

/* Opens the zip of @owner's file; %SALES_ERROR_PARSE when it is not one. */
GsfInfile        *sales_zip_open          (SalesReader   *owner,
                                           GError       **error);

/* Opens part @name ("xl/workbook.xml"). A missing part is %NULL without
 * an error unless @required; a part too large is %SALES_ERROR_LIMIT.
 */
GsfInput         *sales_zip_open_part     (SalesReader   *owner,
                                           GsfInfile     *zip,
                                           const char    *name,
                                           gboolean       required,
                                           GError       **error);

SalesXmlStream   *sales_xml_stream_new    (GsfInput      *input,
                                           const char    *name);
void              sales_xml_stream_free   (SalesXmlStream *stream);
xmlTextReaderPtr  sales_xml_stream_reader (SalesXmlStream *stream);
/* Bytes of the part read so far, and its size. */
guint64           sales_xml_stream_position (SalesXmlStream *stream);
guint64           sales_xml_stream_size   (SalesXmlStream *stream);

/* Reads the next node; returns 1, 0 at the end, or -1 with @error set
 * (%SALES_ERROR_PARSE) naming the file, the part and its line.
 */
int               sales_xml_stream_read   (SalesXmlStream *stream,
                                           SalesReader    *owner,
                                           GError        **error);

/* The value of the current element's attribute with local name @name. */
char             *sales_xml_get_attribute (xmlTextReaderPtr reader,
                                           const char      *name);

/* Reads a whole part and calls @element for each element start. */
typedef gboolean (*SalesXmlElementFunc) (xmlTextReaderPtr   reader,
                                         const char        *name,
                                         gpointer           user_data,
                                         GError           **error);
gboolean          sales_xml_read_part     (SalesReader        *owner,
                                           GsfInfile          *zip,
                                           const char         *name,
                                           gboolean            required,
                                           SalesXmlElementFunc element,
                                           gpointer            user_data,
                                           GError            **error);

/* A part fed to libxml2's SAX2 push parser a block at a time: the fast
 * way through a large sheet, as nothing is built per node. The same DTD
 * guard applies. @sax's callbacks get @user_data.
 */
typedef struct _SalesXmlPush SalesXmlPush;

SalesXmlPush     *sales_xml_push_new      (GsfInput       *input,
                                           const char     *name,
                                           xmlSAXHandler  *sax,
                                           gpointer        user_data);
void              sales_xml_push_free     (SalesXmlPush   *push);
/* Parses the next block: 1, or 0 once the part is done, or -1 with
 * @error set (%SALES_ERROR_PARSE) naming the file, part and line.
 */
int               sales_xml_push_step     (SalesXmlPush   *push,
                                           SalesReader    *owner,
                                           GError        **error);
/* Stops the parser from inside a callback (after a limit error, or when
 * the rest of the part is not needed): the next step returns 0.
 */
void              sales_xml_push_stop     (SalesXmlPush   *push);
guint64           sales_xml_push_position (SalesXmlPush   *push);

/* Sets @sax up for SAX2 with these callbacks (text for all character
 * data: whitespace is data inside a cell).
 */
void              sales_xml_sax_init      (xmlSAXHandler           *sax,
                                           startElementNsSAX2Func   start,
                                           endElementNsSAX2Func     end,
                                           charactersSAXFunc        text);

/* The next_row of a reader whose SAX callbacks queue rows in @queue and
 * leave a limit error in @pending: hands out queued rows, parsing blocks
 * as needed, then @pending, then the end.
 */
gboolean          sales_xml_push_next_row (SalesXmlPush   *push,
                                           SalesReader    *owner,
                                           SalesRowQueue  *queue,
                                           GError        **pending,
                                           SalesRow      **row,
                                           GError        **error);

/* The value of attribute @name among SAX2's (localname, prefix, URI,
 * value, end) quintuples, copied into @buf of @size bytes, or NULL.
 */
const char       *sales_xml_sax_attribute (const xmlChar **attributes,
                                           int             n_attributes,
                                           const char     *name,
                                           char           *buf,
                                           gsize           size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesXmlStream, sales_xml_stream_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesXmlPush, sales_xml_push_free)

G_END_DECLS
