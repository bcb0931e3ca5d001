#pragma once

#include <QString>

class QAbstractItemModel;

namespace app {

// Writes a table model's display text as RFC 4180 CSV with a header row.
QString toCsv(const QAbstractItemModel& model);
bool writeCsv(const QAbstractItemModel& model, const QString& path, QString* error);

} // namespace app
