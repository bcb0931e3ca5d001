#pragma once

#include <QSize>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace app::charts {

// Renders a chart to PNG or SVG (by the file's extension) at an exact size, offscreen: the
// GUI's "Save chart as…" and `mptcpscope-cli plot` both come here.
bool exportChart(QChart* chart, const QString& path, QSize size, QString* error);

} // namespace app::charts
