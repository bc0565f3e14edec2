#include "sales-dashboard.h"
void
sales_dashboard_export_report (SalesDashboard *self)
{
}
