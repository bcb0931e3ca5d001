#include "csv_export.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QStringList>

namespace app {
namespace {

QString quoted(QString field)
{
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

} // namespace

QString toCsv(const QAbstractItemModel& model)
{
    QString csv;
    QStringList fields;
    for (int c = 0; c < model.columnCount(); ++c)
        fields << quoted(model.headerData(c, Qt::Horizontal).toString());
    csv += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        fields.clear();
        for (int c = 0; c < model.columnCount(); ++c)
            fields << quoted(model.index(r, c).data().toString());
        csv += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return csv;
}

bool writeCsv(const QAbstractItemModel& model, const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(toCsv(model).toUtf8());
    return true;
}

} // namespace app
