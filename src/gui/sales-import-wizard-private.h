/* sales-import-wizard-private.h: shared by the sales-import-wizard-*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-import-wizard.h"
#include "sales-importer.h"

G_BEGIN_DECLS

/* What reading the file found, made in a worker thread. */
typedef struct
{
  SalesImporter *importer;     /* prepared: sniffed, mapping guessed */
  GPtrArray     *rows;         /* the first data rows, as GStrv */
  char          *format;
  char          *encoding;
  char           delimiter;
  char          *sheet;
  GPtrArray     *sheet_names;
  GArray        *sheet_hidden;
  char          *note;         /* why the table was not guessed, or NULL */
} SalesImportScan;

void sales_import_scan_free (SalesImportScan *scan);

/* How the user chose to read the file; NULL, 0, -1 and
 * SALES_DATE_ORDER_NONE leave it to detection.
 */
typedef struct
{
  char   *encoding;
  char    delimiter;
  int     header_row;
  GArray *date_orders;    /* SalesDateOrder by column */
} SalesImportReading;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesImportScan, sales_import_scan_free)

struct _SalesImportWizard
{
  AdwWindow         parent_instance;

  SalesWorkspace   *workspace;
  GFile            *file;
  char             *sheet;
  char             *table;
  GCancellable     *cancellable;
  SalesImportScan  *scan;
  SalesImportReading reading;
  GtkWidget        *encoding_row;
  GtkWidget        *delimiter_row;
  GtkWidget        *header_row;
  SalesImporter    *result;
  GtkNativeDialog  *chooser;
  GPtrArray        *column_rows;
  GPtrArray        *constant_rows;
  gboolean          busy;
  gboolean          importing;
  gboolean          filling;
  gboolean          finished;

  AdwWindowTitle   *window_title;
  GtkButton        *cancel_button;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkSpinner       *spinner;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwActionRow     *file_row;
  AdwComboRow      *sheet_row;
  GtkListBox       *facts_list;
  GtkColumnView    *preview_view;
  GtkListBox       *columns_list;
  AdwComboRow      *table_row;
  GtkLabel         *mapping_note;
  GtkListBox       *mapping_list;
  GtkListBox       *constants_list;
  GtkListBox       *counts_list;
  GtkWidget        *reasons_heading;
  GtkListBox       *reasons_list;
  GtkWidget        *sample_heading;
  GtkListBox       *sample_list;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  GtkButton        *stop_button;
  AdwStatusPage    *summary_page;
  GtkButton        *show_rejects_button;
  GtkButton        *revert_button;
  GtkListBox       *rejects_list;
};

/* sales-import-wizard.c */
void  _sales_import_wizard_set_busy    (SalesImportWizard *self,
                                        gboolean           busy);
void  _sales_import_wizard_show_page   (SalesImportWizard *self,
                                        const char        *name);
void  _sales_import_wizard_toast       (SalesImportWizard *self,
                                        const char        *message);
void  _sales_import_wizard_clear_list  (GtkListBox        *list);
GtkWidget *_sales_import_wizard_add_row (GtkListBox       *list,
                                         const char       *title,
                                         const char       *subtitle,
                                         const char       *value);

/* sales-import-wizard-scan.c */
void  _sales_import_wizard_scan        (SalesImportWizard *self);
void  _sales_import_wizard_choose_file (SalesImportWizard *self);
void  _sales_import_wizard_fill_format (SalesImportWizard *self);

/* sales-import-wizard-format.c */
void  _sales_import_wizard_reading_init  (SalesImportReading       *reading);
void  _sales_import_wizard_reading_clear (SalesImportReading       *reading);
void  _sales_import_wizard_reading_copy  (const SalesImportReading *from,
                                          SalesImportReading       *to);
void  _sales_import_wizard_reading_apply (const SalesImportReading *reading,
                                          SalesImporter            *importer);
void  _sales_import_wizard_fill_reading  (SalesImportWizard *self,
                                          const char        *delimiter);
GtkWidget *_sales_import_wizard_add_date_order (SalesImportWizard *self,
                                                guint              column,
                                                const char        *title,
                                                const char        *detected);

/* sales-import-wizard-mapping.c */
void  _sales_import_wizard_fill_mapping (SalesImportWizard *self);
void  _sales_import_wizard_table_changed (SalesImportWizard *self);
SalesImporter *_sales_import_wizard_new_importer (SalesImportWizard *self,
                                                  gboolean           dry_run);

/* sales-import-wizard-run.c */
void  _sales_import_wizard_review      (SalesImportWizard *self);
void  _sales_import_wizard_import      (SalesImportWizard *self);
void  _sales_import_wizard_stop        (SalesImportWizard *self);
void  _sales_import_wizard_revert      (SalesImportWizard *self);
void  _sales_import_wizard_show_rejects (SalesImportWizard *self);

/* For the wizard's tests. */
const char *sales_import_wizard_get_page       (SalesImportWizard *self);
gboolean    sales_import_wizard_is_busy        (SalesImportWizard *self);
void        sales_import_wizard_go_next        (SalesImportWizard *self);
void        sales_import_wizard_cancel_import  (SalesImportWizard *self);
SalesImporter *sales_import_wizard_get_result  (SalesImportWizard *self);

G_END_DECLS
